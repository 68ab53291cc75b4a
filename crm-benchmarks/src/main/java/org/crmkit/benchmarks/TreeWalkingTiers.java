package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.tiering.RuleResult;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierRule;

/**
 * How {@link org.crmkit.rules.tiering.TierEngine} decided before it compiled its rules, kept to
 * measure the change in the same run: every rule tried walks its {@code Condition} tree
 * ({@link TierRule#evaluate}), building the {@code ConditionResult} tree, the rule results and
 * their list, and the decision holds them. Without demotion grace, as the standard policy has it.
 * Immutable and thread-safe.
 */
final class TreeWalkingTiers {
    private final List<TierRule> rules;
    private final PolicyRef policy;

    TreeWalkingTiers(List<TierRule> rules, PolicyRef policy) {
        this.rules = List.copyOf(rules);
        this.policy = policy;
    }

    /**
     * Decides as the engine did before.
     *
     * @param metrics the snapshot; not null
     * @return the decision, holding its rule results
     */
    TierDecision evaluate(CustomerMetrics metrics) {
        List<RuleResult> evaluated = new ArrayList<>();
        Optional<Tier> ruleTier = Optional.empty();
        for (TierRule rule : rules) {
            RuleResult result = rule.evaluate(metrics);
            evaluated.add(result);
            if (result.matched()) {
                ruleTier = Optional.of(rule.tier());
                break;
            }
        }
        return new TierDecision(metrics, policy, evaluated, ruleTier, ruleTier, Optional.empty(), List.of(), 0);
    }
}
