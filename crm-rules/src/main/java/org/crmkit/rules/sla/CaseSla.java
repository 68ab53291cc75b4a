package org.crmkit.rules.sla;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;

/**
 * A case's SLA at a moment: which target applies and where each milestone stands, with what
 * decided it. Immutable and thread-safe.
 *
 * @param serviceCase the case; not null
 * @param asOf the moment described; not null
 * @param policy the policy; not null
 * @param tier the customer's tier used to choose the target, if known; not null
 * @param priority the case's priority at the as-of moment, if any; not null
 * @param target the name of the target that applies, or empty when none does; not null
 * @param reopenings how many times the case was reopened by the as-of moment
 * @param paused whether the case waits on the customer at the as-of moment
 * @param closed whether the case is closed at the as-of moment
 * @param milestones the milestones of the target, in policy order; empty without target; not null
 */
public record CaseSla(
        ServiceCase serviceCase,
        Instant asOf,
        PolicyRef policy,
        Optional<Tier> tier,
        Optional<Priority> priority,
        Optional<String> target,
        int reopenings,
        boolean paused,
        boolean closed,
        List<MilestoneStatus> milestones) {

    /** Checks the invariants. */
    public CaseSla {
        Objects.requireNonNull(serviceCase, "serviceCase");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(target, "target");
        milestones = List.copyOf(Objects.requireNonNull(milestones, "milestones"));
    }

    /**
     * A milestone by name.
     *
     * @param name e.g. {@code "first_response"}; not null
     * @return its status, or empty if the target has no such milestone
     */
    public Optional<MilestoneStatus> milestone(String name) {
        return milestones.stream().filter(status -> status.name().equals(name)).findFirst();
    }
}
