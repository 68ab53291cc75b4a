package org.crmkit.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
     * Visits every customer's history as of a day: the assignments with an as-of day on or before
     * it, oldest first, one customer at a time in ascending customer id order; customers without
     * such an assignment are left out. For engines that need every customer's tier on a day (and
     * since when they have held it) in one pass instead of one query per customer.
     * Implementations may stream from storage, so the action must not call back into this port.
     *
     * @param asOf the last as-of day to include; not null
     * @param action called once per customer with an assignment on or before the day, with the
     *     customer's assignments up to it; not null
     */
    void forEachHistory(LocalDate asOf, Consumer<? super List<TierAssignment>> action);

    /**
     * Appends an assignment. One for the as-of day of the current assignment replaces it, so a
     * re-run of the same evaluation is harmless.
     *
     * @param assignment the assignment; not null
     * @throws org.crmkit.core.ConcurrentUpdateException if a later as-of day is already stored
     */
    void record(TierAssignment assignment);
}
