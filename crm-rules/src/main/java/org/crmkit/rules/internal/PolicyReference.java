package org.crmkit.rules.internal;

import java.util.Map;
import java.util.stream.Collectors;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.metrics.Signal;
import org.crmkit.rules.condition.Operator;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;

/**
 * Generates {@code docs/policy-reference.md}, the reference of every key of a policy file, from
 * the section declarations, so that it lists exactly what the loader accepts.
 */
public final class PolicyReference {
    private PolicyReference() {
    }

    /** @return the Markdown text, ending with a newline */
    public static String text() {
        StringBuilder out = new StringBuilder();
        out.append("# Policy file reference\n\n")
                .append("<!-- Generated from the section declarations by PolicyDocsTest; do not edit. Refresh with\n")
                .append("     ").append(PolicyDocsCommand.COMMAND).append(" -->\n\n")
                .append("Every key a policy file (YAML or JSON) may have. The loader checks all of it before anything\n")
                .append("uses the policy, and reports every problem at once with file, line and key path.\n\n")
                .append("## Editor support\n\n")
                .append("The JSON Schema of policy files is [policy-schema.json](policy-schema.json) (also in the\n")
                .append("crm-rules jar as `").append(PolicySchema.RESOURCE).append("`). Point an editor's YAML\n")
                .append("support at it for completion and checks while typing: with a copy of the schema beside the\n")
                .append("policy file, start the policy file with\n\n")
                .append("```yaml\n# yaml-language-server: $schema=./policy-schema.json\n```\n\n")
                .append("(the path is relative to the policy file), or map policy files to it in VS Code's settings:\n")
                .append("`\"yaml.schemas\": {\"./docs/policy-schema.json\": \"*policy*.yaml\"}`. The schema checks\n")
                .append("structure; references between sections (tiers, calendars), share sums and the like are\n")
                .append("checked by the loader (`crm policy show` loads and checks a file, `crm policy lint` also warns).\n\n");
        Shape.Fields document = DocumentShape.document();
        out.append("## Header\n\n").append("What every capability shares.\n\n");
        table(out, document, "", k -> !isSectionKey(k));
        for (PolicySection<?> section : PolicySections.ALL) {
            out.append("## ").append(section.keys().stream().map(key -> "`" + key + "`")
                    .collect(Collectors.joining(", "))).append("\n\n")
                    .append(section.description()).append(' ').append(presence(section)).append("\n\n");
            Shape.FieldsBuilder keys = Shape.fields("");
            section.shapes().forEach((key, shape) -> {
                if (document.fields().get(key).required()) {
                    keys.required(key, shape);
                } else {
                    keys.optional(key, shape);
                }
            });
            table(out, keys.build(), "", k -> true);
        }
        out.append("## Conditions\n\n")
                .append("A condition is a map with one key: `all` or `any` with a list of conditions, or a measure\n")
                .append("with comparisons (").append(java.util.Arrays.stream(Operator.values()).map(o -> "`" + o.key()
                        + "`").collect(Collectors.joining(", "))).append("; amounts may restate `currency`),\n")
                .append("e.g. `{spend: {gte: 100000}}`; true/false measures take `true`, `false` or `{eq: true}`.\n\n")
                .append("- Metrics: ").append(Metric.knownKeys()).append(".\n")
                .append("- Signals, in `relationship` and `lifecycle` only: ").append(Signal.knownKeys()).append(".\n");
        return out.toString();
    }

    private static boolean isSectionKey(String key) {
        return PolicySections.ALL.stream().anyMatch(section -> section.keys().contains(key));
    }

    private static String presence(PolicySection<?> section) {
        return switch (section.presence()) {
            case REQUIRED -> "Required.";
            case STANDARD -> "Optional; left out, it has its standard values.";
            case OPTIONAL -> "Optional; left out, the capability is not used.";
        };
    }

    private static void table(StringBuilder out, Shape.Fields fields, String prefix,
            java.util.function.Predicate<String> include) {
        out.append("| Key | Value | Required | Meaning |\n|---|---|---|---|\n");
        rows(out, fields, prefix, include);
        out.append('\n');
    }

    private static void rows(StringBuilder out, Shape.Fields fields, String prefix,
            java.util.function.Predicate<String> include) {
        for (Map.Entry<String, Shape.Field> entry : fields.fields().entrySet()) {
            if (!include.test(entry.getKey())) {
                continue;
            }
            String path = prefix + entry.getKey();
            Shape shape = entry.getValue().shape();
            out.append("| `").append(path).append("` | ").append(describe(shape)).append(" | ")
                    .append(entry.getValue().required() ? "yes" : "no").append(" | ")
                    .append(shape.description().replace("|", "\\|")).append(" |\n");
            nested(out, shape, path);
        }
    }

    private static void nested(StringBuilder out, Shape shape, String path) {
        if (shape instanceof Shape.Fields inner) {
            rows(out, inner, path + ".", k -> true);
        } else if (shape instanceof Shape.Items items) {
            nested(out, items.items(), path + "[]");
        } else if (shape instanceof Shape.NamedMap map) {
            nested(out, map.values(), path + ".<name>");
        }
    }

    private static String describe(Shape shape) {
        if (shape instanceof Shape.Fields) {
            return "map";
        }
        if (shape instanceof Shape.NamedMap map) {
            return "map of " + describe(map.values());
        }
        if (shape instanceof Shape.Items items) {
            return "list of " + describe(items.items()) + (items.minItems() > 0 ? ", at least " + items.minItems()
                    : "");
        }
        if (shape instanceof Shape.Text text) {
            if (!text.words().isEmpty()) {
                return String.join(" \\| ", text.words().stream().map(word -> "`" + word + "`").toList())
                        + (text.anyCase() ? " (any case)" : "");
            }
            return text.pattern().isPresent() ? "text `" + text.pattern().get().replace("|", "\\|") + "`" : "text";
        }
        if (shape instanceof Shape.Number number) {
            String range = number.minimum().map(min -> (number.aboveMinimum() ? " above " : " ") + min.toPlainString())
                    .orElse("")
                    + number.maximum().map(max -> (number.minimum().isPresent() ? " to " : " up to ")
                    + max.toPlainString()).orElse(number.minimum().isPresent() ? " or more" : "");
            return (number.whole() ? "whole number" : "number") + range;
        }
        if (shape instanceof Shape.Flag) {
            return "true \\| false";
        }
        if (shape instanceof Shape.Named named) {
            return named.name();
        }
        return "see the schema";
    }
}
