package org.crmkit.jdbc.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A condition a row must meet to count, e.g. only orders whose status is {@code posted}: a column,
 * an operator and the values, which are bound as parameters. Values are text, whole numbers
 * ({@link Long}), decimals ({@link BigDecimal}) or truth values ({@link Boolean}), compared with the
 * column as the database compares them. Immutable and thread-safe.
 *
 * @param column the column of the mapped source; not null
 * @param operator how the column is compared; not null
 * @param values the values, as many as the operator takes; not null
 */
public record Filter(String column, Operator operator, List<Object> values) {
    /** How a filter compares its column. */
    public enum Operator {
        /** The column equals the one value. */
        EQUALS("=", 1),
        /** The column differs from the one value (a NULL column does not count, as in SQL). */
        NOT_EQUALS("<>", 1),
        /** The column is one of the values. */
        IN("IN", -1),
        /** The column is none of the values (a NULL column does not count, as in SQL). */
        NOT_IN("NOT IN", -1),
        /** The column is NULL; no value. */
        IS_NULL("IS NULL", 0),
        /** The column is not NULL; no value. */
        IS_NOT_NULL("IS NOT NULL", 0);

        private final String sql;
        private final int arity;

        Operator(String sql, int arity) {
            this.sql = sql;
            this.arity = arity;
        }

        /** @return the operator's key in a mapping file, e.g. {@code not_in} */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the SQL operator, e.g. {@code NOT IN} */
        public String sql() {
            return sql;
        }

        /** @return how many values it takes: 0, 1, or -1 for one or more */
        public int arity() {
            return arity;
        }
    }

    /**
     * Checks the invariants.
     *
     * @throws MappingException if the values do not fit the operator or are of another type
     */
    public Filter {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        String problem = problem(operator, values);
        if (!problem.isEmpty()) {
            throw MappingException.single("filter on '" + column + "': " + problem);
        }
    }

    /** What is wrong with the values for the operator, or an empty text. */
    static String problem(Operator operator, List<Object> values) {
        if (operator.arity() == 0 && !values.isEmpty()) {
            return operator.key() + " takes no value, was given " + values.size();
        }
        if (operator.arity() == 1 && values.size() != 1) {
            return operator.key() + " takes one value, was given " + values.size();
        }
        if (operator.arity() < 0 && values.isEmpty()) {
            return operator.key() + " takes one or more values, was given none";
        }
        for (Object value : values) {
            if (!(value instanceof String || value instanceof Long || value instanceof BigDecimal
                    || value instanceof Boolean)) {
                return "a value must be text, a whole number, a decimal or true/false, was '" + value + "'";
            }
        }
        return "";
    }

    /**
     * Rows whose column equals a value.
     *
     * @param column the column; not null
     * @param value text, a {@link Long}, a {@link BigDecimal} or a {@link Boolean}; not null
     * @return the filter
     */
    public static Filter equalTo(String column, Object value) {
        return new Filter(column, Operator.EQUALS, List.of(value));
    }

    /**
     * Rows whose column is one of the values, e.g. {@code in("status", "posted", "paid")}.
     *
     * @param column the column; not null
     * @param values one or more values; not null
     * @return the filter
     */
    public static Filter in(String column, Object... values) {
        return new Filter(column, Operator.IN, List.of(values));
    }

    /**
     * Rows whose column is none of the values, e.g. {@code notIn("status", "cancelled", "refunded")}.
     *
     * @param column the column; not null
     * @param values one or more values; not null
     * @return the filter
     */
    public static Filter notIn(String column, Object... values) {
        return new Filter(column, Operator.NOT_IN, List.of(values));
    }

    /**
     * Rows whose column is NULL, e.g. {@code isNull("deleted_at")}.
     *
     * @param column the column; not null
     * @return the filter
     */
    public static Filter isNull(String column) {
        return new Filter(column, Operator.IS_NULL, List.of());
    }
}
