package org.crmkit.core.metrics;

import java.math.BigDecimal;

/**
 * The values that policy conditions test, one per {@link Measure}: a {@link CustomerMetrics}
 * snapshot answers for metrics, a {@link CustomerSignals} snapshot for signals as well.
 */
public interface Facts {

    /**
     * A measure's value as a number; flags are 1 for true and 0 for false.
     *
     * @param measure the measure; not null
     * @return the value
     * @throws org.crmkit.core.InvalidValueException if these facts do not cover the measure
     */
    BigDecimal value(Measure measure);

    /**
     * Whether the measure's value is known. A signal whose facts were not computed (a group of facts
     * not asked for, fewer than two purchase days for a recency ratio, no purchase model for
     * P(alive)) is unknown, and so are the inquiries of a source without interactions data: a condition on it does not hold, and says so, rather than reading a
     * silent 0.
     *
     * @param measure the measure; not null
     * @return true if {@link #value} answers for it
     */
    default boolean knows(Measure measure) {
        return true;
    }
}
