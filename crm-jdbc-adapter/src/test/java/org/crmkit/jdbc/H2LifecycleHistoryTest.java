package org.crmkit.jdbc;

import org.crmkit.core.port.LifecycleHistory;
import org.crmkit.core.port.contract.LifecycleHistoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LifecycleHistory contract on an H2 in-memory database. */
class H2LifecycleHistoryTest extends LifecycleHistoryContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected LifecycleHistory newLifecycleHistory() {
        return DATABASE.store().lifecycleHistory();
    }
}
