package org.crmkit.core.memory;

import org.crmkit.core.port.OrderLines;
import org.crmkit.core.port.contract.OrderLinesContract;

class InMemoryOrderLinesTest extends OrderLinesContract {
    @Override
    protected OrderLines newOrderLines() {
        return InMemoryStore.create().orderLines();
    }
}
