package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly SLA job on an H2 in-memory database. */
class NightlySlaH2Test extends AbstractNightlySlaTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension database() {
        return DATABASE;
    }
}
