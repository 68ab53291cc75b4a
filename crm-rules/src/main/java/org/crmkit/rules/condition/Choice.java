package org.crmkit.rules.condition;

import java.util.Objects;
import java.util.Optional;

/**
 * One branch of a first-match choice, as policies write lifecycle stages and relationship types:
 * an outcome and the condition under which it applies; the last branch of a list has no
 * condition and applies otherwise. Immutable and thread-safe.
 *
 * @param outcome what the branch chooses; not null
 * @param when the condition, or empty for the closing "otherwise" branch; not null
 * @param <T> the type of outcome
 */
public record Choice<T>(T outcome, Optional<Condition> when) {

    /** Checks the invariants. */
    public Choice {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(when, "when");
    }

    /**
     * A branch with a condition.
     *
     * @param outcome the outcome; not null
     * @param when the condition; not null
     * @param <T> the type of outcome
     * @return the branch
     */
    public static <T> Choice<T> when(T outcome, Condition when) {
        return new Choice<>(outcome, Optional.of(when));
    }

    /**
     * The closing branch.
     *
     * @param outcome the outcome; not null
     * @param <T> the type of outcome
     * @return the branch
     */
    public static <T> Choice<T> otherwise(T outcome) {
        return new Choice<>(outcome, Optional.empty());
    }
}
