package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Facts converting through exchange rates on Postgres. */
class PostgresExchangeRatesFactsTest extends AbstractExchangeRatesFactsTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }
}
