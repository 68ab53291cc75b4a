package org.crmkit.jdbc.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.rules.io.InputProblem;
import org.jspecify.annotations.Nullable;

/**
 * Reads a mapping file into an {@link ErpMapping}, collecting every problem with its line and key
 * path as the policy loader does. The document is read into a small tree that remembers lines
 * (crm-rules' parser is internal to that module, which this adapter does not depend on).
 */
final class MappingReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonFactory YAML = YAMLFactory.builder().build();
    /** The top-level keys: the time zone, then every entity's, in the order {@link Entity} lists them. */
    private static final List<String> TOP_KEYS = Stream.concat(Stream.of("time_zone"),
            Arrays.stream(Entity.values()).map(Entity::key)).toList();
    /** The top-level keys in a sentence: "time_zone, customers, ... and payments". */
    private static final String TOP_KEYS_TEXT = String.join(", ", TOP_KEYS.subList(0, TOP_KEYS.size() - 1))
            + " and " + TOP_KEYS.get(TOP_KEYS.size() - 1);
    private static final List<String> ENTITY_KEYS = List.of("table", "query", "columns", "fixed", "filters");
    /** The value of {@code interactions} for an ERP that keeps none. */
    private static final String NONE = "none";

    /** A node of the document: a map, a list or a scalar (text, Long, BigDecimal, Boolean or null). */
    private record Node(String path, int line, @Nullable Map<String, Node> map, @Nullable List<Node> list,
            @Nullable Object scalar) {
    }

    private final String name;
    private final List<InputProblem> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private MappingReader(String name) {
        this.name = name;
    }

    static ErpMapping read(String text, String name, boolean json) {
        MappingReader reader = new MappingReader(name);
        Optional<Node> root = reader.parse(text, json);
        ErpMapping.Builder builder = ErpMapping.builder();
        root.ifPresent(node -> reader.readRoot(node, builder));
        if (!reader.problems.isEmpty()) {
            // In document order, as the policy loader reports them; a stable sort keeps a line's order.
            reader.problems.sort(java.util.Comparator.comparingInt(InputProblem::line));
            throw new MappingException(reader.problems);
        }
        return builder.build(name, reader.lines);
    }

    private void problem(int line, String path, String message) {
        problems.add(InputProblem.atPath(name, line, path, message));
    }

    private Optional<Node> parse(String text, boolean json) {
        String syntax = json ? "JSON" : "YAML";
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            if (parser.nextToken() == null) {
                problem(0, "", "the mapping is empty");
                return Optional.empty();
            }
            Node root = node(parser, "");
            if (parser.nextToken() != null) {
                problem(line(parser), "", "unexpected content after the end of the document");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            problem(line, "", "not valid " + syntax + ": " + message);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node node(JsonParser parser, String path) throws IOException {
        int line = line(parser);
        lines.putIfAbsent(path, line);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String child = path.isEmpty() ? key : path + "." + key;
                int keyLine = line(parser);
                parser.nextToken();
                lines.put(child, keyLine);
                Node value = node(parser, child);
                if (entries.putIfAbsent(key, value) != null) {
                    problem(keyLine, child, "duplicate key '" + key + "'");
                }
            }
            return new Node(path, line, entries, null, null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, path + "[" + items.size() + "]"));
            }
            return new Node(path, line, null, items, null);
        }
        Object scalar = switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new BigDecimal(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
        return new Node(path, line, null, null, scalar);
    }

    private static int line(JsonParser parser) {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    private void readRoot(Node root, ErpMapping.Builder builder) {
        if (root.map() == null) {
            problem(root.line(), "", "a mapping is a map of " + TOP_KEYS_TEXT);
            return;
        }
        for (Map.Entry<String, Node> entry : root.map().entrySet()) {
            Node value = entry.getValue();
            if (!TOP_KEYS.contains(entry.getKey())) {
                problem(value.line(), value.path(), "unknown key '" + entry.getKey()
                        + "'; a mapping has " + TOP_KEYS_TEXT);
            } else if (entry.getKey().equals("time_zone")) {
                text(value, "a time zone").ifPresent(zone -> {
                    try {
                        builder.timeZone(ZoneId.of(zone));
                    } catch (DateTimeException e) {
                        problem(value.line(), value.path(), "unknown time zone '" + zone + "'");
                    }
                });
            } else if (entry.getKey().equals(Entity.INTERACTIONS.key()) && NONE.equals(value.scalar())) {
                builder.noInteractions();
            } else {
                readEntity(Entity.ofKey(entry.getKey()).orElseThrow(), value).ifPresent(builder::entity);
            }
        }
    }

    private Optional<String> text(Node node, String what) {
        if (node.scalar() instanceof String text) {
            return Optional.of(text);
        }
        String hint = node.scalar() instanceof Boolean
                ? " (YAML reads an unquoted yes, no, on or off as true or false: quote it)" : "";
        problem(node.line(), node.path(), what + " is text, was " + describe(node) + hint);
        return Optional.empty();
    }

    private static String describe(Node node) {
        if (node.map() != null) {
            return "a map";
        }
        if (node.list() != null) {
            return "a list";
        }
        return node.scalar() == null ? "empty" : "'" + scalarText(node.scalar()) + "'";
    }

    private static String scalarText(Object scalar) {
        return scalar instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(scalar);
    }

    private Optional<EntityMapping> readEntity(Entity entity, Node node) {
        int before = problems.size();
        Map<String, Node> keys = node.map();
        if (keys == null) {
            // Only the interactions can be absent: every other entity is needed (or read from crmkit's table).
            problem(node.line(), node.path(), entity.key() + " is a map of " + String.join(", ", ENTITY_KEYS)
                    + (entity == Entity.INTERACTIONS ? ", or none for an ERP that keeps no interactions" : "")
                    + ", was " + describe(node));
            return Optional.empty();
        }
        keys.forEach((key, value) -> {
            if (!ENTITY_KEYS.contains(key)) {
                problem(value.line(), value.path(), "unknown key '" + key + "'; expected one of "
                        + String.join(", ", ENTITY_KEYS));
            }
        });
        Source source = null;
        if (keys.containsKey("table") && keys.containsKey("query")) {
            problem(keys.get("query").line(), keys.get("query").path(), "give a table or a query, not both");
        } else if (keys.containsKey("table")) {
            source = text(keys.get("table"), "a table").map(Source::table).orElse(null);
        } else if (keys.containsKey("query")) {
            source = text(keys.get("query"), "a query").map(Source::query).orElse(null);
        } else {
            problem(node.line(), node.path(), "name a table (or view) or a query");
        }
        Map<Field, FieldValue> fields = new EnumMap<>(Field.class);
        readFields(entity, keys.get("columns"), fields, true);
        readFields(entity, keys.get("fixed"), fields, false);
        List<Filter> filters = readFilters(keys.get("filters"));
        // The parts read are checked even after a problem, so that every problem is reported at once;
        // a missing source is reported above, and crmkit's table stands in for it in the check.
        List<EntityMapping.Found> found = EntityMapping.problems(entity,
                source == null ? Source.table(entity.crmkitTable()) : source, fields, filters);
        found.forEach(problem -> problem(lines.getOrDefault(problem.path(), node.line()), problem.path(),
                problem.message()));
        if (problems.size() > before || source == null) {
            return Optional.empty();
        }
        return Optional.of(new EntityMapping(entity, source, fields, filters));
    }

    private void readFields(Entity entity, @Nullable Node node, Map<Field, FieldValue> fields, boolean columns) {
        if (node == null) {
            return;
        }
        if (node.map() == null) {
            problem(node.line(), node.path(), "a map of field to " + (columns ? "column" : "value") + ", was "
                    + describe(node));
            return;
        }
        for (Map.Entry<String, Node> entry : node.map().entrySet()) {
            Node value = entry.getValue();
            Optional<Field> field = entity.field(entry.getKey());
            if (field.isEmpty()) {
                problem(value.line(), value.path(), "unknown field '" + entry.getKey() + "' of " + entity.key()
                        + "; its fields are " + entity.fields().stream().map(Field::key)
                        .collect(Collectors.joining(", ")));
            } else if (fields.containsKey(field.get())) {
                problem(value.line(), value.path(), "'" + entry.getKey() + "' has a column and a fixed value;"
                        + " give one");
            } else if (columns) {
                // After a problem, the field's own key stands in, so that it is not reported as left out too.
                fields.put(field.get(), FieldValue.column(text(value, "a column name").orElse(field.get().key())));
            } else if (value.scalar() == null) {
                problem(value.line(), value.path(), "a fixed value is text, a number or true/false, was "
                        + describe(value));
            } else {
                fields.put(field.get(), FieldValue.fixed(scalarText(value.scalar())));
            }
        }
    }

    private List<Filter> readFilters(@Nullable Node node) {
        List<Filter> filters = new ArrayList<>();
        if (node == null) {
            return filters;
        }
        if (node.list() == null) {
            problem(node.line(), node.path(), "filters are a list, was " + describe(node));
            return filters;
        }
        for (Node item : node.list()) {
            readFilter(item).ifPresent(filters::add);
        }
        return filters;
    }

    private Optional<Filter> readFilter(Node item) {
        String operators = java.util.Arrays.stream(Filter.Operator.values()).map(Filter.Operator::key)
                .collect(Collectors.joining(", "));
        if (item.map() == null || !item.map().containsKey("column") || item.map().size() != 2) {
            problem(item.line(), item.path(), "a filter is a map of 'column' and one of " + operators + ", was "
                    + describe(item));
            return Optional.empty();
        }
        Optional<String> column = text(item.map().get("column"), "a column name");
        Map.Entry<String, Node> test = item.map().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("column")).findFirst().orElseThrow();
        Optional<Filter.Operator> operator = java.util.Arrays.stream(Filter.Operator.values())
                .filter(op -> op.key().equals(test.getKey())).findFirst();
        Node value = test.getValue();
        if (operator.isEmpty()) {
            problem(value.line(), value.path(), "unknown operator '" + test.getKey() + "'; expected one of "
                    + operators);
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        if (operator.get().arity() == 0) {
            if (!Boolean.TRUE.equals(value.scalar())) {
                problem(value.line(), value.path(), operator.get().key() + " is written 'true', was " + describe(value));
                return Optional.empty();
            }
        } else if (value.list() != null) {
            for (Node element : value.list()) {
                if (element.scalar() == null) {
                    problem(element.line(), element.path(), "a filter value is text, a number or true/false, was "
                            + describe(element));
                    return Optional.empty();
                }
                values.add(element.scalar());
            }
        } else if (value.scalar() != null) {
            values.add(value.scalar());
        } else {
            problem(value.line(), value.path(), "a filter value is text, a number or true/false, was " + describe(value));
            return Optional.empty();
        }
        String problem = Filter.problem(operator.get(), values);
        if (!problem.isEmpty()) {
            problem(value.line(), value.path(), problem);
            return Optional.empty();
        }
        return column.map(name -> new Filter(name, operator.get(), values));
    }
}
