package org.crmkit.rules.relationship;

import java.util.Objects;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.rules.condition.ConditionResult;

/**
 * Whether one relationship level's evidence holds, with the explanation. Immutable and thread-safe.
 *
 * @param level the level; not null
 * @param result the outcome of its evidence condition; not null
 */
public record LevelEvidence(RelationshipLevel level, ConditionResult result) {

    /** Checks the invariants. */
    public LevelEvidence {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(result, "result");
    }

    /** @return whether the evidence holds */
    public boolean holds() {
        return result.holds();
    }

    /** @return e.g. {@code "trust evidence held: repeat_purchases 3 >= 1 met; open_breaches 0 = 0 met"} */
    public String explain() {
        return level.key() + " evidence " + (holds() ? "held" : "did not hold") + ": " + result.explain();
    }
}
