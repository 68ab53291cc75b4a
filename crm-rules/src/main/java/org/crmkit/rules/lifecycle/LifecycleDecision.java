package org.crmkit.rules.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.condition.ConditionResult;
import org.crmkit.rules.condition.FirstMatch;

/**
 * A customer's lifecycle stage, churn risk and win-back flag with their reasons. Immutable and
 * thread-safe.
 *
 * @param signals the signals decided on, with the churn risk filled in; not null
 * @param stage the stage and the rule that chose it; not null
 * @param churnRisk the churn risk with every factor; not null
 * @param winBack whether the customer is churned and flagged for win-back
 */
public record LifecycleDecision(CustomerSignals signals, FirstMatch.Chosen<LifecycleStage> stage,
        ChurnRisk churnRisk, boolean winBack) {

    /** Checks the invariants. */
    public LifecycleDecision {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(churnRisk, "churnRisk");
        if (winBack && stage.outcome() != LifecycleStage.CHURNED) {
            throw new InvalidValueException("Only churned customers are flagged for win-back, not "
                    + stage.outcome().key());
        }
    }

    /** @return the customer */
    public CustomerId customerId() {
        return signals.metrics().customerId();
    }

    /** @return the lifecycle stage */
    public LifecycleStage lifecycleStage() {
        return stage.outcome();
    }

    /** @return the reasons for people: the stage rule, the churn risk and its factors, win-back */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        reasons.add(stage.explain("stage", stage.outcome().key()));
        reasons.addAll(churnRisk.reasons());
        if (winBack) {
            reasons.add("flagged for win-back");
        }
        return List.copyOf(reasons);
    }

    /** @return the results of the stage rules tried before the one that held, for audits */
    public List<ConditionResult> stagesNotMatched() {
        return stage.failed();
    }
}
