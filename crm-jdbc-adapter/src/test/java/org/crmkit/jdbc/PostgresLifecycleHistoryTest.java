package org.crmkit.jdbc;

import org.crmkit.core.port.LifecycleHistory;
import org.crmkit.core.port.contract.LifecycleHistoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LifecycleHistory contract on an embedded PostgreSQL. */
class PostgresLifecycleHistoryTest extends LifecycleHistoryContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected LifecycleHistory newLifecycleHistory() {
        return DATABASE.store().lifecycleHistory();
    }
}
