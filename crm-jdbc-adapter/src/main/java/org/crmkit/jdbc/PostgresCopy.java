package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code COPY ... FROM STDIN} through the PostgreSQL driver's copy API, the only class of the adapter
 * that knows a driver. The driver is an optional dependency: without it, or where this module cannot
 * read it, {@link #available} is false and the callers write with JDBC batches instead.
 */
final class PostgresCopy {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresCopy.class);
    private static final String DRIVER_CONNECTION = "org.postgresql.PGConnection";
    /** Whether pgjdbc's classes are there and this module can use them; decided once. */
    private static final boolean DRIVER = driverPresent();

    private PostgresCopy() {
    }

    private static boolean driverPresent() {
        try {
            Class<?> type = Class.forName(DRIVER_CONNECTION, false, PostgresCopy.class.getClassLoader());
            // On a module path the driver must be resolved for this module to read it (requires static).
            boolean readable = PostgresCopy.class.getModule().canRead(type.getModule());
            if (!readable) {
                LOG.debug("The PostgreSQL driver is not readable from {}: writing with JDBC batches",
                        PostgresCopy.class.getModule());
            }
            return readable;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("The PostgreSQL driver's copy API is not on the path: writing with JDBC batches");
            return false;
        }
    }

    /**
     * Whether COPY can be used on a connection: the driver's copy API is there and the connection,
     * or the connection a pool wraps, is the driver's.
     *
     * @param connection a PostgreSQL connection, perhaps a pool's wrapper
     * @return true when {@link #copyIn} works on it
     * @throws SQLException on a database failure
     */
    static boolean available(Connection connection) throws SQLException {
        return DRIVER && connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Runs a {@code COPY ... FROM STDIN} of rows in the connection's transaction.
     *
     * @param connection a connection for which {@link #available} is true
     * @param sql the COPY statement, text format
     * @param rows the rows
     * @return the number of rows the server copied
     * @throws SQLException on a database failure, e.g. a unique-key violation (SQL state 23505)
     */
    static long copyIn(Connection connection, String sql, CopyText rows) throws SQLException {
        if (rows.rows() == 0) {
            return 0;
        }
        byte[] bytes = rows.bytes();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            return copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancelFailure) {
                    e.addSuppressed(cancelFailure);
                }
            }
            throw e;
        }
    }
}
