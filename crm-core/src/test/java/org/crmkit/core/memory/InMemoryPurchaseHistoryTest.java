package org.crmkit.core.memory;

import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.contract.PurchaseHistoryContract;

class InMemoryPurchaseHistoryTest extends PurchaseHistoryContract {
    @Override
    protected PurchaseHistory newPurchaseHistory() {
        return InMemoryStore.create().purchases();
    }
}
