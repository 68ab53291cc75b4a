package org.crmkit.core.memory;

import org.crmkit.core.port.LifecycleHistory;
import org.crmkit.core.port.contract.LifecycleHistoryContract;

class InMemoryLifecycleHistoryTest extends LifecycleHistoryContract {
    @Override
    protected LifecycleHistory newLifecycleHistory() {
        return InMemoryStore.create().lifecycleHistory();
    }
}
