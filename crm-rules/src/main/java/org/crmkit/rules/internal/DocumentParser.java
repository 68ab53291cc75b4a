package org.crmkit.rules.internal;

import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Problems;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node.Scalar;

/**
 * Reads YAML or JSON into {@link Node}s that remember paths and lines, reporting syntax errors
 * and duplicate keys as problems instead of exceptions.
 */
public final class DocumentParser {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    /** A line whose indentation holds a tab. */
    private static final Pattern TAB_INDENTED = Pattern.compile("(?m)^ *\t");

    private DocumentParser() {
    }

    /** The syntax of a document. */
    public enum Syntax {
        /** YAML 1.1 as SnakeYAML reads it. */
        YAML,
        /** JSON. */
        JSON
    }

    /**
     * Parses a document.
     *
     * @param text the document
     * @param syntax its syntax
     * @param problems collects syntax errors and duplicate keys
     * @return the root node, or empty when the document is unreadable or empty
     */
    public static Optional<Node> parse(String text, Syntax syntax, Problems problems) {
        JsonFactory factory = syntax == Syntax.JSON ? JSON : YAML;
        String syntaxName = syntax == Syntax.JSON ? "JSON" : "YAML";
        try (JsonParser parser = factory.createParser(text)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    problems.add(0, "", "the document is empty");
                    return Optional.empty();
                }
                Node root = read(parser, "", line(parser), problems);
                if (parser.nextToken() != null) {
                    problems.add(line(parser), "", "unexpected content after the end of the document");
                }
                return Optional.of(root);
            } catch (StreamConstraintsException e) {
                // Jackson's message names its own setting; say what the limit is, and where it was hit.
                int depth = factory.streamReadConstraints().getMaxNestingDepth();
                String what = parser.getParsingContext().getNestingDepth() >= depth
                        ? "the document nests more than " + depth + " levels of lists and maps, the most crmkit reads"
                                + " (a policy needs fewer than ten)"
                        : "not valid " + syntaxName + ": a value is larger than crmkit reads";
                problems.add(Math.max(0, parser.currentLocation().getLineNr()), "", what);
                return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNr());
            Optional<Integer> tabLine = syntax == Syntax.YAML ? tabIndentedLine(text, line, e) : Optional.empty();
            if (tabLine.isPresent()) {
                problems.add(tabLine.get(), "", "tabs are not allowed in YAML indentation; indent with spaces");
            } else {
                problems.add(line, "", "not valid " + syntaxName + ": " + Problems.firstLine(e.getOriginalMessage()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The line of the tab that stopped SnakeYAML, if a tab did. SnakeYAML says so only in its
     * message, and Jackson's location is that of the last token read before it, so the tab's line
     * is the first tab-indented line from there on.
     */
    private static Optional<Integer> tabIndentedLine(String text, int reportedLine, JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.contains("(TAB)")) {
            return Optional.empty();
        }
        Matcher tab = TAB_INDENTED.matcher(text);
        while (tab.find()) {
            int line = 1 + (int) text.substring(0, tab.start()).chars().filter(c -> c == '\n').count();
            if (line >= reportedLine) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private static Node read(JsonParser parser, String path, int line, Problems problems) throws IOException {
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands an alias over as the anchor's name; reading that as the value would be wrong.
            problems.add(line, path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            parser.skipChildren();
            return new Scalar(path, line, Scalar.Kind.NULL, "null");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    String childPath = Node.child(path, key);
                    parser.nextToken();
                    Node value = read(parser, childPath, keyLine, problems);
                    if (entries.containsKey(key)) {
                        problems.add(keyLine, childPath, "duplicate key '" + key + "'");
                    } else {
                        entries.put(key, value);
                    }
                }
                return new MapNode(path, line, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, path + "[" + items.size() + "]", line(parser), problems));
                }
                return new ListNode(path, line, items);
            }
            case VALUE_STRING -> {
                return new Scalar(path, line, Scalar.Kind.STRING, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(path, line, Scalar.Kind.NUMBER, parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(path, line, Scalar.Kind.BOOLEAN, parser.getText());
            }
            case VALUE_NULL -> {
                return new Scalar(path, line, Scalar.Kind.NULL, "null");
            }
            default -> {
                problems.add(line, path, "unsupported YAML content (" + token + ")");
                parser.skipChildren();
                return new Scalar(path, line, Scalar.Kind.NULL, "null");
            }
        }
    }

    private static int line(JsonParser parser) {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }
}
