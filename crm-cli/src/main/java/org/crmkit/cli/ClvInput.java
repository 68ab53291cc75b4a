package org.crmkit.cli;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.CustomerSummaries;
import org.crmkit.rules.clv.PurchaseSummary;

/**
 * The customers the CLV commands fit and value, as read from a summary file or summarised from
 * orders: gathered once for the fits ({@link CustomerSummaries}, which grow with the distinct
 * histories, not with the customers), and walked again, one customer at a time, for the values.
 * Immutable; the walk may read the input again.
 */
final class ClvInput {
    /** Walks the customers, one summary at a time, in output order. */
    @FunctionalInterface
    interface Customers {
        /**
         * Hands every customer's summary to the action, in output order, the same customers each time.
         *
         * @param action receives each summary
         */
        void forEach(Consumer<PurchaseSummary> action);
    }

    /** What was read besides the customers, for the summary. */
    @FunctionalInterface
    interface Source {
        /**
         * Describes the input.
         *
         * @param customers how many customers it gave
         * @return e.g. {@code 2,357 customers from summary.csv, ...}
         */
        String describe(int customers);
    }

    private final Customers customers;
    private final CustomerSummaries all = CustomerSummaries.create();
    private final CustomerSummaries paying = CustomerSummaries.create();
    private long unpaidRepeaters;
    private final boolean spendKnown;
    private final ClvTimeUnit timeUnit;
    private final Optional<LocalDate> calibrationEnd;
    private final Optional<Currency> currency;
    private final String source;

    /**
     * Gathers the customers for the fits, walking them once.
     *
     * @param customers walks the customers, one summary per customer, in output order
     * @param spendKnown whether the average repeat values are data: orders always give them, a summary
     *     file only with a {@code zbar} or {@code monetary_value} column
     * @param timeUnit the unit of recency, age and horizon
     * @param calibrationEnd the last day of the calibration period, when known (from orders)
     * @param currency the currency of the amounts, when known (from orders)
     * @param source describes what was read, for the summary
     */
    ClvInput(Customers customers, boolean spendKnown, ClvTimeUnit timeUnit, Optional<LocalDate> calibrationEnd,
            Optional<Currency> currency, Source source) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.spendKnown = spendKnown;
        this.timeUnit = Objects.requireNonNull(timeUnit, "timeUnit");
        this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        this.currency = Objects.requireNonNull(currency, "currency");
        customers.forEach(customer -> {
            all.add(customer);
            if (customer.frequency() > 0) {
                if (customer.averageRepeatValue().signum() > 0) {
                    paying.add(customer);
                } else {
                    unpaidRepeaters++;
                }
            }
        });
        this.source = Objects.requireNonNull(source, "source").describe(all.customers());
    }

    /** @return every customer, for the purchase models */
    CustomerSummaries all() {
        return all;
    }

    /** @return the repeat customers whose mean repeat value is above 0, for the spend model */
    CustomerSummaries paying() {
        return paying;
    }

    /** @return the number of customers */
    int count() {
        return all.customers();
    }

    /** @return the customers with repeat purchases whose mean repeat value is 0, which the spend model leaves out */
    long unpaidRepeaters() {
        return unpaidRepeaters;
    }

    /** @return walks the customers again, in output order */
    Customers customers() {
        return customers;
    }

    boolean spendKnown() {
        return spendKnown;
    }

    ClvTimeUnit timeUnit() {
        return timeUnit;
    }

    Optional<LocalDate> calibrationEnd() {
        return calibrationEnd;
    }

    Optional<Currency> currency() {
        return currency;
    }

    /** @return what was read, e.g. {@code 2,357 customers from summary.csv ...} */
    String source() {
        return source;
    }
}
