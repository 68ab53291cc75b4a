package org.crmkit.core.memory;

import java.util.List;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.contract.FactsSourceWithoutInteractionsContract;

/** The in-memory facts over record ports without an interaction log: the reference. */
class InMemoryFactsSourceWithoutInteractionsTest extends FactsSourceWithoutInteractionsContract {
    @Override
    protected CustomerFactsSource newFactsSourceWithoutInteractions(List<Customer> customers,
            List<Purchase> purchases, List<SurveyAnswer> surveys) {
        InMemoryStore store = InMemoryStore.create();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        surveys.forEach(store.surveys()::record);
        return InMemoryStore.factsWithoutInteractions(store.customers(), store.purchases(), store.surveys());
    }
}
