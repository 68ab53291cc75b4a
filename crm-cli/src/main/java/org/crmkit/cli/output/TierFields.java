package org.crmkit.cli.output;

import java.util.List;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.tiering.TierDecision;
import org.jspecify.annotations.Nullable;

/**
 * The field names and values of the {@code crm tier} output, shared by its formats so that JSON
 * and CSV always say the same thing.
 */
final class TierFields {
    static final String CUSTOMER_ID = "customer_id";
    static final String TIER = "tier";
    static final String REASONS = "reasons";
    static final String AS_OF = "as_of";
    static final String POLICY = "policy";
    static final String METRICS = "metrics";
    static final String SPEND = "spend";
    static final String CURRENCY = "currency";
    static final String ORDERS = "orders";
    static final String ACTIVE_QUARTERS = "active_quarters";
    static final String INQUIRIES = "inquiries";
    static final String TENURE_MONTHS = "tenure_months";
    static final String STRATEGIC_AGREEMENT = "strategic_agreement";
    static final String LAST_PURCHASE = "last_purchase";

    /** The metrics fields, in output order. */
    static final List<String> METRIC_FIELDS = List.of(SPEND, CURRENCY, ORDERS, ACTIVE_QUARTERS, INQUIRIES,
            TENURE_MONTHS, STRATEGIC_AGREEMENT, LAST_PURCHASE);

    private TierFields() {
    }

    /** @return the tier's name, or null for no tier (JSON null, an empty CSV cell) */
    static @Nullable String tier(TierDecision decision) {
        return decision.tier().map(Tier::name).orElse(null);
    }

    /** @return the spend as a plain decimal string, never a binary floating-point number */
    static String spend(CustomerMetrics metrics) {
        return metrics.spend().amount().toPlainString();
    }

    /** @return the day of the last purchase, or null when there was none */
    static @Nullable String lastPurchase(CustomerMetrics metrics) {
        return metrics.lastPurchase().map(Object::toString).orElse(null);
    }
}
