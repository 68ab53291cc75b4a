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
}
