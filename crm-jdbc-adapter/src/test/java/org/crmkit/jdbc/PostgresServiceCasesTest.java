package org.crmkit.jdbc;

import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.contract.ServiceCasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ServiceCases contract on an embedded PostgreSQL. */
class PostgresServiceCasesTest extends ServiceCasesContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected ServiceCases newServiceCases() {
        return DATABASE.store().cases();
    }
}
