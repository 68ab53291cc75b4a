package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC store's own behaviour on PostgreSQL, and how it shares a schema with an application. */
class PostgresJdbcStoreTest extends AbstractJdbcStoreTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }

    @Test
    void migratesASchemaThatAlreadyHoldsTheApplicationsTables() throws SQLException {
        DatabaseExtension.execute(DATABASE.server().getPostgresDatabase(), "CREATE SCHEMA erp");
        DataSource erp = DATABASE.server().getDatabase("postgres", "postgres", Map.of("currentSchema", "erp"));
        DatabaseExtension.execute(erp, "CREATE TABLE erp_order (id INTEGER PRIMARY KEY)");
        DatabaseExtension.execute(erp, "INSERT INTO erp_order VALUES (7)");
        DatabaseExtension.execute(erp, "CREATE TABLE flyway_schema_history (installed_rank INTEGER)");

        try (JdbcStore store = JdbcStore.create(erp)) {
            store.customers().save(Customer.of(CustomerId.of("c-1"), "ACME", LocalDate.of(2025, 1, 6)));
            assertThat(store.customers().count()).isEqualTo(1);
        } finally {
            try (Connection connection = erp.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM erp_order")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            DatabaseExtension.execute(DATABASE.server().getPostgresDatabase(), "DROP SCHEMA erp CASCADE");
        }
    }
}
