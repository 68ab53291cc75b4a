package org.crmkit.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.ConcurrentUpdateException;
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

    /**
     * Appends an assignment that was decided against the customer's current assignment as read
     * before, with optimistic locking: it is recorded, as {@link #record(TierAssignment)} records,
     * only if the current assignment is still the one read (equal in every field, or still none).
     * An assignment another writer stored in the meantime, for the same day or any other, is thus
     * never replaced or built upon unseen: the write is refused, and the caller reads again or
     * reports it.
     *
     * <p>The default implementation reads {@link #current} and then records, which is atomic only
     * where nothing else writes in between; the stores of crmkit (in memory and on JDBC) check and
     * write atomically.
     *
     * @param assignment the assignment; not null
     * @param readCurrent the customer's current assignment when the decision was made, empty if
     *     there was none; not null
     * @throws org.crmkit.core.ConcurrentUpdateException naming the customer and the day, if the
     *     current assignment is no longer the one read, or a later as-of day is stored; nothing is
     *     then recorded
     */
    default void record(TierAssignment assignment, Optional<TierAssignment> readCurrent) {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(readCurrent, "readCurrent");
        Optional<TierAssignment> stored = current(assignment.customerId());
        if (!stored.equals(readCurrent)) {
            throw new ConcurrentUpdateException(changedSinceRead(assignment.customerId(), assignment.asOf(), readCurrent,
                    stored)
                    + "; nothing was recorded");
        }
        record(assignment);
    }

    /**
     * What a write refused because the current assignment changed since it was read says, the same
     * from every store: {@code Tier assignment of customer 'c-1' as of 2026-03-31 was decided against
     * the assignment as of 2025-12-31, but the one as of 2026-03-31 is stored now}, to which the
     * writer adds what it did, e.g. {@code ; nothing was recorded}.
     *
     * @param customerId the customer of the assignment refused; not null
     * @param asOf the day of the assignment refused; not null
     * @param readCurrent the current assignment it was decided against; not null
     * @param stored the current assignment now; not null
     * @return the message
     */
    static String changedSinceRead(CustomerId customerId, LocalDate asOf, Optional<TierAssignment> readCurrent,
            Optional<TierAssignment> stored) {
        String read = readCurrent.map(found -> "the assignment as of " + found.asOf()).orElse("no assignment");
        String now;
        if (stored.isEmpty()) {
            now = "none is stored now";
        } else if (readCurrent.isPresent() && readCurrent.get().asOf().equals(stored.get().asOf())) {
            now = "it was replaced since";
        } else {
            now = "the one as of " + stored.get().asOf() + " is stored now";
        }
        return "Tier assignment of customer '" + customerId + "' as of " + asOf
                + " was decided against " + read + ", but " + now;
    }
}
