package org.crmkit.rules.relationship;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.condition.FirstMatch;

/**
 * A customer's relationship level and type with the evidence behind them. Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param level the highest level whose evidence and every lower level's evidence hold, or empty
 *     when not even trust's does; not null
 * @param evidence the evidence of every level, lowest first, evaluated even above the level held
 *     so a UI can show what is missing; not null
 * @param type the relationship type and the rule that chose it; not null
 */
public record RelationshipDecision(CustomerId customerId, Optional<RelationshipLevel> level,
        List<LevelEvidence> evidence, FirstMatch.Chosen<RelationshipType> type) {

    /** Checks the invariants and copies the list. */
    public RelationshipDecision {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(level, "level");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        Objects.requireNonNull(type, "type");
    }

    /** @return the relationship type */
    public RelationshipType relationshipType() {
        return type.outcome();
    }

    /**
     * The reasons for people: the level, the evidence up to the first that failed, and the type.
     *
     * @return the reasons, in order
     */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        reasons.add("level " + level.map(RelationshipLevel::key).orElse("none"));
        for (LevelEvidence each : evidence) {
            reasons.add(each.explain());
            if (!each.holds()) {
                break; // higher levels cannot be held, whatever their evidence says
            }
        }
        reasons.add(type.explain("type", type.outcome().key()));
        return List.copyOf(reasons);
    }
}
