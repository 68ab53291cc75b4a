package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Facts converting through exchange rates on H2. */
class H2ExchangeRatesFactsTest extends AbstractExchangeRatesFactsTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }
}
