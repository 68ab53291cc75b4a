package org.crmkit.core.memory;

import org.crmkit.core.port.Receivables;
import org.crmkit.core.port.contract.ReceivablesContract;

class InMemoryReceivablesTest extends ReceivablesContract {
    @Override
    protected Receivables newReceivables() {
        return InMemoryStore.create().receivables();
    }
}
