package org.crmkit.core.metrics;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;

/**
 * The amounts of one customer's purchases in a query's currency, as {@link MetricsQuery#amountOf}
 * gives them, each purchase in another currency converted (and its rate looked up) once however
 * many sums ask for it: the metrics, the history and the activity of one computation share one.
 * A purchase in the query's currency costs nothing. Not thread-safe: one per computation.
 */
public final class PurchaseAmounts {
    private final MetricsQuery query;
    /** The converted amounts by purchase; created at the first purchase in another currency. */
    private Map<Purchase, Money> converted;

    private PurchaseAmounts(MetricsQuery query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    /**
     * Amounts for one computation.
     *
     * @param query the query whose currency and rates convert; not null
     * @return an empty memo
     */
    public static PurchaseAmounts of(MetricsQuery query) {
        return new PurchaseAmounts(query);
    }

    /** @return the query the amounts are in */
    public MetricsQuery query() {
        return query;
    }

    /**
     * A purchase's amount in the query's currency, converted at the first call for it.
     *
     * @param purchase the purchase; not null
     * @param context names the purchase in the exception, built only when it is thrown; not null
     * @return the amount, as {@link MetricsQuery#amountOf(Purchase, Function)}
     * @throws org.crmkit.core.CurrencyMismatchException as {@link MetricsQuery#amountOf(Purchase, Function)}
     */
    public Money of(Purchase purchase, Function<? super Purchase, String> context) {
        if (purchase.amount().currency().equals(query.currency())) {
            return purchase.amount();
        }
        if (converted == null) {
            converted = new IdentityHashMap<>();
        }
        Money amount = converted.get(purchase);
        if (amount == null) {
            // A purchase that fails is not kept: the next sum fails for it alike.
            amount = query.amountOf(purchase, context);
            converted.put(purchase, amount);
        }
        return amount;
    }
}
