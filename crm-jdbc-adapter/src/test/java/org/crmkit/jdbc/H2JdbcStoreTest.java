package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC store's own behaviour on H2. */
class H2JdbcStoreTest extends AbstractJdbcStoreTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }
}
