package org.crmkit.rules.condition;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.metrics.Facts;

/**
 * Holds when at least one nested condition holds. Every branch is evaluated, so the
 * explanation shows all of them. Immutable and thread-safe.
 *
 * @param conditions one or more conditions; not null
 */
public record AnyOf(List<Condition> conditions) implements Condition {
    /** Copies the list and rejects an empty one. */
    public AnyOf {
        conditions = Conditions.requireNonEmpty(conditions, "any");
    }

    @Override
    public ConditionResult evaluate(Facts facts) {
        List<ConditionResult> results = new ArrayList<>(conditions.size());
        boolean holds = false;
        for (Condition condition : conditions) {
            ConditionResult result = condition.evaluate(facts);
            results.add(result);
            holds |= result.holds();
        }
        return new ConditionResult.Combined(ConditionResult.Combined.Kind.ANY, results, holds);
    }

    @Override
    public String toString() {
        return "any" + conditions;
    }
}
