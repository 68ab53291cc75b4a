package org.crmkit.cli.output;

import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.tiering.TierDecision;

/**
 * The {@code crm tier} report: one line per customer, e.g.
 * <pre>{@code
 * {"customer_id":"c-001","tier":"core","reasons":["rule core matched: ..."],"as_of":"2026-03-31",
 *  "policy":"standard@2026.1","metrics":{"spend":"110000.00","currency":"CNY","orders":3,...}}
 * }</pre>
 * (on one line). {@code tier} is null when no tier applies, {@code inquiries} when they are unknown
 * (run without interactions data); amounts are decimal strings. As CSV
 * the metrics are columns of their own and the reasons are joined with {@value #REASON_SEPARATOR}.
 */
final class TierFields {
    /** Separates the reasons inside the one {@code reasons} cell, and every other list of text in CSV. */
    static final String REASON_SEPARATOR = " | ";

    private static final Columns<CustomerMetrics> METRICS = Columns.<CustomerMetrics>builder()
            .amount("spend", metrics -> metrics.spend().amount())
            .text("currency", metrics -> metrics.spend().currency().getCurrencyCode())
            .integer("orders", CustomerMetrics::orders)
            .integer("active_quarters", CustomerMetrics::activeQuarters)
            .optionalInteger("inquiries", CustomerMetrics::inquiries, CustomerMetrics::inquiriesKnown)
            .integer("tenure_months", CustomerMetrics::tenureMonths)
            .flag("strategic_agreement", CustomerMetrics::strategicAgreement)
            .text("last_purchase", metrics -> metrics.lastPurchase().map(Object::toString).orElse(null))
            .build();

    static final Report<TierDecision> REPORT = Report.of(Columns.<TierDecision>builder()
            .text("customer_id", decision -> decision.customerId().value())
            .text("tier", decision -> name(decision.tier()))
            .texts("reasons", TierDecision::reasons, REASON_SEPARATOR)
            .text("as_of", decision -> decision.asOf().toString())
            .text("policy", decision -> decision.policy().toString())
            .object("metrics", METRICS, TierDecision::metrics)
            .build());

    private TierFields() {
    }

    /** @return the tier's name, or null for no tier (JSON null, an empty CSV cell) */
    static @org.jspecify.annotations.Nullable String name(Optional<Tier> tier) {
        return tier.map(Tier::name).orElse(null);
    }
}
