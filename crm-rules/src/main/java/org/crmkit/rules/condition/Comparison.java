package org.crmkit.rules.condition;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.Facts;
import org.crmkit.core.metrics.Measure;

/**
 * One measure compared with one threshold, e.g. {@code spend >= 100000}. Flags compare as 1
 * (true) and 0 (false). Immutable and thread-safe.
 *
 * @param measure the metric or signal; not null
 * @param operator the comparison; not null
 * @param threshold the threshold: for ratios any decimal, otherwise zero or more; whole for
 *     counts, 0 or 1 for flags; not null
 */
public record Comparison(Measure measure, Operator operator, BigDecimal threshold) implements Condition {

    /** Checks that the threshold suits the measure. */
    public Comparison {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.signum() < 0 && measure.kind() != Measure.Kind.RATIO) {
            throw new InvalidValueException(measure.key() + " threshold must not be negative, was "
                    + threshold.toPlainString());
        }
        if (measure.kind() == Measure.Kind.RATIO && measure.maximum().isPresent() && (threshold.signum() < 0
                || threshold.compareTo(BigDecimal.valueOf(measure.maximum().getAsInt())) > 0)) {
            throw new InvalidValueException(measure.key() + " threshold must be between 0 and "
                    + measure.maximum().getAsInt() + ", was " + threshold.toPlainString());
        }
        if ((measure.kind() == Measure.Kind.COUNT || measure.kind() == Measure.Kind.FLAG)
                && threshold.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException(measure.key() + " threshold must be a whole number, was "
                    + threshold.toPlainString());
        }
    }

    /**
     * Creates a comparison.
     *
     * @param measure the metric or signal; not null
     * @param operator the comparison; not null
     * @param threshold the threshold as a decimal string, e.g. {@code "100000"}; not null
     * @return the comparison
     * @throws InvalidValueException if the threshold is not a decimal number or does not suit the measure
     */
    public static Comparison of(Measure measure, Operator operator, String threshold) {
        try {
            return new Comparison(measure, operator, new BigDecimal(Objects.requireNonNull(threshold, "threshold")));
        } catch (NumberFormatException e) {
            throw new InvalidValueException(measure.key() + " threshold must be a number, was '" + threshold + "'");
        }
    }

    /**
     * A flag must be true (or false).
     *
     * @param measure a {@link Measure.Kind#FLAG} measure; not null
     * @param expected the required value
     * @return the comparison
     */
    public static Comparison flag(Measure measure, boolean expected) {
        if (measure.kind() != Measure.Kind.FLAG) {
            throw new InvalidValueException(measure.key() + " is not a true/false measure");
        }
        return new Comparison(measure, Operator.EQ, expected ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    @Override
    public ConditionResult evaluate(Facts facts) {
        if (!facts.knows(measure)) {
            return new ConditionResult.Unknown(this);
        }
        BigDecimal actual = facts.value(measure);
        return new ConditionResult.Compared(this, actual, operator.test(actual, threshold));
    }

    /** @return e.g. {@code "spend >= 100000"} or {@code "strategic_agreement = true"} */
    @Override
    public String toString() {
        return measure.key() + " " + operator.symbol() + " " + format(measure, threshold);
    }

    /**
     * Formats a value for people: flags as true/false, numbers as plain decimals.
     *
     * @param measure the measure; not null
     * @param value the value; not null
     * @return the text
     */
    static String format(Measure measure, BigDecimal value) {
        if (measure.kind() == Measure.Kind.FLAG) {
            return value.signum() != 0 ? "true" : "false";
        }
        return value.toPlainString();
    }
}
