package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly tiering job on an H2 in-memory database. */
class NightlyTieringH2Test extends AbstractNightlyTieringTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension database() {
        return DATABASE;
    }
}
