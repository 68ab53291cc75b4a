package org.crmkit.jdbc;

import org.crmkit.core.port.Receivables;
import org.crmkit.core.port.contract.ReceivablesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Receivables contract on an H2 in-memory database. */
class H2ReceivablesTest extends ReceivablesContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected Receivables newReceivables() {
        return DATABASE.store().receivables();
    }
}
