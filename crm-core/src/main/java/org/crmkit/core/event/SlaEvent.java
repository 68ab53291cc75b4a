package org.crmkit.core.event;

import java.time.Instant;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;

/**
 * Something that happened to a milestone of a service case's SLA. Each is published once per
 * case, milestone and cycle (a reopened case starts a new cycle of the milestones that restart),
 * however often the SLA is evaluated; {@link #key()} identifies it for that purpose. The moment
 * is the moment of the fact (the due time of a breach), not the time of the evaluation.
 */
public sealed interface SlaEvent extends DomainEvent permits SlaWarning, SlaBreached, MilestoneMet {
    /** @return the case */
    CaseId caseId();

    /** @return the customer of the case */
    CustomerId customerId();

    /** @return the milestone's name, e.g. {@code "first_response"} */
    String milestone();

    /** @return 0 for the first cycle, n after the n-th reopening */
    int cycle();

    /** @return when the milestone is due */
    Instant dueAt();

    /** @return the policy that set the target */
    PolicyRef policy();

    /** @return the identity of this event among all SLA events: case, milestone, cycle and kind */
    default String key() {
        return caseId() + "|" + milestone() + "|" + cycle() + "|" + getClass().getSimpleName();
    }
}
