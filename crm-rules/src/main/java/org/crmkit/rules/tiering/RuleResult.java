package org.crmkit.rules.tiering;

import java.util.Objects;
import org.crmkit.rules.condition.ConditionResult;

/**
 * A tier rule's outcome for one customer. Immutable and thread-safe.
 *
 * @param rule the rule; not null
 * @param condition the outcome of its condition, with every metric against its threshold; not null
 */
public record RuleResult(TierRule rule, ConditionResult condition) {
    /** Checks the invariants. */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(condition, "condition");
    }

    /** @return whether the rule matched */
    public boolean matched() {
        return condition.holds();
    }

    /** @return e.g. {@code "rule core not matched: spend 120000.00 >= 100000 met; active_quarters 2 >= 3 not met"} */
    public String explain() {
        return "rule " + rule.name() + (matched() ? " matched: " : " not matched: ") + condition.explain();
    }
}
