package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.PersistenceException;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ways to create a {@link JdbcStore}, and what closing one does. */
class JdbcStoreTest {
    private static final Customer ACME = Customer.of(CustomerId.of("c-1"), "ACME", LocalDate.of(2025, 1, 6));

    @ParameterizedTest
    @ValueSource(strings = {"", "a;b", "with space", "../up", "ümlaut", "a;DB_CLOSE_DELAY=-1"})
    void rejectsAnH2NameWithOtherCharacters(String name) {
        assertThatThrownBy(() -> JdbcStore.h2InMemory(name))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("H2 database name must be 1 to 64 letters, digits, '_' or '-', was '" + name + "'");
    }

    @Test
    void rejectsAnH2NameLongerThan64Characters() {
        try (JdbcStore longest = JdbcStore.h2InMemory("n".repeat(64))) {
            assertThat(longest.customers().count()).isZero();
        }
        assertThatThrownBy(() -> JdbcStore.h2InMemory("n".repeat(65)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("H2 database name must be 1 to 64 letters");
    }

    @Test
    void anInMemoryDatabaseIsSharedWhileOpenAndDroppedOnClose() {
        try (JdbcStore first = JdbcStore.h2InMemory("shared-then-dropped")) {
            first.customers().save(ACME);
            try (JdbcStore second = JdbcStore.h2InMemory("shared-then-dropped")) {
                assertThat(second.customers().findById(ACME.id())).contains(ACME);
            }
            assertThat(first.customers().count()).isEqualTo(1);
        }

        try (JdbcStore reopened = JdbcStore.h2InMemory("shared-then-dropped")) {
            assertThat(reopened.customers().count()).isZero();
        }
    }

    @Test
    void anH2FileKeepsTheDataAfterClose(@TempDir Path directory) {
        Path file = directory.resolve("nested/crm");
        try (JdbcStore store = JdbcStore.h2File(file)) {
            store.customers().save(ACME);
        }

        assertThat(Files.exists(directory.resolve("nested/crm.mv.db"))).isTrue();
        try (JdbcStore reopened = JdbcStore.h2File(file)) {
            assertThat(reopened.customers().findById(ACME.id())).contains(ACME);
        }
    }

    @Test
    void rejectsAnH2PathWithASemicolon(@TempDir Path directory) {
        Path path = directory.resolve("crm;MODE=MySQL");

        assertThatThrownBy(() -> JdbcStore.h2File(path))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("H2 database path must not contain ';', was '" + path + "'");
    }

    @Test
    void runsOnAnApplicationsH2DataSourceBesideItsTables() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:application;DB_CLOSE_DELAY=-1");
        try {
            DatabaseExtension.execute(dataSource, "CREATE TABLE erp_order (id INTEGER PRIMARY KEY)");

            JdbcStore store = JdbcStore.create(dataSource);
            store.customers().save(ACME);
            store.close();

            // Closing leaves the application's data source and database alone.
            assertThat(JdbcStore.create(dataSource).customers().findById(ACME.id())).contains(ACME);
        } finally {
            DatabaseExtension.execute(dataSource, "SHUTDOWN");
        }
    }

    @Test
    void refusesAnUnsupportedDatabase() {
        DataSource mysql = dataSource(() -> connectionTo("MySQL"));

        assertThatThrownBy(() -> JdbcStore.create(mysql))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unsupported database 'MySQL', crmkit's JDBC store runs on H2 and PostgreSQL");
    }

    @Test
    void reportsADataSourceThatCannotConnect() {
        DataSource unreachable = dataSource(() -> {
            throw new SQLException("Connection refused", "08001");
        });

        assertThatThrownBy(() -> JdbcStore.create(unreachable))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessage("Could not connect to the database (SQL state 08001)")
                .hasCauseInstanceOf(SQLException.class);
    }

    /** Opens a connection for a fake data source. */
    @FunctionalInterface
    private interface Connector {
        Connection connect() throws SQLException;
    }

    private static DataSource dataSource(Connector connector) {
        return (DataSource) Proxy.newProxyInstance(JdbcStoreTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return connector.connect();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Connection connectionTo(String productName) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(JdbcStoreTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return productName;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(JdbcStoreTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getMetaData" -> metaData;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
