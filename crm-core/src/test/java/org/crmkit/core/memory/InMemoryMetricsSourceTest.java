package org.crmkit.core.memory;

import java.util.List;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.port.CustomerMetricsSource;
import org.crmkit.core.port.contract.CustomerMetricsSourceContract;

class InMemoryMetricsSourceTest extends CustomerMetricsSourceContract {
    @Override
    protected CustomerMetricsSource newMetricsSource(List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions) {
        InMemoryStore store = InMemoryStore.create();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        interactions.forEach(store.interactions()::record);
        return store.metrics();
    }
}
