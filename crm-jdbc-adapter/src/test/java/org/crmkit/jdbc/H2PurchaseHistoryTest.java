package org.crmkit.jdbc;

import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.contract.PurchaseHistoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PurchaseHistory contract on an H2 in-memory database. */
class H2PurchaseHistoryTest extends PurchaseHistoryContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected PurchaseHistory newPurchaseHistory() {
        return DATABASE.store().purchases();
    }
}
