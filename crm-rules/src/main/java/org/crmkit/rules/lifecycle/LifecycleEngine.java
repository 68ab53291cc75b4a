package org.crmkit.rules.lifecycle;

import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.Policy;
import org.crmkit.rules.condition.FirstMatch;

/**
 * Decides lifecycle stages: scores the churn risk, puts it into the signals as
 * {@code churn_risk} (so the decline rule can test it), then tries the stage rules in policy
 * order. A pure function; immutable and thread-safe.
 */
public final class LifecycleEngine {
    private final LifecyclePolicy policy;
    private final ChurnRiskEngine churnRisk;

    private LifecycleEngine(LifecyclePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.churnRisk = ChurnRiskEngine.of(policy.churnRisk());
    }

    /**
     * Creates the engine of a policy's lifecycle section.
     *
     * @param policy the {@code lifecycle} section; not null
     * @return the engine
     */
    public static LifecycleEngine of(LifecyclePolicy policy) {
        return new LifecycleEngine(policy);
    }

    /**
     * Creates the engine of a policy.
     *
     * @param policy a policy with a {@code lifecycle} section; not null
     * @return the engine
     * @throws InvalidValueException if the policy has no lifecycle section
     */
    public static LifecycleEngine of(Policy policy) {
        return of(section(policy));
    }

    /** The lifecycle section, or an error that names the policy and where to start. */
    static LifecyclePolicy section(Policy policy) {
        return policy.find(LifecyclePolicy.class).orElseThrow(() -> missing(policy, "lifecycle"));
    }

    /** A policy without a section its engine needs. */
    static InvalidValueException missing(Policy policy, String section) {
        return new InvalidValueException("Policy " + policy.ref() + " has no " + section + " section; the standard"
                + " policy's is a starting point (crm policy show)");
    }

    /**
     * Decides one customer's stage.
     *
     * @param signals the customer's signals; {@code churn_risk}, if given, is replaced; not null
     * @return the decision with its reasons
     */
    public LifecycleDecision evaluate(CustomerSignals signals) {
        ChurnRisk risk = churnRisk.evaluate(Objects.requireNonNull(signals, "signals"));
        CustomerSignals scored = signals.with(Signal.CHURN_RISK, risk.value());
        FirstMatch.Chosen<LifecycleStage> stage = policy.stages().choose(scored);
        boolean winBack = stage.outcome() == LifecycleStage.CHURNED
                && policy.winBack().map(condition -> condition.evaluate(scored).holds()).orElse(true);
        return new LifecycleDecision(scored, stage, risk, winBack);
    }
}
