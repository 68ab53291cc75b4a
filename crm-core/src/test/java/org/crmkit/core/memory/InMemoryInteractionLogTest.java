package org.crmkit.core.memory;

import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.contract.InteractionLogContract;

class InMemoryInteractionLogTest extends InteractionLogContract {
    @Override
    protected InteractionLog newInteractionLog() {
        return InMemoryStore.create().interactions();
    }
}
