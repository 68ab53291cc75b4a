package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.rules.tiering.TierDecision;

/**
 * JSON Lines: one object per customer, e.g.
 * <pre>{@code
 * {"customer_id":"c-001","tier":"core","reasons":["rule core matched: ..."],"as_of":"2026-03-31",
 *  "policy":"standard@2026.1","metrics":{"spend":"110000.00","currency":"CNY","orders":3,...}}
 * }</pre>
 * (on one line). {@code tier} is null when no tier applies; amounts are decimal strings.
 */
final class JsonLinesTierWriter implements TierWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(List<TierDecision> decisions, Writer out) throws IOException {
        for (TierDecision decision : decisions) {
            out.write(MAPPER.writeValueAsString(line(decision)));
            out.write('\n');
        }
    }

    private static ObjectNode line(TierDecision decision) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put(TierFields.CUSTOMER_ID, decision.customerId().value());
        line.put(TierFields.TIER, TierFields.tier(decision));
        ArrayNode reasons = line.putArray(TierFields.REASONS);
        decision.reasons().forEach(reasons::add);
        line.put(TierFields.AS_OF, decision.asOf().toString());
        line.put(TierFields.POLICY, decision.policy().toString());
        CustomerMetrics metrics = decision.metrics();
        ObjectNode values = line.putObject(TierFields.METRICS);
        values.put(TierFields.SPEND, TierFields.spend(metrics));
        values.put(TierFields.CURRENCY, metrics.spend().currency().getCurrencyCode());
        values.put(TierFields.ORDERS, metrics.orders());
        values.put(TierFields.ACTIVE_QUARTERS, metrics.activeQuarters());
        values.put(TierFields.INQUIRIES, metrics.inquiries());
        values.put(TierFields.TENURE_MONTHS, metrics.tenureMonths());
        values.put(TierFields.STRATEGIC_AGREEMENT, metrics.strategicAgreement());
        values.put(TierFields.LAST_PURCHASE, TierFields.lastPurchase(metrics));
        return line;
    }
}
