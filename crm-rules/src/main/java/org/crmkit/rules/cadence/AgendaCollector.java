package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a plan writes, for the {@link Agenda}-returning methods of small bases. */
final class AgendaCollector {
    private final List<PlannedContact> planned = new ArrayList<>();
    private final List<UnscheduledContact> unscheduled = new ArrayList<>();
    private final List<ManagerAssignment> assignments = new ArrayList<>();

    /** @return the sink that fills the lists */
    AgendaSink sink() {
        return AgendaSink.of(planned::add, unscheduled::add, assignments::add);
    }

    /** The sink's order is the agenda's, so the lists need no sorting. */
    Agenda agenda(LocalDate from, LocalDate to) {
        return new Agenda(from, to, planned, unscheduled, assignments);
    }
}
