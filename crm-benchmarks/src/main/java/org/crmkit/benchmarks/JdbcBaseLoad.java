package org.crmkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.crmkit.jdbc.JdbcStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@link TierData}'s CSV files into the tables of a {@link JdbcStore} in bulk, straight into
 * the {@code crm_*} columns with SQL, where the store's ports would insert one record per
 * transaction: on PostgreSQL with {@code COPY ... FROM STDIN} through the driver's
 * {@link CopyManager}, on H2 with {@code INSERT INTO ... SELECT ... FROM CSVREAD(...)}. The rows are
 * those the ports would write for the same records (a test reads them back through the ports): the
 * customers without contact preferences ({@code preferred_days} and {@code do_not_contact} empty),
 * purchases without quantity, interactions at their moment with the exact nanoseconds 0 and the UTC
 * offset they were written with. The tables must be empty; a bulk import into the adapter itself is
 * a later step.
 */
public final class JdbcBaseLoad {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcBaseLoad.class);
    /** Characters handed to COPY at a time. */
    private static final int COPY_CHUNK = 1 << 16;

    private JdbcBaseLoad() {
    }

    /**
     * Loads the three files into PostgreSQL with {@code COPY}, in one transaction, and then
     * refreshes the planner's statistics ({@code ANALYZE}).
     *
     * @param connection a connection to the store's schema, which is migrated and empty; not null
     * @param dir the directory of {@code customers.csv}, {@code orders.csv} and {@code interactions.csv}; not null
     * @return the rows loaded per table
     * @throws SQLException if PostgreSQL refuses a row
     * @throws IOException if a file cannot be read
     */
    public static Counts postgres(Connection connection, Path dir) throws SQLException, IOException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(dir, "dir");
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            // customer_id,name,created_on,industry,strategic_agreement plus the two NOT NULL lists, empty.
            long customers = copyLines(copy, "COPY crm_customer (id, name, created_on, industry, strategic_agreement,"
                    + " preferred_days, do_not_contact) FROM STDIN WITH (FORMAT csv)", dir.resolve("customers.csv"),
                    line -> line + ",\"\",\"\"");
            // order_id,customer_id,order_date,amount,currency,category: the columns as they are.
            long purchases;
            try (Reader orders = Files.newBufferedReader(dir.resolve("orders.csv"), StandardCharsets.UTF_8)) {
                purchases = copy.copyIn("COPY crm_purchase (id, customer_id, order_date, amount, currency, category)"
                        + " FROM STDIN WITH (FORMAT csv, HEADER true)", orders, COPY_CHUNK);
            }
            // interaction_id,customer_id,occurred_at,channel,kind with the nanoseconds and the offset.
            long interactions = copyLines(copy, "COPY crm_interaction (id, customer_id, occurred_at, channel, kind,"
                    + " occurred_nanos, occurred_offset_seconds) FROM STDIN WITH (FORMAT csv)",
                    dir.resolve("interactions.csv"), JdbcBaseLoad::interactionRow);
            connection.commit();
            // The planner's statistics, as autovacuum would gather them some time after a load.
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE crm_customer, crm_purchase, crm_interaction");
            }
            connection.commit();
            return new Counts(customers, purchases, interactions);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Loads the three files into H2 with {@code INSERT INTO ... SELECT ... FROM CSVREAD(...)},
     * in one transaction.
     *
     * @param connection a connection to the store's database, which is migrated and empty; not null
     * @param dir the directory of {@code customers.csv}, {@code orders.csv} and {@code interactions.csv}; not null
     * @return the rows loaded per table
     * @throws SQLException if H2 refuses a row or cannot read a file
     */
    public static Counts h2(Connection connection, Path dir) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(dir, "dir");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            long customers = statement.executeUpdate("INSERT INTO crm_customer (id, name, created_on, industry,"
                    + " strategic_agreement, preferred_days, do_not_contact)"
                    + " SELECT customer_id, name, CAST(created_on AS DATE), industry,"
                    + " CAST(strategic_agreement AS BOOLEAN), '', ''"
                    + " FROM CSVREAD(" + file(dir, "customers.csv") + ")");
            long purchases = statement.executeUpdate("INSERT INTO crm_purchase (id, customer_id, order_date, amount,"
                    + " currency, category)"
                    + " SELECT order_id, customer_id, CAST(order_date AS DATE), CAST(amount AS NUMERIC(38, 18)),"
                    + " currency, category FROM CSVREAD(" + file(dir, "orders.csv") + ")");
            // The instant in UTC, as the port binds it; the offset it was written with in seconds.
            long interactions = statement.executeUpdate("INSERT INTO crm_interaction (id, customer_id, occurred_at,"
                    + " occurred_nanos, occurred_offset_seconds, channel, kind)"
                    + " SELECT interaction_id, customer_id, at AT TIME ZONE 'UTC', 0,"
                    + " EXTRACT(TIMEZONE_HOUR FROM at) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM at) * 60, channel, kind"
                    + " FROM (SELECT interaction_id, customer_id, CAST(occurred_at AS TIMESTAMP(6) WITH TIME ZONE) AS at,"
                    + " channel, kind FROM CSVREAD(" + file(dir, "interactions.csv") + ")) i");
            connection.commit();
            return new Counts(customers, purchases, interactions);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The rows loaded into each table. */
    public record Counts(long customers, long purchases, long interactions) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d customers, %,d purchases, %,d interactions", customers, purchases,
                    interactions);
        }
    }

    private static String file(Path dir, String name) {
        String path = dir.resolve(name).toAbsolutePath().toString();
        return "'" + path.replace("'", "''") + "', NULL, 'charset=UTF-8'";
    }

    /** COPYs a file's lines after the header, each rewritten into the COPY's columns. */
    private static long copyLines(CopyManager copy, String sql, Path file, UnaryOperator<String> row)
            throws SQLException, IOException {
        CopyIn in = copy.copyIn(sql);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.readLine();
            StringBuilder chunk = new StringBuilder(COPY_CHUNK + 256);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                chunk.append(row.apply(line)).append('\n');
                if (chunk.length() >= COPY_CHUNK) {
                    write(in, chunk);
                }
            }
            write(in, chunk);
            long rows = in.endCopy();
            LOG.debug("COPY {}: {} rows", file.getFileName(), rows);
            return rows;
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void write(CopyIn in, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** An interactions.csv line (no quoting in TierData's files) with its nanoseconds and offset appended. */
    private static String interactionRow(String line) {
        int from = line.indexOf(',', line.indexOf(',') + 1) + 1;
        int to = line.indexOf(',', from);
        int offset = OffsetDateTime.parse(line.substring(from, to)).getOffset().getTotalSeconds();
        return line + ",0," + offset;
    }
}
