package org.crmkit.jdbc;

import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.contract.CaseEventLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CaseEventLog contract on an H2 in-memory database. */
class H2CaseEventLogTest extends CaseEventLogContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected CaseEventLog newCaseEventLog() {
        return DATABASE.store().caseEvents();
    }
}
