package org.crmkit.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import org.crmkit.core.metrics.Measure;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.Money;
import org.crmkit.rules.condition.Operator;
import org.crmkit.rules.internal.section.Shape;

/**
 * Generates the JSON Schema (draft 2020-12) of a policy file from the section declarations
 * ({@link DocumentShape#document()}). It checks structure: keys, types, words (in any case where
 * the loader reads them so), patterns such as durations and intervals, number ranges, and the
 * condition language with the measures each section's conditions may use (relationship signals only
 * in {@code relationship} and {@code lifecycle}); what relates values to each other (tiers named
 * elsewhere, shares that add up, a warning before its target) and the rules of each measure's
 * thresholds are checked by the loader alone. The tests pin the split: {@code PolicyDocuments}
 * checks every policy fixture against this schema as well.
 */
public final class PolicySchema {
    /** Where the schema is published, as its {@code $id}. */
    public static final String ID = "urn:crmkit:policy-schema";
    /**
     * The schema's resource in the crm-rules jar, in a package of its own that the module opens,
     * so that tools read it on the module path too.
     */
    public static final String RESOURCE = "org/crmkit/rules/schema/policy-schema.json";

    /** A decimal written as a string, as JSON users do to keep amounts exact. */
    private static final String PLAIN_DECIMAL = "^" + Money.PLAIN_DECIMAL + "$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PolicySchema() {
    }

    /** @return the schema, pretty-printed with two spaces and a final newline */
    public static String text() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(
                DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the schema as a tree */
    public static ObjectNode schema() {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", ID);
        schema.put("title", "crmkit policy");
        schema.setAll(of(DocumentShape.document()));
        ObjectNode defs = schema.putObject("$defs");
        defs.set(Shape.CONDITION.name(), condition(Shape.CONDITION, false));
        defs.set(Shape.SIGNAL_CONDITION.name(), condition(Shape.SIGNAL_CONDITION, true));
        defs.set("number", number());
        return schema;
    }

    private static ObjectNode of(Shape shape) {
        ObjectNode node = JSON.objectNode();
        if (!shape.description().isEmpty()) {
            node.put("description", shape.description());
        }
        if (shape instanceof Shape.Fields fields) {
            node.put("type", "object");
            ObjectNode properties = node.putObject("properties");
            ArrayNode required = JSON.arrayNode();
            for (Map.Entry<String, Shape.Field> entry : fields.fields().entrySet()) {
                properties.set(entry.getKey(), of(entry.getValue().shape()));
                if (entry.getValue().required()) {
                    required.add(entry.getKey());
                }
            }
            if (!required.isEmpty()) {
                node.set("required", required);
            }
            node.put("additionalProperties", false);
        } else if (shape instanceof Shape.NamedMap map) {
            node.put("type", "object");
            map.namePattern().ifPresent(pattern -> node.putObject("propertyNames").put("pattern", ecma(pattern)));
            node.set("additionalProperties", of(map.values()));
        } else if (shape instanceof Shape.Items items) {
            node.put("type", "array");
            node.set("items", of(items.items()));
            if (items.minItems() > 0) {
                node.put("minItems", items.minItems());
            }
        } else if (shape instanceof Shape.Text text) {
            if (!text.words().isEmpty() && text.anyCase()) {
                // The words for editors to offer, and the same in any case, which the loader reads too.
                ArrayNode either = node.putArray("anyOf");
                ArrayNode words = either.addObject().put("type", "string").putArray("enum");
                text.words().forEach(words::add);
                String anyCase = "(?i)^\\s*(" + String.join("|", text.words()) + ")\\s*$";
                either.addObject().put("type", "string").put("pattern", ecma(anyCase));
            } else if (!text.words().isEmpty()) {
                node.put("type", "string");
                ArrayNode words = node.putArray("enum");
                text.words().forEach(words::add);
            } else if (text.pattern().isPresent()) {
                node.put("type", "string");
                node.put("pattern", ecma(text.pattern().get()));
            } else {
                // The loader reads numbers as their text, so version: 3 is a version.
                ArrayNode types = node.putArray("type");
                types.add("string");
                types.add("number");
                node.put("pattern", "\\S");
            }
        } else if (shape instanceof Shape.Number number) {
            ObjectNode asNumber = JSON.objectNode();
            asNumber.put("type", number.whole() ? "integer" : "number");
            number.minimum().ifPresent(minimum -> asNumber.put(number.aboveMinimum() ? "exclusiveMinimum" : "minimum",
                    minimum));
            number.maximum().ifPresent(maximum -> asNumber.put("maximum", maximum));
            if (number.whole()) {
                node.setAll(asNumber);
            } else {
                // Decimals may be quoted; the loader checks the range of quoted ones.
                ArrayNode either = node.putArray("anyOf");
                either.add(asNumber);
                either.addObject().put("type", "string").put("pattern", PLAIN_DECIMAL);
            }
        } else if (shape instanceof Shape.Flag) {
            node.put("type", "boolean");
        } else if (shape instanceof Shape.Either either) {
            ArrayNode alternatives = node.putArray("anyOf");
            either.alternatives().forEach(alternative -> alternatives.add(of(alternative)));
        } else if (shape instanceof Shape.Named named) {
            node.put("$ref", "#/$defs/" + named.name());
        }
        return node;
    }

    /**
     * A pattern as JSON Schema's regular expressions (ECMA-262) read it: those have no inline
     * flags, so a pattern that starts with {@code (?i)} has each letter outside escapes and
     * classes spelt in both cases ({@code [dD][aA][yY]}), which Java reads the same way.
     *
     * @param pattern a Java regular expression, {@code (?i)} allowed at its start or after {@code ^}
     * @return the same language without inline flags
     */
    static String ecma(String pattern) {
        String flag = "(?i)";
        int at = pattern.startsWith(flag) ? 0 : pattern.startsWith("^" + flag) ? 1 : -1;
        if (at < 0) {
            return pattern;
        }
        String rest = pattern.substring(0, at) + pattern.substring(at + flag.length());
        StringBuilder out = new StringBuilder(rest.length() * 3);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length()) {
                out.append(c).append(rest.charAt(++i));
            } else if (c == '[') {
                int end = rest.indexOf(']', i + 1);
                String members = rest.substring(i, end + 1);
                if (members.chars().anyMatch(Character::isLetter)) {
                    throw new IllegalArgumentException("cannot spell the class " + members + " of " + pattern
                            + " in both cases: list both cases in it and drop (?i)");
                }
                out.append(members);
                i = end;
            } else if (Character.isLetter(c) && Character.toLowerCase(c) != Character.toUpperCase(c)) {
                out.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The condition language: one key, all, any or a measure with its comparisons; signals only where allowed. */
    private static ObjectNode condition(Shape.Named shape, boolean signals) {
        ObjectNode node = JSON.objectNode();
        node.put("description", shape.description());
        node.put("type", "object");
        node.put("minProperties", 1);
        node.put("maxProperties", 1);
        ObjectNode properties = node.putObject("properties");
        for (String combination : new String[] {"all", "any"}) {
            ObjectNode list = properties.putObject(combination);
            list.put("type", "array");
            list.put("minItems", 1);
            list.putObject("items").put("$ref", "#/$defs/" + shape.name());
        }
        for (Measure measure : Metric.values()) {
            properties.set(measure.key(), comparisons(measure));
        }
        for (Measure measure : signals ? Signal.values() : new Measure[0]) {
            properties.set(measure.key(), comparisons(measure));
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode comparisons(Measure measure) {
        ObjectNode node = JSON.objectNode();
        if (measure.kind() == Measure.Kind.FLAG) {
            ArrayNode either = node.putArray("anyOf");
            either.addObject().put("type", "boolean");
            ObjectNode eq = either.addObject();
            eq.put("type", "object");
            eq.putObject("properties").putObject(Operator.EQ.key()).put("type", "boolean");
            eq.putArray("required").add(Operator.EQ.key());
            eq.put("additionalProperties", false);
            return node;
        }
        node.put("type", "object");
        node.put("minProperties", 1);
        ObjectNode properties = node.putObject("properties");
        for (Operator operator : Operator.values()) {
            properties.putObject(operator.key()).put("$ref", "#/$defs/number");
        }
        if (measure.kind() == Measure.Kind.MONEY) {
            properties.putObject("currency").put("type", "string").put("pattern", "^[A-Z]{3}$");
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode number() {
        ObjectNode node = JSON.objectNode();
        node.put("description", "A number, or a string of decimal digits.");
        ArrayNode either = node.putArray("anyOf");
        either.addObject().put("type", "number");
        either.addObject().put("type", "string").put("pattern", PLAIN_DECIMAL);
        return node;
    }
}
