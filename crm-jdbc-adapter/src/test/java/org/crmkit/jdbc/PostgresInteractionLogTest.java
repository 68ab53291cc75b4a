package org.crmkit.jdbc;

import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.contract.InteractionLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The InteractionLog contract on an embedded PostgreSQL. */
class PostgresInteractionLogTest extends InteractionLogContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected InteractionLog newInteractionLog() {
        return DATABASE.store().interactions();
    }
}
