package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The lock that keeps a second job off a database while one runs, held on a connection of its own
 * for the whole run, so that it ends with the session also when the process dies.
 *
 * <p>On PostgreSQL a session-level advisory lock, keyed by the schema and the job's name (two stores
 * in two schemas of one database do not exclude each other); on H2, which has no advisory locks, the
 * job's row of {@code crm_job_lock}, selected {@code FOR UPDATE NOWAIT} in a transaction left open.
 */
final class JobLock implements AutoCloseable {
    /** H2's error code for a row lock it cannot take in time. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final String ADVISORY_KEY = "hashtext(current_schema() || '.crmkit.job.' || ?)";

    private final Connection connection;
    private final Dialect dialect;
    private final String job;

    private JobLock(Connection connection, Dialect dialect, String job) {
        this.connection = connection;
        this.dialect = dialect;
        this.job = job;
    }

    /**
     * Takes the job's lock if it is free.
     *
     * @param connection a connection of its own, closed with the lock (or at once if the lock is taken)
     * @param dialect the database's dialect
     * @param job the job's name, a row of {@code crm_job_lock}
     * @return the lock, or empty if another session holds it
     * @throws SQLException on a database failure
     */
    static Optional<JobLock> tryAcquire(Connection connection, Dialect dialect, String job) throws SQLException {
        Objects.requireNonNull(job, "job");
        boolean acquired = false;
        try {
            acquired = dialect == Dialect.POSTGRESQL ? advisory(connection, job) : rowLock(connection, job);
            return acquired ? Optional.of(new JobLock(connection, dialect, job)) : Optional.empty();
        } finally {
            if (!acquired) {
                connection.close();
            }
        }
    }

    private static boolean advisory(Connection connection, String job) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(" + ADVISORY_KEY + ")")) {
            statement.setString(1, job);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static boolean rowLock(Connection connection, String job) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT job FROM crm_job_lock WHERE job = ? FOR UPDATE NOWAIT")) {
            statement.setString(1, job);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("The lock row of job '" + job + "' is missing from crm_job_lock");
                }
                return true;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_LOCK_TIMEOUT) {
                // A pool may have closed the connection already: HikariCP evicts one on any timeout.
                if (!connection.isClosed()) {
                    connection.rollback();
                }
                return false;
            }
            throw e;
        }
    }

    /**
     * Releases the lock and closes its connection. A connection that is closed already, its session
     * ended by the server or the network, took the lock with it: there is nothing left to release.
     *
     * @throws org.crmkit.core.PersistenceException if the database fails
     */
    @Override
    public void close() {
        try (connection) {
            if (connection.isClosed()) {
                return;
            }
            if (dialect == Dialect.POSTGRESQL) {
                // A pooled connection outlives this close: unlock explicitly.
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")")) {
                    statement.setString(1, job);
                    statement.executeQuery().close();
                }
            } else {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Database.failure("Could not release the lock of job '" + job + "'", e);
        }
    }
}
