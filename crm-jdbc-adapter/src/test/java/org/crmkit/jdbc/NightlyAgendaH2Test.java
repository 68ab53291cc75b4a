package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly agenda job on an H2 in-memory database. */
class NightlyAgendaH2Test extends AbstractNightlyAgendaTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension database() {
        return DATABASE;
    }
}
