package org.crmkit.core.facts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.Money;

/**
 * A customer's whole purchase history up to the as-of day, summarised by purchase day as the
 * customer-base models read it: several orders on one day are one purchase. With the last
 * purchase day of the {@link org.crmkit.core.metrics.CustomerMetrics metrics}, these give the
 * frequency, recency, age and mean repeat spend of the models, and the repeat-purchase, recency and
 * days-since signals. Immutable and thread-safe.
 *
 * @param orders the purchases on or before the as-of day; at least {@code purchaseDays}
 * @param spend their amounts summed; not negative; not null
 * @param purchaseDays the days with at least one purchase on or before the as-of day; zero or more
 * @param firstPurchase the first of them; present exactly when {@code purchaseDays > 0}; not null
 * @param repeatSpend the amounts of the purchases on the days after the first, summed; zero with
 *     fewer than two purchase days; at most {@code spend}; not null
 */
public record PurchaseHistoryFacts(int orders, Money spend, int purchaseDays, Optional<LocalDate> firstPurchase,
        Money repeatSpend) {

    /** Checks the invariants. */
    public PurchaseHistoryFacts {
        Checks.nonNegative(purchaseDays, "PurchaseHistoryFacts purchaseDays");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(repeatSpend, "repeatSpend");
        if (orders < purchaseDays) {
            throw new InvalidValueException("PurchaseHistoryFacts orders must be at least the " + purchaseDays
                    + " purchase days, was " + orders);
        }
        if ((purchaseDays > 0) != firstPurchase.isPresent()) {
            throw new InvalidValueException("PurchaseHistoryFacts firstPurchase must be given exactly when there are"
                    + " purchase days, was " + firstPurchase.map(LocalDate::toString).orElse("none") + " with "
                    + purchaseDays + " purchase days");
        }
        if (repeatSpend.isNegative()) {
            throw new InvalidValueException("PurchaseHistoryFacts repeatSpend must not be negative, was " + repeatSpend);
        }
        if (repeatSpend.compareTo(spend) > 0) {
            throw new InvalidValueException("PurchaseHistoryFacts repeatSpend " + repeatSpend
                    + " must not exceed the spend " + spend);
        }
        if (purchaseDays < 2 && !repeatSpend.isZero()) {
            throw new InvalidValueException("PurchaseHistoryFacts repeatSpend must be zero without a repeat purchase"
                    + " day, was " + repeatSpend);
        }
    }

    /**
     * The history of a customer who never bought.
     *
     * @param currency the currency of the zero spend; not null
     * @return the facts
     */
    public static PurchaseHistoryFacts none(java.util.Currency currency) {
        return new PurchaseHistoryFacts(0, Money.zero(currency), 0, Optional.empty(), Money.zero(currency));
    }

    /** @return the purchase days after the first one: the models' frequency x; zero or more */
    public int repeatPurchaseDays() {
        return Math.max(0, purchaseDays - 1);
    }
}
