package org.crmkit.rules.cadence;

import java.util.Objects;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.StaffId;

/**
 * An account manager the planner assigned to a customer who had none; reported so the business
 * can record it. Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param manager the assigned manager; not null
 * @param reason why this manager: the lightest load; not null
 */
public record ManagerAssignment(CustomerId customerId, StaffId manager, String reason) {
    /** Checks the invariants. */
    public ManagerAssignment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(reason, "reason");
    }
}
