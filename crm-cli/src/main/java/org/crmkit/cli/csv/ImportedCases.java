package org.crmkit.cli.csv;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.rules.io.InputProblem;

/**
 * Service cases and their events read from {@code complaints.csv} and
 * {@code complaint_events.csv}, completely validated (each case's events make a possible history),
 * with the customers' data when customer files were given. Immutable and thread-safe.
 *
 * @param cases the cases, in ascending id order; not null
 * @param events each case's events in file order, with their lines; cases without events are missing; not null
 * @param eventsFile the events file's name as the user gave it; not null
 * @param customerData customers, orders and interactions, if their files were given; not null
 */
public record ImportedCases(List<ServiceCase> cases, Map<CaseId, List<LocatedEvent>> events, String eventsFile,
        Optional<ImportedData> customerData) {

    /** Copies and sorts. */
    public ImportedCases {
        cases = Objects.requireNonNull(cases, "cases").stream().sorted(Comparator.comparing(ServiceCase::id)).toList();
        Map<CaseId, List<LocatedEvent>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(events, "events").forEach((id, list) -> copy.put(id, List.copyOf(list)));
        events = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(eventsFile, "eventsFile");
        Objects.requireNonNull(customerData, "customerData");
    }

    /**
     * An event with the line of the events file it was read from. Immutable and thread-safe.
     *
     * @param event the event; not null
     * @param line the 1-based line where its record starts
     */
    public record LocatedEvent(CaseEvent event, int line) {
        /** Checks the invariants. */
        public LocatedEvent {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A case's events.
     *
     * @param id the case; not null
     * @return its events in the order they happened (the file's order); empty if none
     */
    public List<CaseEvent> eventsOf(CaseId id) {
        return events.getOrDefault(Objects.requireNonNull(id, "id"), List.of()).stream()
                .map(LocatedEvent::event).toList();
    }

    /**
     * The input problem of an impossible history, at the line of the offending event.
     *
     * @param id the case; not null
     * @param eventNumber the 1-based position of the event among the case's events
     * @param problem what is wrong; not null
     * @return the problem, e.g. {@code complaint_events.csv:7: complaint 'k-1': resumed at ... without a pause to end}
     */
    InputProblem historyProblem(CaseId id, int eventNumber, String problem) {
        List<LocatedEvent> located = events.getOrDefault(Objects.requireNonNull(id, "id"), List.of());
        String message = "complaint '" + id + "': " + Objects.requireNonNull(problem, "problem");
        if (eventNumber < 1 || eventNumber > located.size()) {
            // Not an event of this file: the history as a whole is wrong.
            return InputProblem.inFile(eventsFile, message);
        }
        return InputProblem.atLine(eventsFile, located.get(eventNumber - 1).line(), message);
    }
}
