package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AbstractErpWithoutInteractionsFactsSourceTest} on H2. */
class H2ErpWithoutInteractionsFactsSourceTest extends AbstractErpWithoutInteractionsFactsSourceTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }
}
