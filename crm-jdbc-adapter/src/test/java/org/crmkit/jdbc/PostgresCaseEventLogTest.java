package org.crmkit.jdbc;

import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.contract.CaseEventLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CaseEventLog contract on an embedded PostgreSQL. */
class PostgresCaseEventLogTest extends CaseEventLogContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected CaseEventLog newCaseEventLog() {
        return DATABASE.store().caseEvents();
    }
}
