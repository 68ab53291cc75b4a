package org.crmkit.core.port;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.CustomerId;

/**
 * The lifecycle transitions of each customer: one entry per change of stage, so a customer's
 * current stage is the latest entry's.
 */
public interface LifecycleHistory {
    /**
     * The latest transition.
     *
     * @param customerId the customer; not null
     * @return the transition with the latest as-of day, or empty if the customer was never evaluated
     */
    Optional<LifecycleStageChanged> current(CustomerId customerId);

    /**
     * All transitions of a customer.
     *
     * @param customerId the customer; not null
     * @return the transitions, oldest as-of day first; empty if never evaluated
     */
    List<LifecycleStageChanged> history(CustomerId customerId);

    /**
     * Appends a transition. One for the as-of day of the latest transition replaces it, so a
     * re-run of an evaluation after corrected data is harmless.
     *
     * @param transition the transition; not null
     * @throws org.crmkit.core.ConcurrentUpdateException if a later as-of day is already stored
     */
    void record(LifecycleStageChanged transition);
}
