package org.crmkit.rules.sla;

import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseId;

/**
 * A case's events do not make a possible history: out of order, before the case was opened,
 * resumed without a pause, and so on. Names the case and the event by its 1-based position in
 * the case's list, so that importers can point at the line it came from.
 */
public class CaseHistoryException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    private final CaseId caseId;
    private final int eventNumber;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param caseId the case; not null
     * @param eventNumber the 1-based position of the offending event in the case's events
     * @param problem what is wrong, quoting the event; not null
     */
    public CaseHistoryException(CaseId caseId, int eventNumber, String problem) {
        super("Case '" + caseId + "', event " + eventNumber + ": " + problem);
        this.caseId = caseId;
        this.eventNumber = eventNumber;
        this.problem = problem;
    }

    /** @return the case */
    public CaseId caseId() {
        return caseId;
    }

    /** @return the 1-based position of the offending event among the case's events */
    public int eventNumber() {
        return eventNumber;
    }

    /** @return the problem without the case and event prefix */
    public String problem() {
        return problem;
    }
}
