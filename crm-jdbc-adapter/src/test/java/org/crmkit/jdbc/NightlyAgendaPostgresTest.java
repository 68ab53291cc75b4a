package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly agenda job on an embedded PostgreSQL. */
class NightlyAgendaPostgresTest extends AbstractNightlyAgendaTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension database() {
        return DATABASE;
    }
}
