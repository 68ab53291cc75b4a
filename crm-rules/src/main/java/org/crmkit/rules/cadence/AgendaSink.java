package org.crmkit.rules.cadence;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives an agenda while it is planned, so that a plan of a million customers is written out as
 * it is decided instead of being held in lists. {@link AgendaPlanner} and {@link AgendaService}
 * call it on the planning thread, in this order:
 * <ol>
 *   <li>day by day, from the first day to the last: the account managers assigned that day
 *       ({@link #assigned}), in the order the day's contacts were placed, then the contacts planned
 *       for that day ({@link #planned}), by owner, then customer id, then rule name;</li>
 *   <li>after the last day, the due contacts that could not be placed ({@link #unscheduled}), by
 *       due day, then customer id, then rule name.</li>
 * </ol>
 * Taken together that is the order of {@link Agenda}'s lists: a sink that collects what it
 * receives holds the same agenda as {@link AgendaPlanner#plan(java.time.LocalDate,
 * java.time.LocalDate, java.util.List)} returns. An exception thrown by the sink ends the plan and
 * reaches the caller.
 */
public interface AgendaSink {
    /**
     * A contact placed on the agenda; final when received.
     *
     * @param contact the contact; not null
     */
    void planned(PlannedContact contact);

    /**
     * A due contact that could not be placed, with the reason.
     *
     * @param contact the contact; not null
     */
    void unscheduled(UnscheduledContact contact);

    /**
     * An account manager assigned to a customer who had none, when the first contact with them is
     * placed.
     *
     * @param assignment the assignment; not null
     */
    void assigned(ManagerAssignment assignment);

    /**
     * A sink from one action per kind of result.
     *
     * @param planned receives the planned contacts; not null
     * @param unscheduled receives the contacts that could not be placed; not null
     * @param assigned receives the account managers assigned; not null
     * @return the sink
     */
    static AgendaSink of(Consumer<? super PlannedContact> planned, Consumer<? super UnscheduledContact> unscheduled,
            Consumer<? super ManagerAssignment> assigned) {
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(unscheduled, "unscheduled");
        Objects.requireNonNull(assigned, "assigned");
        return new AgendaSink() {
            @Override
            public void planned(PlannedContact contact) {
                planned.accept(contact);
            }

            @Override
            public void unscheduled(UnscheduledContact contact) {
                unscheduled.accept(contact);
            }

            @Override
            public void assigned(ManagerAssignment assignment) {
                assigned.accept(assignment);
            }
        };
    }
}
