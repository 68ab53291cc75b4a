package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where the rows of a table go, value by value in the order of the table's column list: the text of
 * a {@code COPY} ({@link CopyText}) or a JDBC batch ({@link BatchRows}). A row's values are written
 * once, whichever way it goes.
 */
interface RowSink {
    /**
     * Adds a text value.
     *
     * @param value the value, or null for NULL
     * @return this
     * @throws SQLException if a statement refuses the value
     */
    RowSink text(@Nullable String value) throws SQLException;

    /**
     * Adds a whole number.
     *
     * @param value the value
     * @return this
     * @throws SQLException if a statement refuses the value
     */
    RowSink number(long value) throws SQLException;

    /**
     * Adds an exact decimal, as written: a NUMERIC column keeps its scale.
     *
     * @param value the value, or null for NULL
     * @return this
     * @throws SQLException if a statement refuses the value
     */
    RowSink decimal(@Nullable BigDecimal value) throws SQLException;

    /**
     * Adds a truth value.
     *
     * @param value the value
     * @return this
     * @throws SQLException if a statement refuses the value
     */
    RowSink flag(boolean value) throws SQLException;

    /**
     * Adds a DATE value, which {@link SqlValues#storableDay} accepted.
     *
     * @param day the day
     * @return this
     * @throws SQLException if a statement refuses the value
     */
    RowSink day(LocalDate day) throws SQLException;

    /**
     * Adds a moment as its two columns, the timestamp then the nano-of-second, as
     * {@link SqlValues#bindMoment} binds them.
     *
     * @param moment the moment, which {@link SqlValues#storableMoment} accepted, or null for NULL in both
     * @return this
     * @throws SQLException if a statement refuses the value
     */
    RowSink moment(@Nullable Instant moment) throws SQLException;

    /**
     * Ends the current row.
     *
     * @return this
     * @throws SQLException if a statement refuses the row
     */
    RowSink endRow() throws SQLException;
}
