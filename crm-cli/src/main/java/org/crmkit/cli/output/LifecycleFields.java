package org.crmkit.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseReport;
import org.crmkit.rules.lifecycle.ValueEstimate;
import org.crmkit.rules.segment.RfmScore;
import org.jspecify.annotations.Nullable;

/**
 * The fields and values of the {@code crm lifecycle} output, shared by JSON Lines and CSV so that
 * both always say the same thing: those FORMATS.md requires first, then the extras. Absent
 * values are null (JSON null, an empty CSV cell); risks, probabilities and amounts are decimal
 * numbers written exactly as computed.
 */
final class LifecycleFields {
    static final String CUSTOMER_ID = "customer_id";
    static final String STAGE = "stage";
    static final String RELATIONSHIP_LEVEL = "relationship_level";
    static final String RELATIONSHIP_TYPE = "relationship_type";
    static final String CHURN_RISK = "churn_risk";
    static final String REASONS = "reasons";
    static final String AS_OF = "as_of";
    static final String POLICY = "policy";
    static final String WIN_BACK = "win_back";
    static final String HIGH_RISK = "high_risk";
    static final String P_ALIVE = "p_alive";
    static final String CLV = "clv";
    static final String VALUE_AT_RISK = "value_at_risk";
    static final String CURRENCY = "currency";
    static final String TIER = "tier";
    static final String RFM = "rfm";
    static final String ABC = "abc";

    /** Every field, in output order. */
    static final List<String> FIELDS = List.of(CUSTOMER_ID, STAGE, RELATIONSHIP_LEVEL, RELATIONSHIP_TYPE, CHURN_RISK,
            REASONS, AS_OF, POLICY, WIN_BACK, HIGH_RISK, P_ALIVE, CLV, VALUE_AT_RISK, CURRENCY, TIER, RFM, ABC);

    private LifecycleFields() {
    }

    /** @return one row per customer, in the report's order */
    static List<Map<String, @Nullable Object>> rows(CustomerBaseReport report) {
        // One definition of "high risk": the report's early-warning list (high churn risk, not churned yet).
        Set<CustomerId> highRisk = report.highRisk().stream().map(CustomerAssessment::customerId)
                .collect(Collectors.toSet());
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(report.customers().size());
        for (CustomerAssessment customer : report.customers()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put(CUSTOMER_ID, customer.customerId().value());
            row.put(STAGE, customer.lifecycle().lifecycleStage().key());
            row.put(RELATIONSHIP_LEVEL, customer.relationship().level().map(RelationshipLevel::key).orElse(null));
            row.put(RELATIONSHIP_TYPE, customer.relationship().relationshipType().key());
            row.put(CHURN_RISK, customer.lifecycle().churnRisk().value());
            row.put(REASONS, customer.reasons());
            row.put(AS_OF, report.asOf().toString());
            row.put(POLICY, report.policy().toString());
            row.put(WIN_BACK, customer.lifecycle().winBack());
            row.put(HIGH_RISK, highRisk.contains(customer.customerId()));
            row.put(P_ALIVE, customer.value().map(ValueEstimate::probabilityAlive).orElse(null));
            row.put(CLV, customer.value().map(ValueEstimate::lifetimeValue).orElse(null));
            row.put(VALUE_AT_RISK, customer.valueAtRisk());
            row.put(CURRENCY, currency(customer));
            row.put(TIER, customer.tier().map(Tier::name).orElse(null));
            row.put(RFM, customer.rfm().map(RfmScore::code).orElse(null));
            row.put(ABC, customer.abc().abcClass().name());
            rows.add(row);
        }
        return rows;
    }

    /** The currency of the amounts: the policy's, in which the spend was summed. */
    private static String currency(CustomerAssessment customer) {
        return customer.lifecycle().signals().metrics().spend().currency().getCurrencyCode();
    }
}
