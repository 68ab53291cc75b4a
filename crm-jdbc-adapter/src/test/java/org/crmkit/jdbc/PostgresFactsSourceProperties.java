package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.crmkit.core.port.CustomerFactsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link JdbcFactsSourceProperties}' properties on an embedded PostgreSQL, in one pass and in ranges
 * of two customers: one schema for the test, emptied before every try.
 */
class PostgresFactsSourceProperties {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Test
    void sqlFactsEqualTheCalculatorsOnPostgres() {
        JdbcFactsSourceProperties.check(60, emptied(JdbcStore::facts));
    }

    @Test
    void sqlFactsInRangesOfTwoCustomersEqualTheCalculatorsOnPostgres() {
        JdbcFactsSourceProperties.check(60, emptied(store -> store.factsInRangesOf(2)));
    }

    /** The test's schema, emptied before every try. */
    private static JdbcFactsSourceProperties.Stores emptied(Function<JdbcStore, CustomerFactsSource> facts) {
        return new JdbcFactsSourceProperties.Stores() {
            @Override
            public JdbcStore empty() {
                try (Connection connection = DATABASE.postgresDataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM crm_survey_answer");
                    statement.execute("DELETE FROM crm_interaction");
                    statement.execute("DELETE FROM crm_purchase");
                    statement.execute("DELETE FROM crm_customer");
                    statement.execute("DELETE FROM crm_exchange_rate");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not empty the test schema", e);
                }
                return DATABASE.store();
            }

            @Override
            public void release(JdbcStore store) {
                // The extension closes the store after the test.
            }

            @Override
            public CustomerFactsSource facts(JdbcStore store) {
                return facts.apply(store);
            }
        };
    }
}
