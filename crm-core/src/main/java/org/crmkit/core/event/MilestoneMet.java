package org.crmkit.core.event;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;

/**
 * A milestone was met, on time or late. Immutable and thread-safe.
 *
 * @param caseId the case; not null
 * @param customerId the customer; not null
 * @param milestone the milestone's name; not blank
 * @param cycle 0, or n after the n-th reopening
 * @param dueAt when the milestone is due; not null
 * @param onTime whether it was met by its due time
 * @param policy the policy that set the target; not null
 * @param occurredAt when it was met; not null
 */
public record MilestoneMet(CaseId caseId, CustomerId customerId, String milestone, int cycle, Instant dueAt,
        boolean onTime, PolicyRef policy, Instant occurredAt) implements SlaEvent {
    /** Checks the invariants. */
    public MilestoneMet {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(customerId, "customerId");
        Checks.nonBlank(milestone, "milestone");
        Checks.nonNegative(cycle, "cycle");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
