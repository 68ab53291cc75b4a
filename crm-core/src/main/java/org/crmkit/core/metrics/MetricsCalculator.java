package org.crmkit.core.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;

/**
 * Computes a customer's {@link CustomerMetrics} in memory from purchases and interactions.
 *
 * <p>This is the reference definition of every metric; other metrics sources (SQL in the JDBC
 * adapter) must give the same numbers. A purchase in the window in another currency than the
 * query's counts at its {@link MetricsQuery#amountOf converted amount}. Purchases and interactions outside the relevant days are
 * ignored, so callers may pass more than needed. Given interactions (even none), the inquiries are
 * known; without any interactions data ({@link #compute(Customer, Iterable, MetricsQuery)}) they
 * are unknown. Stateless and thread-safe.
 */
public final class MetricsCalculator {
    private MetricsCalculator() {
    }

    /**
     * Computes a snapshot.
     *
     * @param customer the customer; not null
     * @param purchases the customer's purchases, at least those in {@link MetricsQuery#purchaseSpan()}
     *     and the latest one before the as-of day; not null
     * @param interactions the customer's interactions, at least those in the window; not null
     * @param query the as-of day, window, zone and currency; not null
     * @return the snapshot
     * @throws CurrencyMismatchException if a purchase in the window is in another currency that the
     *     query's exchange rates do not convert ({@link org.crmkit.core.NoExchangeRateException} when
     *     the query has rates, but none for its currency and day)
     * @throws InvalidValueException if a purchase or interaction belongs to another customer
     */
    public static CustomerMetrics compute(Customer customer, Iterable<Purchase> purchases,
            Iterable<Interaction> interactions, MetricsQuery query) {
        // computeWith checks the other arguments.
        Objects.requireNonNull(query, "query");
        return computeWith(customer, purchases, interactions, PurchaseAmounts.of(query));
    }

    /**
     * Computes a snapshot for a source that has no interactions data at all (no interaction log,
     * no interactions file): the inquiries are {@link CustomerMetrics#withInquiriesUnknown unknown},
     * not 0, so that a condition on them says so.
     *
     * @param customer the customer; not null
     * @param purchases the customer's purchases, as {@link #compute(Customer, Iterable, Iterable, MetricsQuery)}; not null
     * @param query the as-of day, window, zone and currency; not null
     * @return the snapshot, its inquiries unknown
     * @throws CurrencyMismatchException as {@link #compute(Customer, Iterable, Iterable, MetricsQuery)}
     * @throws InvalidValueException if a purchase belongs to another customer
     */
    public static CustomerMetrics compute(Customer customer, Iterable<Purchase> purchases, MetricsQuery query) {
        return compute(customer, purchases, List.of(), query).withInquiriesUnknown();
    }

    /**
     * Computes a snapshot, converting through amounts that other sums of the same customer share,
     * so that each purchase in another currency is converted once (as the facts do).
     *
     * @param customer the customer; not null
     * @param purchases the customer's purchases, as {@link #compute(Customer, Iterable, Iterable, MetricsQuery)}; not null
     * @param interactions the customer's interactions, at least those in the window; not null
     * @param amounts the amounts in the query's currency, of {@link PurchaseAmounts#query() the query}; not null
     * @return the snapshot
     * @throws CurrencyMismatchException as {@link #compute(Customer, Iterable, Iterable, MetricsQuery)}
     * @throws InvalidValueException if a purchase or interaction belongs to another customer
     */
    public static CustomerMetrics computeWith(Customer customer, Iterable<Purchase> purchases,
            Iterable<Interaction> interactions, PurchaseAmounts amounts) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(amounts, "amounts");
        MetricsQuery query = amounts.query();

        Money spend = Money.zero(query.currency());
        int orders = 0;
        boolean[] activeQuarter = new boolean[MetricsQuery.ACTIVE_QUARTER_LOOKBACK];
        DateWindow[] quarters = new DateWindow[MetricsQuery.ACTIVE_QUARTER_LOOKBACK];
        for (int i = 0; i < quarters.length; i++) {
            quarters[i] = query.quarter(i);
        }
        LocalDate lastPurchase = null;
        for (Purchase purchase : purchases) {
            if (!customer.id().equals(purchase.customerId())) {
                throw otherCustomer(customer, purchase.customerId().value(), named(purchase));
            }
            LocalDate day = purchase.orderDate();
            if (day.isAfter(query.asOf())) {
                continue;
            }
            if (lastPurchase == null || day.isAfter(lastPurchase)) {
                lastPurchase = day;
            }
            if (query.window().contains(day)) {
                spend = spend.plus(amounts.of(purchase, MetricsCalculator::named));
                orders++;
            }
            for (int i = 0; i < quarters.length; i++) {
                if (quarters[i].contains(day)) {
                    activeQuarter[i] = true;
                }
            }
        }
        int inquiries = 0;
        for (Interaction interaction : interactions) {
            if (!customer.id().equals(interaction.customerId())) {
                throw otherCustomer(customer, interaction.customerId().value(), "Interaction '" + interaction.id() + "'");
            }
            LocalDate day = interaction.occurredAt().atZoneSameInstant(query.zone()).toLocalDate();
            if (interaction.kind() == InteractionKind.INQUIRY && query.window().contains(day)) {
                inquiries++;
            }
        }
        int active = 0;
        for (boolean quarter : activeQuarter) {
            active += quarter ? 1 : 0;
        }
        return new CustomerMetrics(customer.id(), query.asOf(), query.window(), spend, orders, active, inquiries,
                true, tenureMonths(customer.createdOn(), query.asOf()), customer.strategicAgreement(),
                Optional.ofNullable(lastPurchase));
    }

    /**
     * Whole months from creation to the as-of day; zero for customers created later.
     *
     * @param createdOn the creation day; not null
     * @param asOf the as-of day; not null
     * @return the tenure in whole months, zero or more
     */
    public static int tenureMonths(LocalDate createdOn, LocalDate asOf) {
        long months = ChronoUnit.MONTHS.between(createdOn, asOf);
        // Dates far apart (years of a billion) would overflow an int; no customer is that old.
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, months));
    }

    /** Names a purchase in an exception, e.g. {@code Purchase 'o-2'}; built only when thrown. */
    private static String named(Purchase purchase) {
        return "Purchase '" + purchase.id() + "'";
    }

    /** The exception for a record of another customer; built only when thrown. */
    private static InvalidValueException otherCustomer(Customer customer, String ownerId, String what) {
        return new InvalidValueException(what + " belongs to customer '" + ownerId
                + "', not to '" + customer.id() + "'");
    }
}
