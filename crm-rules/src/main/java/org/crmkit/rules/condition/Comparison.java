package org.crmkit.rules.condition;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.Metric;

/**
 * One metric compared with one threshold, e.g. {@code spend >= 100000}. Flags compare as 1
 * (true) and 0 (false). Immutable and thread-safe.
 *
 * @param metric the metric; not null
 * @param operator the comparison; not null
 * @param threshold the threshold, zero or more; whole for counts, 0 or 1 for flags; not null
 */
public record Comparison(Metric metric, Operator operator, BigDecimal threshold) implements Condition {

    /** Checks that the threshold suits the metric. */
    public Comparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.signum() < 0) {
            throw new InvalidValueException(metric.key() + " threshold must not be negative, was "
                    + threshold.toPlainString());
        }
        if (metric.kind() != Metric.Kind.MONEY && threshold.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException(metric.key() + " threshold must be a whole number, was "
                    + threshold.toPlainString());
        }
    }

    /**
     * Creates a comparison.
     *
     * @param metric the metric; not null
     * @param operator the comparison; not null
     * @param threshold the threshold as a decimal string, e.g. {@code "100000"}; not null
     * @return the comparison
     * @throws InvalidValueException if the threshold is not a decimal number or does not suit the metric
     */
    public static Comparison of(Metric metric, Operator operator, String threshold) {
        try {
            return new Comparison(metric, operator, new BigDecimal(Objects.requireNonNull(threshold, "threshold")));
        } catch (NumberFormatException e) {
            throw new InvalidValueException(metric.key() + " threshold must be a number, was '" + threshold + "'");
        }
    }

    /**
     * A flag metric must be true (or false).
     *
     * @param metric a {@link Metric.Kind#FLAG} metric; not null
     * @param expected the required value
     * @return the comparison
     */
    public static Comparison flag(Metric metric, boolean expected) {
        if (metric.kind() != Metric.Kind.FLAG) {
            throw new InvalidValueException(metric.key() + " is not a true/false metric");
        }
        return new Comparison(metric, Operator.EQ, expected ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    @Override
    public ConditionResult evaluate(CustomerMetrics metrics) {
        BigDecimal actual = metric.value(metrics);
        return new ConditionResult.Compared(this, actual, operator.test(actual, threshold));
    }

    /** @return e.g. {@code "spend >= 100000"} or {@code "strategic_agreement = true"} */
    @Override
    public String toString() {
        return metric.key() + " " + operator.symbol() + " " + format(metric, threshold);
    }

    /**
     * Formats a metric value for people: flags as true/false, numbers as plain decimals.
     *
     * @param metric the metric; not null
     * @param value the value; not null
     * @return the text
     */
    static String format(Metric metric, BigDecimal value) {
        if (metric.kind() == Metric.Kind.FLAG) {
            return value.signum() != 0 ? "true" : "false";
        }
        return value.toPlainString();
    }
}
