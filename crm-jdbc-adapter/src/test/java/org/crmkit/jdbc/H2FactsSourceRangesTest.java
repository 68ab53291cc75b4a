package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Range boundaries of the facts source on an H2 in-memory database. */
class H2FactsSourceRangesTest extends AbstractFactsSourceRangesTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }
}
