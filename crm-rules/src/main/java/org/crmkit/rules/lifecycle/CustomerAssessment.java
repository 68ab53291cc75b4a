package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.relationship.RelationshipDecision;
import org.crmkit.rules.segment.AbcResult;
import org.crmkit.rules.segment.RfmScore;

/**
 * Everything the analysis found about one customer as of a day. Immutable and thread-safe.
 *
 * @param tier the customer's tier by the policy's tier rules, empty for none; not null
 * @param lifecycle the lifecycle stage, churn risk and win-back flag; not null
 * @param relationship the relationship level and type; not null
 * @param rfm the RFM score, for customers who ever bought; not null
 * @param abc the ABC class by spend in the window; not null
 * @param value the purchase model's estimate, for customers who bought when a model was fitted; not null
 */
public record CustomerAssessment(Optional<Tier> tier, LifecycleDecision lifecycle, RelationshipDecision relationship,
        Optional<RfmScore> rfm, AbcResult abc, Optional<ValueEstimate> value) {

    /** Checks the invariants. */
    public CustomerAssessment {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(rfm, "rfm");
        Objects.requireNonNull(abc, "abc");
        Objects.requireNonNull(value, "value");
    }

    /** @return the customer */
    public CustomerId customerId() {
        return lifecycle.customerId();
    }

    /**
     * Whether the customer is on the early-warning list: a high churn risk and not churned yet.
     *
     * @return true for the customers a company should turn to first
     */
    public boolean onEarlyWarningList() {
        return lifecycle.churnRisk().high() && lifecycle.lifecycleStage() != LifecycleStage.CHURNED;
    }

    /**
     * What the company stands to lose: churn risk times lifetime value, or times the spend in the
     * window when no model gave a lifetime value.
     *
     * @return the value at risk, two decimals, in the policy's currency
     */
    public BigDecimal valueAtRisk() {
        BigDecimal worth = value.map(ValueEstimate::lifetimeValue)
                .orElse(lifecycle.signals().metrics().spend().amount());
        return lifecycle.churnRisk().value().multiply(worth).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** @return the reasons for people: lifecycle first, then relationship, then segments and value */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>(lifecycle.reasons());
        reasons.addAll(relationship.reasons());
        rfm.ifPresent(score -> reasons.add("rfm " + score.code()));
        reasons.add("abc " + abc.abcClass());
        value.ifPresentOrElse(estimate -> reasons.add("value at risk " + valueAtRisk().toPlainString()
                        + " = churn risk x lifetime value " + estimate.lifetimeValue().toPlainString()),
                () -> reasons.add("value at risk " + valueAtRisk().toPlainString()
                        + " = churn risk x spend in the window (no lifetime value)"));
        return List.copyOf(reasons);
    }
}
