package org.crmkit.rules.internal.section;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML/JSON document that remembers where each value stands: its path in the
 * notation of error messages ({@code tiers[2].when.all[0].spend.gte}) and its line. For a map
 * entry the line is the key's line.
 */
public sealed interface Node {
    /** @return the path from the document root; empty for the root */
    String path();

    /** @return the 1-based line, 0 when unknown */
    int line();

    /** @return how the value is described in messages, e.g. {@code "a list"} or {@code "'abc'"} */
    String describe();

    /**
     * Path of a child.
     *
     * @param parent the parent's path
     * @param key the child's key
     * @return the child's path
     */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /**
     * A map, in document order.
     *
     * @param path the path
     * @param line the line
     * @param entries the entries in document order
     */
    record MapNode(String path, int line, Map<String, Node> entries) implements Node {
        /** Copies the entries, keeping their order. */
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /**
     * A list.
     *
     * @param path the path
     * @param line the line
     * @param items the items
     */
    record ListNode(String path, int line, List<Node> items) implements Node {
        /** Copies the items. */
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar: text, number, boolean or null, with its text as written.
     *
     * @param path the path
     * @param line the line
     * @param kind what the document says the scalar is
     * @param text the text as written; "null" for null
     */
    record Scalar(String path, int line, Kind kind, String text) implements Node {
        /** What kind of scalar the parser saw. */
        public enum Kind {
            /** Text, quoted or not. */
            STRING,
            /** A number written without quotes. */
            NUMBER,
            /** true or false. */
            BOOLEAN,
            /** An explicit or implied null. */
            NULL
        }

        @Override
        public String describe() {
            return kind == Kind.NULL ? "empty" : kind == Kind.STRING ? "'" + text + "'" : text;
        }
    }
}
