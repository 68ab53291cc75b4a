package org.crmkit.cli;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.PurchaseSummary;

/**
 * The customers the CLV commands fit and value, as read from a summary file or summarised from
 * orders. Immutable and thread-safe.
 *
 * @param customers one summary per customer, in output order; not null
 * @param spendKnown whether the average repeat values are data: orders always give them, a summary
 *     file only with a {@code zbar} or {@code monetary_value} column
 * @param timeUnit the unit of recency, age and horizon; not null
 * @param calibrationEnd the last day of the calibration period, when known (from orders); not null
 * @param currency the currency of the amounts, when known (from orders); not null
 * @param source what was read, for the summary, e.g. {@code 2,357 customers from summary.csv ...}; not null
 */
record ClvInput(List<PurchaseSummary> customers, boolean spendKnown, ClvTimeUnit timeUnit,
        Optional<LocalDate> calibrationEnd, Optional<Currency> currency, String source) {
    /** Copies the list. */
    ClvInput {
        customers = List.copyOf(Objects.requireNonNull(customers, "customers"));
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(source, "source");
    }

    /** @return the customers with repeat purchases whose mean repeat value is 0, which the spend model leaves out */
    long unpaidRepeaters() {
        return customers.stream()
                .filter(customer -> customer.frequency() > 0 && customer.averageRepeatValue().signum() == 0).count();
    }
}
