package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, for the {@link Agenda}-returning methods of small bases. */
final class AgendaCollector implements AgendaSink {
    private final List<PlannedContact> planned = new ArrayList<>();
    private final List<UnscheduledContact> unscheduled = new ArrayList<>();
    private final List<ManagerAssignment> assignments = new ArrayList<>();

    @Override
    public void planned(PlannedContact contact) {
        planned.add(contact);
    }

    @Override
    public void unscheduled(UnscheduledContact contact) {
        unscheduled.add(contact);
    }

    @Override
    public void assigned(ManagerAssignment assignment) {
        assignments.add(assignment);
    }

    /** The sink's order is the agenda's, so the lists need no sorting. */
    Agenda agenda(LocalDate from, LocalDate to) {
        return new Agenda(from, to, planned, unscheduled, assignments);
    }
}
