package org.crmkit.jdbc;

import java.util.List;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.contract.StoredPurchasesFactsSourceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CustomerFactsSource contract, computed in SQL on an H2 in-memory database in ranges of three customers, so
 * that range boundaries fall between the contract's customers.
 */
class H2FactsSourceInRangesTest extends StoredPurchasesFactsSourceContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected CustomerFactsSource newFactsSource(List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys) {
        return DATABASE.storeHolding(customers, purchases, interactions, surveys).factsInRangesOf(3);
    }
}
