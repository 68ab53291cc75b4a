package org.crmkit.rules.relationship;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.FirstMatch;

/**
 * The {@code relationship} section of a policy: the evidence of each relationship level, the
 * rules of the relationship types, and which product categories count as value-added services.
 * Immutable and thread-safe.
 *
 * @param evidence the evidence condition of every level; all four levels; not null
 * @param types the type rules, first match wins, the last applies otherwise; not null
 * @param valueAddedCategories product categories whose purchases are value-added services,
 *     compared ignoring case; not null
 */
public record RelationshipPolicy(Map<RelationshipLevel, Condition> evidence, FirstMatch<RelationshipType> types,
        Set<String> valueAddedCategories) {

    /** Checks that every level has evidence and copies the collections. */
    public RelationshipPolicy {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(valueAddedCategories, "valueAddedCategories");
        Map<RelationshipLevel, Condition> copy = new EnumMap<>(RelationshipLevel.class);
        evidence.forEach((level, condition) -> copy.put(Objects.requireNonNull(level, "level"),
                Objects.requireNonNull(condition, "evidence of " + level.key())));
        for (RelationshipLevel level : RelationshipLevel.values()) {
            if (!copy.containsKey(level)) {
                throw new InvalidValueException("Relationship level " + level.key() + " has no evidence rule");
            }
        }
        evidence = Collections.unmodifiableMap(copy);
        Set<String> categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        valueAddedCategories.forEach(category -> categories.add(Objects.requireNonNull(category, "category")));
        valueAddedCategories = Collections.unmodifiableSet(categories);
    }
}
