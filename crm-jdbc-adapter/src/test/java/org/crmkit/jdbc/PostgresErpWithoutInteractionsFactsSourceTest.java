package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AbstractErpWithoutInteractionsFactsSourceTest} on an embedded PostgreSQL. */
class PostgresErpWithoutInteractionsFactsSourceTest extends AbstractErpWithoutInteractionsFactsSourceTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }
}
