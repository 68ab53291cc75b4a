package org.crmkit.cli.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.PersistenceException;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.jdbc.mapping.ErpMapping;

/**
 * A database opened for one command: a small HikariCP pool on an H2 or PostgreSQL JDBC URL,
 * closed with the command. Opening it connects once, so that a wrong URL, host or password is
 * reported at once, in one line, with the driver's reason and never the password.
 */
public final class PooledDatabase implements AutoCloseable {
    /**
     * Connections at most: a tiering job holds its lock, the facts stream, the previous assignments'
     * stream and a chunk's transaction at the same time; one more for a look-up between chunks.
     */
    static final int POOL_SIZE = 5;
    private static final long CONNECT_TIMEOUT_MILLIS = 30_000;
    /** A password in the URL would be on the command line, where crm never takes one. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[;?&:]password=");

    private final HikariDataSource pool;

    private PooledDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens a pool and checks that it connects.
     *
     * @param url a JDBC URL of H2 ({@code jdbc:h2:...}) or PostgreSQL ({@code jdbc:postgresql:...}),
     *     without a password; not null
     * @param credentials who connects; not null
     * @return the open database
     * @throws InvalidValueException if the URL is of another database or carries a password
     * @throws PersistenceException if no connection can be made, with the driver's reason
     */
    public static PooledDatabase open(String url, Credentials credentials) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        check(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("crm");
        config.setJdbcUrl(url);
        credentials.user().ifPresent(config::setUsername);
        credentials.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        if (url.startsWith("jdbc:postgresql:")) {
            // Keeps row values out of the driver's messages, as docs/database.md advises.
            config.addDataSourceProperty("logServerErrorDetail", "false");
            // Each JDBC batch as multi-row INSERTs: the first night's writes took 0.59 to 0.77 times as
            // long at a million customers (docs/benchmarks.md).
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        try {
            return new PooledDatabase(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw new PersistenceException("Could not connect to the database: " + reason(e), e);
        }
    }

    /**
     * A store on this database, migrating crmkit's tables once the mapping fits it.
     *
     * @param mapping where the customers, orders and interactions are read; not null
     * @return the store
     * @throws org.crmkit.jdbc.mapping.MappingException naming every problem of the mapping on this database
     * @throws PersistenceException if the database fails or cannot be migrated
     */
    public JdbcStore store(ErpMapping mapping) {
        return JdbcStore.create(pool, mapping);
    }

    /** Closes every connection of the pool. */
    @Override
    public void close() {
        pool.close();
    }

    private static void check(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            throw new InvalidValueException("--jdbc-url must be an H2 (jdbc:h2:...) or PostgreSQL"
                    + " (jdbc:postgresql://...) URL, was '" + (url.length() > 20 ? url.substring(0, 20) + "..." : url)
                    + "'");
        }
        if (PASSWORD_IN_URL.matcher(url).find()) {
            throw new InvalidValueException("--jdbc-url must not carry a password: give it in the environment variable "
                    + Credentials.PASSWORD + " or in a --password-file");
        }
    }

    /** The driver's message and SQL state: why the first connection failed. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException sql) {
            return sql.getMessage() + (sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")");
        }
        return String.valueOf(cause.getMessage());
    }
}
