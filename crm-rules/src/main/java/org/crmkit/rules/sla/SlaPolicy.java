package org.crmkit.rules.sla;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Tier;

/**
 * The {@code sla} section of a policy: targets tried in order, the first that applies to a case
 * decides its milestones. A case no target applies to has no SLA. Immutable and thread-safe.
 *
 * @param targets the targets, in priority order; may be empty; not null
 */
public record SlaPolicy(List<SlaTarget> targets) {
    /** Copies the targets. */
    public SlaPolicy {
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
    }

    /** @return a policy without targets */
    public static SlaPolicy none() {
        return new SlaPolicy(List.of());
    }

    /**
     * The first target that applies.
     *
     * @param kind the case's kind; not null
     * @param tier the customer's tier, if known; not null
     * @param priority the case's current priority, if any; not null
     * @return the target, or empty when none applies
     */
    public Optional<SlaTarget> targetFor(CaseKind kind, Optional<Tier> tier, Optional<Priority> priority) {
        return targets.stream().filter(target -> target.appliesTo(kind, tier, priority)).findFirst();
    }
}
