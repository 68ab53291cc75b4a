package org.crmkit.jdbc;

import org.crmkit.core.port.Customers;
import org.crmkit.core.port.contract.CustomersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Customers contract on an H2 in-memory database. */
class H2CustomersTest extends CustomersContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected Customers newCustomers() {
        return DATABASE.store().customers();
    }
}
