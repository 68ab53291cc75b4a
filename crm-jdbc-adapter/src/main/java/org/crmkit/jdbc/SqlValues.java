package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
        Instant start = momentBound(from);
        Instant end = momentBound(until);
        OffsetDateTime startMicros = timestamp(start);
        OffsetDateTime endMicros = timestamp(end);
        return new Object[] {
            startMicros, endMicros,
            startMicros, startMicros, nanos(start),
            endMicros, endMicros, nanos(end),
        };
    }
}
