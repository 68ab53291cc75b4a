package org.crmkit.cli.output;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.lifecycle.CustomerAssessment;
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

    /**
     * Writes each customer's row to a sink.
     *
     * @param sink the rows' sink; closed with the records
     * @param asOf the day analysed
     * @param policy the policy that decided
     * @return the records
     */
    static LifecycleWriter.Records records(FlatRows.Sink sink, LocalDate asOf, PolicyRef policy) {
        return new LifecycleWriter.Records() {
            @Override
            public void write(CustomerAssessment customer) throws IOException {
                sink.row(row(customer, asOf, policy));
            }

            @Override
            public void close() throws IOException {
                sink.close();
            }
        };
    }

    /** @return a customer's row */
    static Map<String, @Nullable Object> row(CustomerAssessment customer, LocalDate asOf, PolicyRef policy) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put(CUSTOMER_ID, customer.customerId().value());
        row.put(STAGE, customer.lifecycle().lifecycleStage().key());
        row.put(RELATIONSHIP_LEVEL, customer.relationship().level().map(RelationshipLevel::key).orElse(null));
        row.put(RELATIONSHIP_TYPE, customer.relationship().relationshipType().key());
        row.put(CHURN_RISK, customer.lifecycle().churnRisk().value());
        row.put(REASONS, customer.reasons());
        row.put(AS_OF, asOf.toString());
        row.put(POLICY, policy.toString());
        row.put(WIN_BACK, customer.lifecycle().winBack());
        // One definition of "high risk": the early-warning list's (high churn risk, not churned yet).
        row.put(HIGH_RISK, customer.onEarlyWarningList());
        row.put(P_ALIVE, customer.value().map(ValueEstimate::probabilityAlive).orElse(null));
        row.put(CLV, customer.value().map(ValueEstimate::lifetimeValue).orElse(null));
        row.put(VALUE_AT_RISK, customer.valueAtRisk());
        row.put(CURRENCY, currency(customer));
        row.put(TIER, customer.tier().map(Tier::name).orElse(null));
        row.put(RFM, customer.rfm().map(RfmScore::code).orElse(null));
        row.put(ABC, customer.abc().abcClass().name());
        return row;
    }

    /** The currency of the amounts: the policy's, in which the spend was summed. */
    private static String currency(CustomerAssessment customer) {
        return customer.lifecycle().signals().metrics().spend().currency().getCurrencyCode();
    }
}
