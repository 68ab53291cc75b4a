package org.crmkit.jdbc;

import org.crmkit.core.port.OrderLines;
import org.crmkit.core.port.contract.OrderLinesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OrderLines contract on an embedded PostgreSQL. */
class PostgresOrderLinesTest extends OrderLinesContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected OrderLines newOrderLines() {
        return DATABASE.store().orderLines();
    }
}
