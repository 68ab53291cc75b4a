package org.crmkit.jdbc;

import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.contract.PurchaseHistoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PurchaseHistory contract on an embedded PostgreSQL. */
class PostgresPurchaseHistoryTest extends PurchaseHistoryContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected PurchaseHistory newPurchaseHistory() {
        return DATABASE.store().purchases();
    }
}
