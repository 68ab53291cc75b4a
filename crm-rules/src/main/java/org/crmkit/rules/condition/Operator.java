package org.crmkit.rules.condition;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a metric is compared with a threshold; the keys are the spelling in policy files. */
public enum Operator {
    /** Greater than or equal. */
    GTE("gte", ">="),
    /** Strictly greater. */
    GT("gt", ">"),
    /** Less than or equal. */
    LTE("lte", "<="),
    /** Strictly less. */
    LT("lt", "<"),
    /** Equal (numerically: 100 equals 100.00). */
    EQ("eq", "=");

    private final String key;
    private final String symbol;

    Operator(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    /** @return the spelling in policy files, e.g. {@code "gte"} */
    public String key() {
        return key;
    }

    /** @return the mathematical symbol used in explanations, e.g. {@code ">="} */
    public String symbol() {
        return symbol;
    }

    /**
     * Applies the comparison.
     *
     * @param actual the metric's value; not null
     * @param threshold the threshold; not null
     * @return whether {@code actual <op> threshold} holds
     */
    public boolean test(BigDecimal actual, BigDecimal threshold) {
        int order = actual.compareTo(threshold);
        return switch (this) {
            case GTE -> order >= 0;
            case GT -> order > 0;
            case LTE -> order <= 0;
            case LT -> order < 0;
            case EQ -> order == 0;
        };
    }

    /**
     * Finds an operator by its policy spelling.
     *
     * @param key e.g. {@code "gte"}; not null
     * @return the operator, or empty if none has that spelling
     */
    public static Optional<Operator> byKey(String key) {
        return Arrays.stream(values()).filter(operator -> operator.key.equals(key)).findFirst();
    }

    /** @return the policy spellings of all operators, comma-separated */
    public static String knownKeys() {
        return Arrays.stream(values()).map(Operator::key).collect(Collectors.joining(", "));
    }
}
