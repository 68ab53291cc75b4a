package org.crmkit.core.port;

import java.util.List;
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
     * Appends an event to its case's history.
     *
     * @param event the event; not null
     * @throws org.crmkit.core.InvalidValueException if it happened before the case's last recorded event
     *     (an event at the same moment as the last one is accepted)
     */
    void append(CaseEvent event);
}
