package org.crmkit.core.memory;

import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.contract.CaseEventLogContract;

class InMemoryCaseEventLogTest extends CaseEventLogContract {
    @Override
    protected CaseEventLog newCaseEventLog() {
        return InMemoryStore.create().caseEvents();
    }
}
