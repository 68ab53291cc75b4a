package org.crmkit.jdbc;

import org.crmkit.core.port.Receivables;
import org.crmkit.core.port.contract.ReceivablesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Receivables contract on an embedded PostgreSQL. */
class PostgresReceivablesTest extends ReceivablesContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected Receivables newReceivables() {
        return DATABASE.store().receivables();
    }
}
