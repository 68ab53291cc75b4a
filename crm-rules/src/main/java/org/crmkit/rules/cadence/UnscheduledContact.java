package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Tier;

/**
 * A due contact that could not be placed, with the reason: never dropped silently.
 * Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param tier the customer's tier, if any; not null
 * @param rule the cadence rule; not null
 * @param due the day it was due; not null
 * @param owner who would have carried it out, as far as known; not null
 * @param reason why it could not be placed; not null
 */
public record UnscheduledContact(CustomerId customerId, Optional<Tier> tier, CadenceRule rule, LocalDate due,
        String owner, String reason) {
    /** Checks the invariants. */
    public UnscheduledContact {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
    }
}
