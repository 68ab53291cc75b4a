package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Rows bound to a prepared statement's markers, in order, each row added to its batch. Not thread-safe. */
final class BatchRows implements RowSink {
    private final PreparedStatement statement;
    private int next = 1;
    private long rows;

    /** @param statement the prepared INSERT whose markers are the columns in order */
    BatchRows(PreparedStatement statement) {
        this.statement = Objects.requireNonNull(statement, "statement");
    }

    @Override
    public BatchRows text(@Nullable String value) throws SQLException {
        statement.setString(next++, value);
        return this;
    }

    @Override
    public BatchRows number(long value) throws SQLException {
        statement.setLong(next++, value);
        return this;
    }

    @Override
    public BatchRows decimal(@Nullable BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.NUMERIC);
        } else {
            statement.setBigDecimal(next++, value);
        }
        return this;
    }

    @Override
    public BatchRows flag(boolean value) throws SQLException {
        statement.setBoolean(next++, value);
        return this;
    }

    @Override
    public BatchRows day(LocalDate day) throws SQLException {
        statement.setObject(next++, day);
        return this;
    }

    @Override
    public BatchRows moment(@Nullable Instant moment) throws SQLException {
        if (moment == null) {
            statement.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setNull(next++, Types.INTEGER);
        } else {
            next = SqlValues.bindMoment(statement, next, moment);
        }
        return this;
    }

    @Override
    public BatchRows endRow() throws SQLException {
        statement.addBatch();
        next = 1;
        rows++;
        return this;
    }

    /** Sends the batch, if it holds a row. */
    void execute() throws SQLException {
        if (rows > 0) {
            statement.executeBatch();
        }
    }
}
