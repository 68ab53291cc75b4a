package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crmkit.core.PersistenceException;

/**
 * Runs units of work in transactions and turns every {@link SQLException} into a
 * {@link PersistenceException} that names the operation (never personal data).
 */
final class Database {
    /** SQL state of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Rows fetched at a time when streaming, so that PostgreSQL uses a cursor. */
    private static final int FETCH_SIZE = 500;

    /** Opens a connection; the caller closes it. */
    @FunctionalInterface
    interface ConnectionSource {
        /**
         * Opens a connection.
         *
         * @return a new or pooled connection
         * @throws SQLException if none can be had
         */
        Connection open() throws SQLException;
    }

    /**
     * Work done on one connection inside one transaction.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection, in a transaction; not to be closed
         * @return the result
         * @throws SQLException on a database failure
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Maps the current row of a result set.
     *
     * @param <T> the mapped type
     */
    @FunctionalInterface
    interface RowMapper<T> {
        /**
         * Maps the current row.
         *
         * @param row the result set, positioned on a row
         * @return the value
         * @throws SQLException on a database failure
         */
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Binds a value to the markers of a statement.
     *
     * @param <T> the value's type
     */
    @FunctionalInterface
    interface Binder<T> {
        /**
         * Binds the value.
         *
         * @param statement the prepared statement
         * @param value the value
         * @throws SQLException on a database failure
         */
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    private final ConnectionSource connections;
    private final Dialect dialect;

    Database(ConnectionSource connections, Dialect dialect) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * A connection outside any unit of work, for what must span several: a job's lock.
     *
     * @return the connection; the caller closes it
     * @throws SQLException if none can be had
     */
    Connection open() throws SQLException {
        return connections.open();
    }

    /**
     * Runs work in a transaction: commits if it returns, rolls back if it throws. A unique-key
     * violation means that a concurrent writer inserted the same key first; the work is then run
     * once more, and sees that writer's row.
     *
     * @param operation what is done, for the exception message, e.g. {@code "record purchase 'o-1'"}
     * @param work the work
     * @param <T> the result
     * @return the work's result
     * @throws PersistenceException if the database fails
     */
    <T> T transaction(String operation, Work<T> work) {
        try {
            try {
                return runOnce(work);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return runOnce(work);
            }
        } catch (SQLException e) {
            throw failure("Could not " + operation, e);
        }
    }

    /**
     * Wraps a database failure. The message says what was being done and the SQL state; the
     * driver's own message, which may quote row values, stays in the cause.
     *
     * @param what what was being done, naming ids only, e.g. {@code "Could not save customer 'c-1'"}
     * @param cause the failure
     * @return the exception to throw
     */
    static PersistenceException failure(String what, SQLException cause) {
        String state = cause.getSQLState();
        return new PersistenceException(state == null ? what : what + " (SQL state " + state + ")", cause);
    }

    private <T> T runOnce(Work<T> work) throws SQLException {
        try (Connection connection = connections.open()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (Throwable e) {
                try {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException cleanupFailure) {
                    e.addSuppressed(cleanupFailure);
                }
                throw e;
            }
            // Pooled connections go back as they came.
            connection.setAutoCommit(autoCommit);
            return result;
        }
    }

    /**
     * Prepares a statement and binds its parameters in order.
     *
     * @param connection the connection
     * @param sql the SQL with {@code ?} markers
     * @param parameters one non-null value per marker
     * @return the statement; the caller closes it
     * @throws SQLException on a database failure
     */
    static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Runs a query and maps every row.
     *
     * @param connection the connection
     * @param sql the query
     * @param mapper maps one row
     * @param parameters one non-null value per marker
     * @param <T> the mapped type
     * @return the rows, in the query's order
     * @throws SQLException on a database failure
     */
    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, List.of(parameters));
                ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(mapper.map(rows));
            }
            return List.copyOf(found);
        }
    }

    /**
     * Runs a query that finds at most one row.
     *
     * @param connection the connection
     * @param sql the query
     * @param mapper maps the row
     * @param parameters one non-null value per marker
     * @param <T> the mapped type
     * @return the row, or empty
     * @throws SQLException on a database failure
     */
    static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, List.of(parameters));
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    /**
     * Runs an INSERT, UPDATE or DELETE.
     *
     * @param connection the connection
     * @param sql the statement
     * @param parameters one non-null value per marker
     * @return the number of rows changed
     * @throws SQLException on a database failure
     */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, List.of(parameters))) {
            return statement.executeUpdate();
        }
    }

    /**
     * Inserts a fact that is recorded once under its key: recording the same fact again is
     * harmless, another one under the same key is refused. Two first records of a key race for
     * the unique key; the loser fails with a unique-key violation, which {@link #transaction}
     * answers by running the work again, when it finds the winner's row as {@code stored}.
     *
     * @param connection the connection, in a transaction
     * @param stored the fact already stored under the key, read in the same transaction
     * @param fact the fact to record
     * @param insert the INSERT statement
     * @param binder binds the fact to the INSERT
     * @param conflict makes the exception for another fact under the key
     * @param <T> the fact's type
     * @return whether the fact was inserted, false if it was stored already
     * @throws SQLException on a database failure
     */
    static <T> boolean insertOnce(Connection connection, Optional<T> stored, T fact, String insert,
            Binder<? super T> binder, Supplier<? extends RuntimeException> conflict) throws SQLException {
        if (stored.isPresent()) {
            if (!stored.get().equals(fact)) {
                throw conflict.get();
            }
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            binder.bind(statement, fact);
            statement.executeUpdate();
        }
        return true;
    }

    /**
     * Prepares a query for streaming many rows: PostgreSQL then fetches them in batches.
     *
     * @param connection the connection, in a transaction
     * @param sql the query
     * @param parameters one non-null value per marker
     * @return the statement; the caller closes it
     * @throws SQLException on a database failure
     */
    static PreparedStatement streaming(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = prepare(connection, sql, parameters);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    /**
     * Streams the rows of a query to an action, in a transaction of their own: the visits of
     * whole tables, whose rows are never held together.
     *
     * @param operation what is done, for the exception message, e.g. {@code "visit the customers"}
     * @param sql the query
     * @param parameters one non-null value per marker
     * @param mapper maps each row
     * @param action receives each mapped row, in the query's order
     * @param <T> the mapped type
     * @throws PersistenceException if the database fails
     */
    <T> void forEach(String operation, String sql, List<?> parameters, RowMapper<T> mapper,
            Consumer<? super T> action) {
        transaction(operation, connection -> {
            try (PreparedStatement statement = streaming(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(mapper.map(rows));
                }
            }
            return null;
        });
    }
}
