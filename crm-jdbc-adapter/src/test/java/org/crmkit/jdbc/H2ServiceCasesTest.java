package org.crmkit.jdbc;

import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.contract.ServiceCasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ServiceCases contract on an H2 in-memory database. */
class H2ServiceCasesTest extends ServiceCasesContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected ServiceCases newServiceCases() {
        return DATABASE.store().cases();
    }
}
