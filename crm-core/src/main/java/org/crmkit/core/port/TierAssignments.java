package org.crmkit.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TierAssignment;

/**
 * The history of tier assignments per customer, one entry per evaluated as-of day.
 */
public interface TierAssignments {
    /**
     * The latest assignment.
     *
     * @param customerId the customer; not null
     * @return the assignment with the latest as-of day, or empty if never evaluated
     */
    Optional<TierAssignment> current(CustomerId customerId);

    /**
     * The latest assignment strictly before a day: what an evaluation for that day builds on.
     *
     * @param customerId the customer; not null
     * @param asOf the day; not null
     * @return the assignment, or empty if none is older
     */
    Optional<TierAssignment> latestBefore(CustomerId customerId, LocalDate asOf);

    /**
     * All assignments of a customer.
     *
     * @param customerId the customer; not null
     * @return the assignments, oldest as-of day first; empty if never evaluated
     */
    List<TierAssignment> history(CustomerId customerId);

    /**
     * Appends an assignment. One for the as-of day of the current assignment replaces it, so a
     * re-run of the same evaluation is harmless.
     *
     * @param assignment the assignment; not null
     * @throws org.crmkit.core.ConcurrentUpdateException if a later as-of day is already stored
     */
    void record(TierAssignment assignment);
}
