package org.crmkit.jdbc;

import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.contract.InteractionLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The InteractionLog contract on an H2 in-memory database. */
class H2InteractionLogTest extends InteractionLogContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected InteractionLog newInteractionLog() {
        return DATABASE.store().interactions();
    }
}
