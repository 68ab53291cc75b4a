package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Measure;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/** Builds signal snapshots for tests; every value defaults to "nothing happened". */
public final class Signals {
    /** The as-of day of the examples. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private Signals() {
    }

    /**
     * A metrics snapshot.
     *
     * @param customer the id
     * @param tenureMonths months since creation
     * @param activeQuarters 0 to 4
     * @param strategicAgreement whether one is in force
     * @return the snapshot
     */
    public static CustomerMetrics metrics(String customer, int tenureMonths, int activeQuarters,
            boolean strategicAgreement) {
        return metrics(customer, tenureMonths, activeQuarters, 0, strategicAgreement);
    }

    /**
     * A metrics snapshot with orders in the window (and no spend: signals do not read it).
     *
     * @param customer the id
     * @param tenureMonths months since creation
     * @param activeQuarters 0 to 4
     * @param orders purchases in the window
     * @param strategicAgreement whether one is in force
     * @return the snapshot
     */
    public static CustomerMetrics metrics(String customer, int tenureMonths, int activeQuarters, int orders,
            boolean strategicAgreement) {
        return new CustomerMetrics(CustomerId.of(customer), AS_OF, DateWindow.trailingMonths(12, AS_OF),
                Money.of("CNY", "0"), orders, activeQuarters, 0, true, tenureMonths, strategicAgreement, Optional.empty());
    }

    /**
     * The signals of a customer of two years with nothing happening: every count known and 0, as the
     * signals of a customer without purchases, interactions, answers or cases are; the ratios that
     * need data (trend, recency, satisfaction change, P(alive), churn risk) unknown.
     *
     * @return the signals
     */
    public static CustomerSignals nothing() {
        return quiet(metrics("c-1", 24, 0, false));
    }

    /**
     * The signals of a customer with these metrics and nothing happening: every count known and 0.
     *
     * @param metrics the metrics
     * @return the signals
     */
    public static CustomerSignals quiet(CustomerMetrics metrics) {
        CustomerSignals signals = CustomerSignals.of(metrics);
        for (Signal signal : Signal.values()) {
            if (signal.kind() == Measure.Kind.COUNT) {
                signals = signals.with(signal, 0);
            }
        }
        return signals;
    }

    /**
     * Shorthand for {@link CustomerSignals#with(Signal, BigDecimal)}.
     *
     * @param signals the snapshot
     * @param signal the signal
     * @param value the value as a decimal string
     * @return the copy
     */
    public static CustomerSignals with(CustomerSignals signals, Signal signal, String value) {
        return signals.with(signal, new BigDecimal(value));
    }
}
