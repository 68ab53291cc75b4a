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
 * The CustomerFactsSource contract, computed in SQL on an embedded PostgreSQL over an existing ERP's tables read
 * through a mapping (ErpSchema): other names, a view, a status filter, zone-less timestamps.
 */
class PostgresErpFactsSourceTest extends StoredPurchasesFactsSourceContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected CustomerFactsSource newFactsSource(List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys) {
        return ErpSchema.storeHolding(DATABASE, customers, purchases, interactions, surveys).facts();
    }
}
