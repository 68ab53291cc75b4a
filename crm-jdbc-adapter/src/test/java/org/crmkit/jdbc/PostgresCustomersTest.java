package org.crmkit.jdbc;

import org.crmkit.core.port.Customers;
import org.crmkit.core.port.contract.CustomersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Customers contract on an embedded PostgreSQL. */
class PostgresCustomersTest extends CustomersContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected Customers newCustomers() {
        return DATABASE.store().customers();
    }
}
