package org.crmkit.rules.segment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/**
 * One buyer's recency, frequency and monetary value as of a day: the input of
 * {@link RfmScorer} and {@link AbcClassifier}.
 *
 * <p>Only customers who have bought at least once can be described: recency is a number of
 * days, never "unknown". The caller passes buyers only: customers who never bought are left
 * out ({@link #of(CustomerMetrics)} returns empty for them), so they are not RFM-scored at all
 * rather than scored as the worst. Frequency and spend may be zero: a customer whose last purchase lies
 * before the window is still a buyer. Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param recencyDays whole days from the last purchase to the as-of day, zero or more
 * @param frequency purchases in the window, zero or more
 * @param monetary spend in the window, not negative; not null
 */
public record SegmentInput(CustomerId customerId, int recencyDays, int frequency, Money monetary) {

    /** Checks the invariants. */
    public SegmentInput {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(monetary, "monetary");
        if (recencyDays < 0) {
            throw new InvalidValueException("recencyDays of customer '" + customerId + "' must not be negative, was "
                    + recencyDays);
        }
        if (frequency < 0) {
            throw new InvalidValueException("frequency of customer '" + customerId + "' must not be negative, was "
                    + frequency);
        }
        if (monetary.isNegative()) {
            throw new InvalidValueException("monetary of customer '" + customerId + "' must not be negative, was "
                    + monetary);
        }
    }

    /**
     * Creates an input.
     *
     * @param customerId the customer; not null
     * @param recencyDays days since the last purchase, zero or more
     * @param frequency purchases in the window, zero or more
     * @param monetary spend in the window, not negative; not null
     * @return the input
     * @throws InvalidValueException if a count is negative or the spend is negative
     */
    public static SegmentInput of(CustomerId customerId, int recencyDays, int frequency, Money monetary) {
        return new SegmentInput(customerId, recencyDays, frequency, monetary);
    }

    /**
     * Takes a customer's input from a metrics snapshot: recency from {@code lastPurchase()} to
     * {@code asOf()}, frequency from {@code orders()}, monetary from {@code spend()}.
     *
     * @param metrics the snapshot; not null
     * @return the input, or empty when the customer has no purchase on or before the as-of day
     * @throws InvalidValueException if the last purchase is more than {@link Integer#MAX_VALUE}
     *     days back
     */
    public static Optional<SegmentInput> of(CustomerMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        return metrics.lastPurchase().map(last -> new SegmentInput(metrics.customerId(),
                daysBetween(last, metrics.asOf(), metrics.customerId()), metrics.orders(), metrics.spend()));
    }

    private static int daysBetween(LocalDate lastPurchase, LocalDate asOf, CustomerId customerId) {
        long days = ChronoUnit.DAYS.between(lastPurchase, asOf);
        if (days > Integer.MAX_VALUE) {
            throw new InvalidValueException("recency of customer '" + customerId + "' is too large: last purchase "
                    + lastPurchase + ", as of " + asOf);
        }
        return (int) days;
    }
}
