package org.crmkit.core.metrics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * A customer's metrics snapshot widened by the {@link Signal relationship signals} as of the
 * same day: the input of the lifecycle, churn-risk and relationship engines. A signal not given is
 * unknown: {@link #has} tells, {@link #get} refuses it, and a condition on it does not hold.
 * Immutable and thread-safe.
 *
 * @param metrics the metrics snapshot; not null
 * @param values the signals that were computed; counts whole and not negative, bounded signals
 *     within 0 and their maximum; not null
 */
public record CustomerSignals(CustomerMetrics metrics, Map<Signal, BigDecimal> values) implements Facts {

    /** Checks every value against its signal and copies the map. */
    public CustomerSignals {
        Objects.requireNonNull(metrics, "metrics");
        Map<Signal, BigDecimal> copy = new EnumMap<>(Signal.class);
        for (Map.Entry<Signal, BigDecimal> entry : Objects.requireNonNull(values, "values").entrySet()) {
            copy.put(Objects.requireNonNull(entry.getKey(), "signal"),
                    checked(entry.getKey(), Objects.requireNonNull(entry.getValue(), entry.getKey().key())));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * A snapshot with every signal unknown.
     *
     * @param metrics the metrics snapshot; not null
     * @return the snapshot
     */
    public static CustomerSignals of(CustomerMetrics metrics) {
        return new CustomerSignals(metrics, Map.of());
    }

    /**
     * Copy with one signal set.
     *
     * @param signal the signal; not null
     * @param value its value; not null
     * @return the copy
     * @throws InvalidValueException if the value does not suit the signal
     */
    public CustomerSignals with(Signal signal, BigDecimal value) {
        Map<Signal, BigDecimal> copy = new EnumMap<>(Signal.class);
        copy.putAll(values);
        copy.put(Objects.requireNonNull(signal, "signal"), Objects.requireNonNull(value, "value"));
        return new CustomerSignals(metrics, copy);
    }

    /**
     * Copy with one count signal set.
     *
     * @param signal a count signal; not null
     * @param count the count
     * @return the copy
     */
    public CustomerSignals with(Signal signal, long count) {
        return with(signal, BigDecimal.valueOf(count));
    }

    /**
     * A known signal's value.
     *
     * @param signal the signal; not null
     * @return the value
     * @throws InvalidValueException if the signal is unknown ({@link #has} says so)
     */
    public BigDecimal get(Signal signal) {
        BigDecimal value = values.get(Objects.requireNonNull(signal, "signal"));
        if (value == null) {
            throw new InvalidValueException("Signal " + signal.key() + " of customer '" + metrics.customerId()
                    + "' is unknown");
        }
        return value;
    }

    /**
     * Whether a signal is known: it was computed.
     *
     * @param signal the signal; not null
     * @return true if given
     */
    public boolean has(Signal signal) {
        return values.containsKey(Objects.requireNonNull(signal, "signal"));
    }

    @Override
    public boolean knows(Measure measure) {
        // A metric is known as the metrics snapshot knows it: the inquiries may not be.
        return Objects.requireNonNull(measure, "measure") instanceof Metric metric ? metrics.knows(metric)
                : values.containsKey((Signal) measure);
    }

    @Override
    public BigDecimal value(Measure measure) {
        if (Objects.requireNonNull(measure, "measure") instanceof Metric metric) {
            return metric.value(metrics);
        }
        return get((Signal) measure);
    }

    private static BigDecimal checked(Signal signal, BigDecimal value) {
        if (signal.kind() == Measure.Kind.COUNT
                && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
            throw new InvalidValueException("Signal " + signal.key() + " must be a whole number, zero or more, was "
                    + value.toPlainString());
        }
        if (signal.maximum().isPresent()
                && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(signal.maximum().getAsInt())) > 0)) {
            throw new InvalidValueException("Signal " + signal.key() + " must be between 0 and "
                    + signal.maximum().getAsInt() + ", was " + value.toPlainString());
        }
        return value;
    }
}
