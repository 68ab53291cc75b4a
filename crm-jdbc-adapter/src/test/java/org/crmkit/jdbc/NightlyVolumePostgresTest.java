package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The nightly tiering job over 100,000 customers on the embedded PostgreSQL, loaded with
 * {@code COPY} and not analysed afterwards, as an application's fresh bulk load would be, autovacuum
 * kept off the tables: the job analyses them itself. It runs through a HikariCP pool of five
 * connections, as {@code crm nightly} does, so its {@code COPY} reaches the driver through the pool.
 */
class NightlyVolumePostgresTest extends AbstractNightlyVolumeTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();
    private static final List<String> ANALYSED = List.of("crm_customer", "crm_purchase", "crm_interaction",
            "crm_survey_answer", "crm_tier_assignment", "crm_tier_reason", "crm_tier_head", "crm_outbox");
    private @Nullable HikariDataSource pool;

    @Override
    protected DataSource dataSource() {
        return DATABASE.postgresDataSource();
    }

    @Override
    protected JdbcStore store() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DATABASE.postgresUrl());
        config.setMaximumPoolSize(5);
        pool = new HikariDataSource(config);
        return JdbcStore.create(pool);
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Only the job analyses: autovacuum, which would get round to the tables in a minute or so, is off for them. */
    @Override
    protected void beforeFirstNight() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String table : ANALYSED) {
                statement.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
            }
        }
        assertThat(withStatistics()).isEmpty();
    }

    /**
     * The first night analysed the customers' tables, which had no statistics, and, at its end,
     * those it wrote; with them a chunk's look-up of its customers' heads uses the primary key.
     */
    @Override
    protected void afterFirstNight() throws SQLException {
        // crm_survey_answer is empty: analysed, it has no statistics still.
        assertThat(withStatistics()).containsExactlyInAnyOrder("crm_customer", "crm_purchase", "crm_interaction",
                "crm_tier_assignment", "crm_tier_reason", "crm_tier_head", "crm_outbox");
        // Counted at the end of the run: halfway, the tables held less.
        assertThat(reltuples()).containsEntry("crm_tier_assignment", (long) CUSTOMERS)
                .containsEntry("crm_tier_head", (long) CUSTOMERS);
        String[] ids = new String[1_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Base.id(CUSTOMERS / 2 + i);
        }
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN SELECT customer_id, latest_as_of FROM crm_tier_head WHERE customer_id = ANY(?)")) {
            explain.setArray(1, connection.createArrayOf("varchar", ids));
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.add(lines.getString(1));
                }
            }
        }
        assertThat(String.join("\n", plan)).contains("Index Scan using crm_tier_head_pk on crm_tier_head");
    }

    /** The tables the planner has column statistics of. */
    private List<String> withStatistics() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = current_schema() AND tablename = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("varchar", ANALYSED.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    /** What the planner knows of each table's rows: {@code pg_class.reltuples}, -1 for a table never analysed. */
    private Map<String, Long> reltuples() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = dataSource().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT relname, reltuples FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                        + " AND relname = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("varchar", ANALYSED.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), (long) result.getFloat(2));
                }
            }
        }
        return rows;
    }

    @Override
    protected void load(Base base) throws SQLException {
        copy(dataSource(), base);
    }

    /** COPYs the generated rows into a schema's crm_customer, crm_purchase and crm_interaction, in one transaction. */
    static void copy(DataSource dataSource, Base base) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, "COPY crm_customer (id, name, created_on, preferred_days, do_not_contact, strategic_agreement)"
                    + " FROM STDIN", base.customers(), customer -> Base.id(customer) + "\tCustomer " + customer + "\t"
                    + LocalDate.ofEpochDay(base.createdDay[customer]) + "\t\t\tf\n");
            // Indexes built after the rows, by sorting them, take a fraction of the time of a million insertions.
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE crm_purchase DROP CONSTRAINT crm_purchase_pk");
                statement.execute("DROP INDEX crm_purchase_customer_day");
            }
            copy(copy, "COPY crm_purchase (id, customer_id, order_date, amount, currency) FROM STDIN", base.orders(),
                    order -> Base.orderId(order) + "\t" + Base.id(base.orderCustomer[order]) + "\t"
                            + LocalDate.ofEpochDay(base.orderDay[order]) + "\t" + base.amount(order) + "\tCNY\n");
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE crm_purchase ADD CONSTRAINT crm_purchase_pk PRIMARY KEY (id)");
                statement.execute("CREATE INDEX crm_purchase_customer_day ON crm_purchase (customer_id, order_date)");
            }
            copy(copy, "COPY crm_interaction (id, customer_id, occurred_at, occurred_nanos, occurred_offset_seconds,"
                    + " channel, kind) FROM STDIN", base.customers(), customer -> base.inquiry[customer]
                            ? "i" + customer + "\t" + Base.id(customer) + "\t" + INQUIRY_AT + "\t0\t28800\tphone\tinquiry\n"
                            : "");
            connection.commit();
        }
    }

    private static void copy(CopyManager copy, String sql, int rows, IntFunction<String> row) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        StringBuilder text = new StringBuilder(1 << 17);
        for (int i = 0; i < rows; i++) {
            text.append(row.apply(i));
            if (text.length() > 1 << 16 || i == rows - 1) {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                text.setLength(0);
            }
        }
        in.endCopy();
    }
}
