package org.crmkit.jdbc;

import org.crmkit.core.port.ExchangeRateTable;
import org.crmkit.core.port.contract.ExchangeRateTableContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ExchangeRateTable contract on an embedded PostgreSQL. */
class PostgresExchangeRateTableTest extends ExchangeRateTableContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected ExchangeRateTable newExchangeRateTable() {
        return DATABASE.store().exchangeRates();
    }
}
