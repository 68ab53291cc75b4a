package org.crmkit.jdbc.mapping;

import java.util.Objects;

/**
 * Where a field's value comes from: a column of the mapped table, view or query, or a fixed
 * value for every row (a currency for an ERP that keeps one, {@code inquiry} for a table of
 * inquiries). Immutable and thread-safe.
 */
public sealed interface FieldValue {
    /**
     * A column.
     *
     * @param name the column's name, checked as {@link SqlNames#checkIdentifier} says; not null
     * @return the value
     */
    static FieldValue column(String name) {
        return new Column(name);
    }

    /**
     * A fixed value, checked when the mapping is built against what its field holds.
     *
     * @param value e.g. {@code EUR}; not null
     * @return the value
     */
    static FieldValue fixed(String value) {
        return new Fixed(value);
    }

    /**
     * A column of the mapped source. The name is checked when the mapping is built.
     *
     * @param name the column's name; not null
     */
    record Column(String name) implements FieldValue {
        /** Checks that the name is there. */
        public Column {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The same value for every row. The value is checked when the mapping is built.
     *
     * @param value the value as text; not null
     */
    record Fixed(String value) implements FieldValue {
        /** Checks that the value is there. */
        public Fixed {
            Objects.requireNonNull(value, "value");
        }
    }
}
