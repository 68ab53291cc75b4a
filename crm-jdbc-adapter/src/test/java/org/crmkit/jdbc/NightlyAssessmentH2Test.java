package org.crmkit.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly assessment job on an H2 in-memory database. */
class NightlyAssessmentH2Test extends AbstractNightlyAssessmentTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension database() {
        return DATABASE;
    }
}
