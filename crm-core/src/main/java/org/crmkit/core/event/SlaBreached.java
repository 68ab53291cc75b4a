package org.crmkit.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;

/**
 * A milestone passed its due time without being met. Immutable and thread-safe.
 *
 * @param caseId the case; not null
 * @param customerId the customer; not null
 * @param milestone the milestone's name; not blank
 * @param cycle 0, or n after the n-th reopening
 * @param dueAt when the milestone is due; not null
 * @param escalateTo who the policy escalates a breach to; not null
 * @param policy the policy that set the target; not null
 * @param occurredAt the due time, when the breach happened; not null
 */
public record SlaBreached(CaseId caseId, CustomerId customerId, String milestone, int cycle, Instant dueAt,
        List<String> escalateTo, PolicyRef policy, Instant occurredAt) implements SlaEvent {
    /** Checks the invariants. */
    public SlaBreached {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(customerId, "customerId");
        Checks.nonBlank(milestone, "milestone");
        Checks.nonNegative(cycle, "cycle");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(occurredAt, "occurredAt");
        escalateTo = List.copyOf(Objects.requireNonNull(escalateTo, "escalateTo"));
    }
}
