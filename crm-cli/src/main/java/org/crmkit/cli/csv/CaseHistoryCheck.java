package org.crmkit.cli.csv;

import java.util.List;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.rules.sla.CaseHistoryException;

/**
 * Checks that a case's events make a possible history (in order, resumed only after a pause, and
 * so on); the SLA engine knows the rules, so the command that reads cases supplies it.
 */
@FunctionalInterface
public interface CaseHistoryCheck {
    /**
     * Checks one case.
     *
     * @param serviceCase the case; not null
     * @param events its events, in file order; not null
     * @throws CaseHistoryException naming the offending event by its 1-based position in {@code events}
     */
    void check(ServiceCase serviceCase, List<CaseEvent> events);
}
