package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly tiering job on an embedded PostgreSQL. */
class NightlyTieringPostgresTest extends AbstractNightlyTieringTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension database() {
        return DATABASE;
    }
}
