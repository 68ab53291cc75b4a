package org.crmkit.jdbc;

import org.crmkit.core.port.OrderLines;
import org.crmkit.core.port.contract.OrderLinesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OrderLines contract on an H2 in-memory database. */
class H2OrderLinesTest extends OrderLinesContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected OrderLines newOrderLines() {
        return DATABASE.store().orderLines();
    }
}
