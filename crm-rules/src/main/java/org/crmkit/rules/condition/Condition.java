package org.crmkit.rules.condition;

import java.util.List;
import org.crmkit.core.metrics.Facts;

/**
 * A test on a customer's metrics snapshot, as written in a policy's {@code when}: a single
 * {@link Comparison}, or {@link AllOf all} / {@link AnyOf any} of nested conditions.
 *
 * <p>Evaluation is a pure function that returns the whole {@link ConditionResult} tree, every
 * branch evaluated, so that explanations can show each metric against its threshold.
 */
public sealed interface Condition permits Comparison, AllOf, AnyOf {

    /**
     * Evaluates the condition.
     *
     * @param facts the snapshot: metrics, or metrics and signals; not null
     * @return the outcome with its explanation
     */
    ConditionResult evaluate(Facts facts);

    /**
     * All of the conditions.
     *
     * @param conditions one or more conditions; not null
     * @return the conjunction
     */
    static Condition all(Condition... conditions) {
        return new AllOf(List.of(conditions));
    }

    /**
     * Any of the conditions.
     *
     * @param conditions one or more conditions; not null
     * @return the disjunction
     */
    static Condition any(Condition... conditions) {
        return new AnyOf(List.of(conditions));
    }
}
