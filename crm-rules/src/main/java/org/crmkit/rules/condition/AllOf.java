package org.crmkit.rules.condition;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.metrics.Facts;

/**
 * Holds when every nested condition holds. Immutable and thread-safe.
 *
 * @param conditions one or more conditions; not null
 */
public record AllOf(List<Condition> conditions) implements Condition {
    /** Copies the list and rejects an empty one. */
    public AllOf {
        conditions = Conditions.requireNonEmpty(conditions, "all");
    }

    @Override
    public ConditionResult evaluate(Facts facts) {
        List<ConditionResult> results = new ArrayList<>(conditions.size());
        boolean holds = true;
        for (Condition condition : conditions) {
            ConditionResult result = condition.evaluate(facts);
            results.add(result);
            holds &= result.holds();
        }
        return new ConditionResult.Combined(ConditionResult.Combined.Kind.ALL, results, holds);
    }

    @Override
    public String toString() {
        return "all" + conditions;
    }
}
