package org.crmkit.core.port;

import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseId;

/** What happened to service cases, in the order it happened. */
public interface CaseEventLog {
    /**
     * A case's events.
     *
     * @param caseId the case; not null
     * @return the events in the order they were appended, which is the order they happened; empty if none
     */
    List<CaseEvent> findByCase(CaseId caseId);

    /**
     * Visits the events of every case, case by case in ascending case id order, each case's in
     * the order they were appended, as {@link #findByCase} lists them: for engines that read the
     * state of every case in one pass instead of one query per case. Implementations may stream
     * from storage, so the action must not call back into this port.
     *
     * @param action called once per event; not null
     */
    void forEach(Consumer<? super CaseEvent> action);

    /**
     * Appends an event to its case's history.
     *
     * @param event the event; not null
     * @throws org.crmkit.core.InvalidValueException if it happened before the case's last recorded event
     *     (an event at the same moment as the last one is accepted)
     */
    void append(CaseEvent event);
}
