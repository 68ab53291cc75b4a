package org.crmkit.rules.lifecycle;

import java.util.Objects;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.condition.FirstMatch;

/**
 * Decides lifecycle stages: scores the churn risk, puts it into the signals as
 * {@code churn_risk} (so the decline rule can test it), then tries the stage rules in policy
 * order. A pure function; immutable and thread-safe.
 */
public final class LifecycleEngine {
    private final LifecyclePolicy policy;
    private final ChurnRiskScorer scorer;

    /**
     * Creates an engine.
     *
     * @param policy the {@code lifecycle} section; not null
     */
    public LifecycleEngine(LifecyclePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scorer = new ChurnRiskScorer(policy.churnRisk());
    }

    /**
     * Decides one customer's stage.
     *
     * @param signals the customer's signals; {@code churn_risk}, if given, is replaced; not null
     * @return the decision with its reasons
     */
    public LifecycleDecision evaluate(CustomerSignals signals) {
        ChurnRisk risk = scorer.score(Objects.requireNonNull(signals, "signals"));
        CustomerSignals scored = signals.with(Signal.CHURN_RISK, risk.value());
        FirstMatch.Chosen<LifecycleStage> stage = policy.stages().choose(scored);
        boolean winBack = stage.outcome() == LifecycleStage.CHURNED
                && policy.winBack().map(condition -> condition.evaluate(scored).holds()).orElse(true);
        return new LifecycleDecision(scored, stage, risk, winBack);
    }
}
