package org.crmkit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;

/**
 * Gives each test a fresh, migrated {@link JdbcStore}: a private H2 in-memory database, or a
 * schema of its own in an embedded PostgreSQL that all test classes share (starting one takes
 * about two seconds; JUnit stops it after the last test). Register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DatabaseExtension DATABASE = DatabaseExtension.postgres();
 * }</pre>
 */
final class DatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DatabaseExtension.class);

    private final boolean postgres;
    private @Nullable EmbeddedPostgres server;
    private @Nullable JdbcStore store;
    private @Nullable DataSource dataSource;
    private @Nullable String schema;
    private @Nullable String h2Url;
    private final List<String> emptySchemas = new ArrayList<>();

    private DatabaseExtension(boolean postgres) {
        this.postgres = postgres;
    }

    /** @return an extension giving each test a new H2 in-memory database */
    static DatabaseExtension h2() {
        return new DatabaseExtension(false);
    }

    /** @return an extension giving each test a new schema in the PostgreSQL of the test run */
    static DatabaseExtension postgres() {
        return new DatabaseExtension(true);
    }

    /** @return the current test's store */
    JdbcStore store() {
        return Objects.requireNonNull(store, "store: only available during a test");
    }

    /**
     * The current test's store, holding the records given.
     *
     * @return the store
     */
    JdbcStore storeHolding(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions,
            List<SurveyAnswer> surveys) {
        JdbcStore filled = store();
        customers.forEach(filled.customers()::save);
        purchases.forEach(filled.purchases()::record);
        interactions.forEach(filled.interactions()::record);
        surveys.forEach(filled.surveys()::record);
        return filled;
    }

    /**
     * Opens another store on the current test's database, as a second application instance would.
     *
     * @return the store; the caller closes it
     */
    JdbcStore openAgain() {
        return postgres ? JdbcStore.create(postgresDataSource())
                : JdbcStore.h2InMemory(Objects.requireNonNull(h2Url, "h2Url").substring("jdbc:h2:mem:".length()));
    }

    /** @return a data source of the current test's database, H2 or PostgreSQL (bound to the test's schema) */
    DataSource dataSource() {
        if (postgres) {
            return postgresDataSource();
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(Objects.requireNonNull(h2Url, "h2Url: only available during a test"));
        return h2;
    }

    /**
     * A database of its own without any table, for tests that check what a store writes: a new H2
     * in-memory database that lives until the JVM ends, or a new schema that the test's end drops.
     *
     * @return its data source
     * @throws SQLException if the schema cannot be created
     */
    DataSource emptyDatabase() throws SQLException {
        int number = NEXT.incrementAndGet();
        if (postgres) {
            String empty = "empty_" + number;
            execute(server().getPostgresDatabase(), "CREATE SCHEMA " + empty);
            emptySchemas.add(empty);
            return server().getDatabase("postgres", "postgres", Map.of("currentSchema", empty));
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:empty-" + number + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** @return the current test's PostgreSQL data source, bound to its schema */
    DataSource postgresDataSource() {
        return Objects.requireNonNull(dataSource, "dataSource: only available in a PostgreSQL test");
    }

    /** @return a JDBC URL of the current test's PostgreSQL schema, for another process */
    String postgresUrl() {
        return server().getJdbcUrl("postgres", "postgres") + "&currentSchema="
                + Objects.requireNonNull(schema, "schema: only available in a PostgreSQL test");
    }

    /** @return the embedded PostgreSQL of the test run */
    EmbeddedPostgres server() {
        return Objects.requireNonNull(server, "server: only available in a PostgreSQL test class");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (postgres) {
            // The root store closes the server, an AutoCloseable, when the whole run is done.
            server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(EmbeddedPostgres.class,
                    type -> startPostgres(), EmbeddedPostgres.class);
        }
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        int number = NEXT.incrementAndGet();
        if (postgres) {
            schema = "test_" + number;
            execute(server().getPostgresDatabase(), "CREATE SCHEMA " + schema);
            dataSource = server().getDatabase("postgres", "postgres", Map.of("currentSchema", schema));
            store = JdbcStore.create(dataSource);
        } else {
            store = JdbcStore.h2InMemory("test-" + number);
            h2Url = "jdbc:h2:mem:test-" + number;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (store != null) {
            store.close();
            store = null;
            h2Url = null;
        }
        for (String empty : emptySchemas) {
            execute(server().getPostgresDatabase(), "DROP SCHEMA " + empty + " CASCADE");
        }
        emptySchemas.clear();
        if (schema != null) {
            execute(server().getPostgresDatabase(), "DROP SCHEMA " + schema + " CASCADE");
            schema = null;
            dataSource = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server = null;
    }

    /**
     * Runs one statement on the current test's database, behind the store's back.
     *
     * @param sql the statement
     * @throws SQLException on failure
     */
    void execute(String sql) throws SQLException {
        if (postgres) {
            execute(postgresDataSource(), sql);
        } else {
            try (Connection connection = DriverManager.getConnection(Objects.requireNonNull(h2Url, "h2Url"));
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Runs one statement outside any store, e.g. to prepare a schema.
     *
     * @param dataSource where
     * @param sql the statement
     * @throws SQLException on failure
     */
    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
