package org.crmkit.cli.csv;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;

/**
 * Maps the rows of {@code complaint_events.csv} to {@link CaseEvent}s, kept per case in file
 * order with the line each came from, so that a problem found later in a case's history can be
 * reported at its line.
 */
final class CaseEventRows {
    static final String CASE_ID = "complaint_id";
    static final String DETAIL = "detail";
    static final List<String> REQUIRED = List.of(CASE_ID, "occurred_at", "event");
    static final List<String> OPTIONAL = List.of(DETAIL);

    private final CaseRows cases;
    private final String casesFile;
    private final boolean casesTrusted;
    private final Map<CaseId, List<ImportedCases.LocatedEvent>> events = new LinkedHashMap<>();
    private final Set<CaseId> incomplete = new HashSet<>();
    private boolean everyRowAttributed = true;

    /**
     * @param cases tells whether an event's case exists
     * @param casesFile the cases file's name, for messages
     * @param casesTrusted whether that file was read completely; when not, unknown cases are not reported
     */
    CaseEventRows(CaseRows cases, String casesFile, boolean casesTrusted) {
        this.cases = cases;
        this.casesFile = casesFile;
        this.casesTrusted = casesTrusted;
    }

    /** Reads every row of the table, reporting bad values. */
    void read(CsvTable table, Problems problems) {
        everyRowAttributed &= table.complete();
        for (CsvRow row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            Optional<CaseId> caseId = cells.required(CASE_ID, CaseId::of);
            if (caseId.isPresent() && casesTrusted && !cases.known(caseId.get())) {
                cells.problem(CASE_ID, "unknown complaint '" + caseId.get() + "', not in " + casesFile);
            }
            Optional<OffsetDateTime> occurredAt = cells.required("occurred_at", Values::timestamp);
            Optional<CaseEventType> type = cells.required("event", CaseEventType::parse);
            Optional<String> detail = cells.optionalText(DETAIL);
            if (cells.ok()) {
                try {
                    CaseEvent event = new CaseEvent(caseId.orElseThrow(), occurredAt.orElseThrow(), type.orElseThrow(),
                            detail);
                    events.computeIfAbsent(event.caseId(), id -> new ArrayList<>())
                            .add(new ImportedCases.LocatedEvent(event, row.line()));
                    continue;
                } catch (InvalidValueException e) {
                    // Only the detail is left to check: a priority change needs a valid new priority.
                    cells.problem(DETAIL, e.getMessage());
                }
            }
            caseId.ifPresentOrElse(incomplete::add, () -> everyRowAttributed = false);
        }
    }

    /** @return the events of each case, in file order */
    Map<CaseId, List<ImportedCases.LocatedEvent>> events() {
        return events;
    }

    /**
     * Tells whether every event of a case was read, so that its history can be checked as a
     * whole: with a row missing, "resumed without a pause" may only mean the pause's row was bad.
     */
    boolean complete(CaseId id) {
        return everyRowAttributed && !incomplete.contains(id);
    }
}
