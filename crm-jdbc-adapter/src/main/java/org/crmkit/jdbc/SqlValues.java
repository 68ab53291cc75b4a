package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.InvalidValueException;

/**
 * Conversions between crm-core values and column values, and the ranges the schema can hold.
 *
 * <p>Stored days lie in the years 1 to 9999 and stored moments in the same years in UTC, which
 * every supported database and driver handles the same way. Query bounds outside those ranges
 * are moved to just outside them, which selects exactly the same rows and can always be bound.
 */
final class SqlValues {
    /** The first day the store keeps. */
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    /** The last day the store keeps. */
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    /** The first moment the store keeps. */
    static final Instant FIRST_MOMENT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    /** The end of the moments the store keeps, exclusive. */
    static final Instant END_OF_MOMENTS = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    /** Decimal places of the NUMERIC columns. */
    static final int MAX_SCALE = 18;
    /** Digits before the decimal point of the NUMERIC columns. */
    static final int MAX_INTEGER_DIGITS = 20;

    private SqlValues() {
    }

    /**
     * Checks that a day can be stored.
     *
     * @param day the day
     * @param what names the value in the message, e.g. {@code "Purchase 'o-1' orderDate"}
     * @return the day
     * @throws InvalidValueException if the day lies outside the years 1 to 9999
     */
    static LocalDate storableDay(LocalDate day, String what) {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new InvalidValueException(what + " " + day + " is outside the days the JDBC store keeps, "
                    + FIRST_DAY + ".." + LAST_DAY);
        }
        return day;
    }

    /**
     * Checks that a moment can be stored.
     *
     * @param moment the moment
     * @param what names the value in the message
     * @return the moment
     * @throws InvalidValueException if the moment lies outside the years 1 to 9999 in UTC
     */
    static Instant storableMoment(Instant moment, String what) {
        if (moment.isBefore(FIRST_MOMENT) || !moment.isBefore(END_OF_MOMENTS)) {
            throw new InvalidValueException(what + " " + moment + " is outside the moments the JDBC store keeps, "
                    + FIRST_MOMENT + " up to " + END_OF_MOMENTS);
        }
        return moment;
    }

    /**
     * Checks that a decimal fits the NUMERIC(38, 18) columns without rounding.
     *
     * @param value the value
     * @param what names the value in the message
     * @return the value
     * @throws InvalidValueException if it has more than 18 decimal places or 20 integer digits
     */
    static BigDecimal storableDecimal(BigDecimal value, String what) {
        BigDecimal significant = value.stripTrailingZeros();
        if (significant.scale() > MAX_SCALE || significant.precision() - significant.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException(what + " " + value.toPlainString() + " does not fit the JDBC store,"
                    + " which keeps at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_SCALE
                    + " after the decimal point");
        }
        return value;
    }

    /**
     * Reads the {@code currency} column of the current row, which a mapped ERP's table may leave NULL.
     *
     * @param row positioned on a row
     * @param what names the row in the message, e.g. {@code Invoice 'i-1'}
     * @return the currency code
     * @throws SQLException on a database failure
     * @throws InvalidValueException if the column is NULL
     */
    static String currency(ResultSet row, String what) throws SQLException {
        String currency = row.getString("currency");
        if (currency == null) {
            throw new InvalidValueException(what + " has no currency (its currency column is NULL)");
        }
        return currency;
    }

    /**
     * A day as a query bound: days beyond the stored range become the day just outside it.
     *
     * @param day any day
     * @return a day that every supported driver binds
     */
    static LocalDate dayBound(LocalDate day) {
        if (day.isBefore(FIRST_DAY)) {
            return FIRST_DAY.minusDays(1);
        }
        if (day.isAfter(LAST_DAY)) {
            return LAST_DAY.plusDays(1);
        }
        return day;
    }

    /**
     * A moment as a query bound: moments beyond the stored range become its first moment or its
     * exclusive end, which compare with every stored moment as the original bound does.
     *
     * @param moment any moment
     * @return a moment that every supported driver binds
     */
    static Instant momentBound(Instant moment) {
        if (moment.isBefore(FIRST_MOMENT)) {
            return FIRST_MOMENT;
        }
        if (moment.isAfter(END_OF_MOMENTS)) {
            return END_OF_MOMENTS;
        }
        return moment;
    }

    /**
     * The TIMESTAMP WITH TIME ZONE column value of a moment: cut to microseconds, which both
     * databases keep, in UTC. The exact nanoseconds go to a column of their own.
     *
     * @param moment the moment
     * @return the column value
     */
    static OffsetDateTime timestamp(Instant moment) {
        return moment.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /**
     * The nanosecond column value of a moment.
     *
     * @param moment the moment
     * @return the nano-of-second, 0 to 999,999,999
     */
    static int nanos(Instant moment) {
        return moment.getNano();
    }

    /**
     * Puts a moment together from its two columns.
     *
     * @param timestamp the timestamp column
     * @param nanos the nanosecond column
     * @return the exact moment
     */
    static Instant moment(OffsetDateTime timestamp, int nanos) {
        return Instant.ofEpochSecond(timestamp.toEpochSecond(), nanos);
    }

    /**
     * Reads a moment stored in the two columns {@code <name>_at} (the timestamp) and
     * {@code <name>_nanos}, as {@link #bindMoment} writes it.
     *
     * @param row positioned on a row
     * @param name the columns' common start, e.g. {@code "recorded"}
     * @return the exact moment
     * @throws SQLException on a database failure
     */
    static Instant moment(ResultSet row, String name) throws SQLException {
        return moment(row.getObject(name + "_at", OffsetDateTime.class), row.getInt(name + "_nanos"));
    }

    /**
     * Reads a moment and the offset it was recorded in, stored in the three columns
     * {@code <name>_at}, {@code <name>_nanos} and {@code <name>_offset_seconds}, as
     * {@link #bindMomentWithOffset} writes them.
     *
     * @param row positioned on a row
     * @param name the columns' common start, e.g. {@code "occurred"}
     * @return the exact moment in its offset
     * @throws SQLException on a database failure
     */
    static OffsetDateTime momentWithOffset(ResultSet row, String name) throws SQLException {
        return moment(row, name).atOffset(ZoneOffset.ofTotalSeconds(row.getInt(name + "_offset_seconds")));
    }

    /**
     * Binds a moment to two markers in a row: the timestamp column, then the nanosecond column.
     *
     * @param statement the statement
     * @param index the first marker's index
     * @param moment the moment, which {@link #storableMoment} accepted
     * @return the index of the marker after the two
     * @throws SQLException on a database failure
     */
    static int bindMoment(PreparedStatement statement, int index, Instant moment) throws SQLException {
        statement.setObject(index, timestamp(moment));
        statement.setInt(index + 1, nanos(moment));
        return index + 2;
    }

    /**
     * Binds a moment and its offset to three markers in a row: the timestamp column, the
     * nanosecond column, then the offset column, in seconds.
     *
     * @param statement the statement
     * @param index the first marker's index
     * @param moment the moment, whose instant {@link #storableMoment} accepted
     * @return the index of the marker after the three
     * @throws SQLException on a database failure
     */
    static int bindMomentWithOffset(PreparedStatement statement, int index, OffsetDateTime moment)
            throws SQLException {
        int next = bindMoment(statement, index, moment.toInstant());
        statement.setInt(next, moment.getOffset().getTotalSeconds());
        return next + 1;
    }

    /**
     * SQL that tells whether a moment stored in two columns lies in {@code [from, until)}, exact
     * to the nanosecond: compared by the microsecond timestamp first (which an index serves), by
     * the nanoseconds only within the same microsecond. Binds {@link #momentRangeParameters}.
     *
     * @param timestampColumn the TIMESTAMP WITH TIME ZONE column
     * @param nanosColumn the nano-of-second column
     * @return the condition
     */
    static String momentRangeCondition(String timestampColumn, String nanosColumn) {
        return "(" + timestampColumn + " >= ? AND " + timestampColumn + " <= ?"
                + " AND (" + timestampColumn + " > ? OR (" + timestampColumn + " = ? AND " + nanosColumn + " >= ?))"
                + " AND (" + timestampColumn + " < ? OR (" + timestampColumn + " = ? AND " + nanosColumn + " < ?)))";
    }

    /**
     * The parameters of {@link #momentRangeCondition}, in order.
     *
     * @param from the first moment, inclusive
     * @param until the end, exclusive
     * @return the values to bind
     */
    static Object[] momentRangeParameters(Instant from, Instant until) {
        return momentRangeParameters(List.of(), from, until);
    }

    /**
     * The parameters of a query that binds some values and then {@link #momentRangeCondition}.
     *
     * @param before the values of the markers before the condition's, e.g. a customer id
     * @param from the first moment, inclusive
     * @param until the end, exclusive
     * @return the values to bind
     */
    static Object[] momentRangeParameters(List<?> before, Instant from, Instant until) {
        Instant start = momentBound(from);
        Instant end = momentBound(until);
        OffsetDateTime startMicros = timestamp(start);
        OffsetDateTime endMicros = timestamp(end);
        List<Object> parameters = new ArrayList<>(before);
        parameters.addAll(List.of(
                startMicros, endMicros,
                startMicros, startMicros, nanos(start),
                endMicros, endMicros, nanos(end)));
        return parameters.toArray();
    }
}
