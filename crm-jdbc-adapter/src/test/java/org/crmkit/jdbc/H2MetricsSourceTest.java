package org.crmkit.jdbc;

import java.util.List;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.port.CustomerMetricsSource;
import org.crmkit.core.port.contract.CustomerMetricsSourceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CustomerMetricsSource contract, computed in SQL on an H2 in-memory database. */
class H2MetricsSourceTest extends CustomerMetricsSourceContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected CustomerMetricsSource newMetricsSource(List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions) {
        JdbcStore store = DATABASE.store();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        interactions.forEach(store.interactions()::record);
        return store.metrics();
    }
}
