package org.crmkit.core.memory;

import java.util.List;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.contract.StoredPurchasesFactsSourceContract;

class InMemoryFactsSourceTest extends StoredPurchasesFactsSourceContract {
    @Override
    protected CustomerFactsSource newFactsSource(List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys) {
        InMemoryStore store = InMemoryStore.create();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        interactions.forEach(store.interactions()::record);
        surveys.forEach(store.surveys()::record);
        return store.facts();
    }
}
