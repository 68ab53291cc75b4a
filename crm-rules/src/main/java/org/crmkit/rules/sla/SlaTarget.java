package org.crmkit.rules.sla;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Tier;

/**
 * The milestones promised to the cases a target applies to: by kind, customer tier and priority
 * (an empty set means any). A target that names tiers applies only when the customer's tier is
 * known. Immutable and thread-safe.
 *
 * @param name the target's name; not blank
 * @param kinds the case kinds it applies to; empty for any; not null
 * @param tiers the customer tiers it applies to, in the order given; empty for any; not null
 * @param priorities the priorities it applies to; empty for any; not null
 * @param milestones the promises, with distinct names; not empty; not null
 */
public record SlaTarget(String name, Set<CaseKind> kinds, Set<Tier> tiers, Set<Priority> priorities,
        List<Milestone> milestones) {

    /** Checks the invariants. */
    public SlaTarget {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new InvalidValueException("SLA target name must not be blank");
        }
        kinds = kinds.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        // In the policy's order, so that a message about the n-th tier names the n-th of the file.
        tiers = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
                List.copyOf(Objects.requireNonNull(tiers, "tiers"))));
        priorities = priorities.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(priorities));
        milestones = List.copyOf(Objects.requireNonNull(milestones, "milestones"));
        if (milestones.isEmpty()) {
            throw new InvalidValueException("SLA target " + name + " needs at least one milestone");
        }
        Set<String> names = new HashSet<>();
        for (Milestone milestone : milestones) {
            if (!names.add(milestone.name())) {
                throw new InvalidValueException("SLA target " + name + " has two milestones named " + milestone.name());
            }
        }
    }

    /**
     * Tells whether the target applies to a case.
     *
     * @param kind the case's kind; not null
     * @param tier the customer's tier, if known; not null
     * @param priority the case's current priority, if any; not null
     * @return true when every condition of the target holds
     */
    public boolean appliesTo(CaseKind kind, Optional<Tier> tier, Optional<Priority> priority) {
        return (kinds.isEmpty() || kinds.contains(kind))
                && (tiers.isEmpty() || tier.filter(tiers::contains).isPresent())
                && (priorities.isEmpty() || priority.filter(priorities::contains).isPresent());
    }
}
