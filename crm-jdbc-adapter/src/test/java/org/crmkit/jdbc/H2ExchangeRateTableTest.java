package org.crmkit.jdbc;

import org.crmkit.core.port.ExchangeRateTable;
import org.crmkit.core.port.contract.ExchangeRateTableContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ExchangeRateTable contract on an H2 in-memory database. */
class H2ExchangeRateTableTest extends ExchangeRateTableContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected ExchangeRateTable newExchangeRateTable() {
        return DATABASE.store().exchangeRates();
    }
}
