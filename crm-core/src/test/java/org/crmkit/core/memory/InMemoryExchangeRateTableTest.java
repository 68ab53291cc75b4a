package org.crmkit.core.memory;

import org.crmkit.core.port.ExchangeRateTable;
import org.crmkit.core.port.contract.ExchangeRateTableContract;

class InMemoryExchangeRateTableTest extends ExchangeRateTableContract {
    @Override
    protected ExchangeRateTable newExchangeRateTable() {
        return InMemoryExchangeRateTable.create();
    }
}
