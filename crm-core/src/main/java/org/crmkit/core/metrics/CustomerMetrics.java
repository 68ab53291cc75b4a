package org.crmkit.core.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/**
 * A customer's metrics as of a day: the only input of the rule engines.
 *
 * <p>Engines evaluate snapshots with pure functions; computing them is a separate, pluggable
 * step ({@link MetricsCalculator} in memory, SQL in the JDBC adapter). Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param asOf the day described; not null
 * @param window the evaluation window the sums and counts cover; not null
 * @param spend the sum of purchase amounts in the window; not negative; not null
 * @param orders the number of purchases in the window; zero or more
 * @param activeQuarters how many of the last four rolling quarters have at least one purchase; 0 to 4
 * @param inquiries the number of inquiry interactions in the window; zero or more; 0 when
 *     {@code inquiriesKnown} is false
 * @param inquiriesKnown whether the inquiries are known: false when the source has no interactions
 *     data at all (an ERP mapping without interactions, the command line without an interactions
 *     file), so that a condition on inquiries is unknown rather than reading a silent 0
 * @param tenureMonths whole months from the customer's creation to the as-of day; zero or more
 * @param strategicAgreement whether a strategic agreement is in force
 * @param lastPurchase the day of the latest purchase on or before the as-of day, if any; not null
 */
public record CustomerMetrics(
        CustomerId customerId,
        LocalDate asOf,
        DateWindow window,
        Money spend,
        int orders,
        int activeQuarters,
        int inquiries,
        boolean inquiriesKnown,
        int tenureMonths,
        boolean strategicAgreement,
        Optional<LocalDate> lastPurchase) implements Facts {

    /** Checks the invariants. */
    public CustomerMetrics {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        if (spend.isNegative()) {
            throw new InvalidValueException("CustomerMetrics spend must not be negative, was " + spend);
        }
        Checks.nonNegative(orders, "CustomerMetrics orders");
        Checks.nonNegative(inquiries, "CustomerMetrics inquiries");
        if (!inquiriesKnown && inquiries != 0) {
            // One form for unknown inquiries, so that equal snapshots are equal records.
            throw new InvalidValueException("CustomerMetrics inquiries must be 0 when they are unknown, was "
                    + inquiries);
        }
        Checks.nonNegative(tenureMonths, "CustomerMetrics tenureMonths");
        if (activeQuarters < 0 || activeQuarters > MetricsQuery.ACTIVE_QUARTER_LOOKBACK) {
            throw new InvalidValueException("CustomerMetrics activeQuarters must be between 0 and "
                    + MetricsQuery.ACTIVE_QUARTER_LOOKBACK + ", was " + activeQuarters);
        }
        if (lastPurchase.isPresent() && lastPurchase.get().isAfter(asOf)) {
            throw new InvalidValueException("CustomerMetrics lastPurchase " + lastPurchase.get()
                    + " must not be after the as-of day " + asOf);
        }
    }

    /**
     * Copy with another spend, for what-if analysis and tests.
     *
     * @param newSpend the spend; not null
     * @return the copy
     */
    public CustomerMetrics withSpend(Money newSpend) {
        return new CustomerMetrics(customerId, asOf, window, newSpend, orders, activeQuarters, inquiries,
                inquiriesKnown, tenureMonths, strategicAgreement, lastPurchase);
    }

    /**
     * Copy whose inquiries are unknown, for a source that has no interactions data: inquiries 0 and
     * {@link #knows knows(Metric.INQUIRIES)} false.
     *
     * @return the copy
     */
    public CustomerMetrics withInquiriesUnknown() {
        return new CustomerMetrics(customerId, asOf, window, spend, orders, activeQuarters, 0, false,
                tenureMonths, strategicAgreement, lastPurchase);
    }

    /**
     * {@inheritDoc} Every metric is known but the inquiries when {@link #inquiriesKnown()} is false.
     */
    @Override
    public boolean knows(Measure measure) {
        return Objects.requireNonNull(measure, "measure") != Metric.INQUIRIES || inquiriesKnown;
    }

    /**
     * {@inheritDoc} Answers for {@link Metric metrics} only, and for the inquiries only when known.
     */
    @Override
    public BigDecimal value(Measure measure) {
        if (Objects.requireNonNull(measure, "measure") instanceof Metric metric) {
            return metric.value(this);
        }
        throw new InvalidValueException("The metrics snapshot has no " + measure.key()
                + "; signals need a CustomerSignals snapshot");
    }
}
