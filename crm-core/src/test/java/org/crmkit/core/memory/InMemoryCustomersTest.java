package org.crmkit.core.memory;

import org.crmkit.core.port.Customers;
import org.crmkit.core.port.contract.CustomersContract;

class InMemoryCustomersTest extends CustomersContract {
    @Override
    protected Customers newCustomers() {
        return InMemoryStore.create().customers();
    }
}
