package org.crmkit.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Range boundaries of the facts source on an embedded PostgreSQL, whose id columns here sort by a
 * locale (ICU's root collation: "a" before "B"), as a database created with one would: the ranges
 * must still compare ids by code point, as the merge does.
 */
class PostgresFactsSourceRangesTest extends AbstractFactsSourceRangesTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }

    @Override
    void prepare() throws SQLException {
        DATABASE.execute("ALTER TABLE crm_customer ALTER COLUMN id TYPE VARCHAR(128) COLLATE \"und-x-icu\"");
        for (String table : List.of("crm_purchase", "crm_interaction", "crm_survey_answer")) {
            DATABASE.execute("ALTER TABLE " + table
                    + " ALTER COLUMN customer_id TYPE VARCHAR(128) COLLATE \"und-x-icu\"");
        }
    }
}
