package org.crmkit.cli.output;

import java.time.LocalDate;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.ValueEstimate;
import org.crmkit.rules.segment.RfmScore;

/**
 * The {@code crm lifecycle} report: one line per customer, the fields FORMATS.md requires first,
 * then the extras. Absent values are null (JSON null, an empty CSV cell); risks, probabilities and
 * amounts are decimal numbers written exactly as computed; reasons are joined with
 * {@value TierFields#REASON_SEPARATOR} in CSV.
 */
final class LifecycleFields {
    private LifecycleFields() {
    }

    /**
     * @param asOf the day analysed
     * @param policy the policy that decided
     * @return the report of customer-base analyses
     */
    static Report<CustomerAssessment> report(LocalDate asOf, PolicyRef policy) {
        return Report.of(Columns.<CustomerAssessment>builder()
                .text("customer_id", customer -> customer.customerId().value())
                .text("stage", customer -> customer.lifecycle().lifecycleStage().key())
                .text("relationship_level", customer -> customer.relationship().level().map(RelationshipLevel::key)
                        .orElse(null))
                .text("relationship_type", customer -> customer.relationship().relationshipType().key())
                .number("churn_risk", customer -> customer.lifecycle().churnRisk().value())
                .texts("reasons", CustomerAssessment::reasons, TierFields.REASON_SEPARATOR)
                .text("as_of", customer -> asOf.toString())
                .text("policy", customer -> policy.toString())
                .flag("win_back", customer -> customer.lifecycle().winBack())
                // One definition of "high risk": the early-warning list's (high churn risk, not churned yet).
                .flag("high_risk", CustomerAssessment::onEarlyWarningList)
                .number("p_alive", customer -> customer.value().map(ValueEstimate::probabilityAlive).orElse(null))
                .number("clv", customer -> customer.value().map(ValueEstimate::lifetimeValue).orElse(null))
                .number("value_at_risk", CustomerAssessment::valueAtRisk)
                // The currency of the amounts: the policy's, in which the spend was summed.
                .text("currency", customer -> customer.lifecycle().signals().metrics().spend().currency()
                        .getCurrencyCode())
                .text("tier", customer -> TierFields.name(customer.tier()))
                .text("rfm", customer -> customer.rfm().map(RfmScore::code).orElse(null))
                .text("abc", customer -> customer.abc().abcClass().name())
                .build());
    }
}
