package org.crmkit.rules.tiering;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.ConditionResult;

/**
 * The rule that puts a customer into a tier: the tier and its condition. A policy holds one rule
 * per tier; the rule is named after its tier. Immutable and thread-safe.
 *
 * @param tier the tier the rule assigns; not null
 * @param when the condition on the metrics snapshot; not null
 * @param description what the rule means in the business's words, if given; not null
 */
public record TierRule(Tier tier, Condition when, Optional<String> description) {
    /** Checks the invariants. */
    public TierRule {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Creates a rule without description.
     *
     * @param tier the tier; not null
     * @param when the condition; not null
     * @return the rule
     */
    public static TierRule of(Tier tier, Condition when) {
        return new TierRule(tier, when, Optional.empty());
    }

    /** @return the rule's name, which is its tier's name */
    public String name() {
        return tier.name();
    }

    /**
     * Evaluates the rule.
     *
     * @param metrics the snapshot; not null
     * @return the outcome with its explanation
     */
    public RuleResult evaluate(CustomerMetrics metrics) {
        ConditionResult result = when.evaluate(metrics);
        return new RuleResult(this, result);
    }
}
