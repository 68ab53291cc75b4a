package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: columns separated by tabs,
 * rows ended by newlines, {@code \N} for NULL, and in values a backslash, tab, newline and carriage
 * return written as {@code \\}, {@code \t}, {@code \n} and {@code \r}, so that any text, in any
 * script, arrives unchanged (the driver's client encoding is UTF-8, in which the text is sent).
 * Values are written in the forms PostgreSQL reads for their column types. Not thread-safe.
 */
final class CopyText implements RowSink {
    /** A moment's TIMESTAMP WITH TIME ZONE column, as {@link SqlValues#timestamp} cuts it, in UTC. */
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'");

    private final StringBuilder text = new StringBuilder(1 << 12);
    private boolean rowStarted;
    private long rows;

    /**
     * Adds a text value, escaped.
     *
     * @param value the value, or null for NULL
     * @return this
     */
    @Override
    public CopyText text(@Nullable String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    /**
     * Adds a whole number.
     *
     * @param value the value
     * @return this
     */
    @Override
    public CopyText number(long value) {
        separate();
        text.append(value);
        return this;
    }

    /**
     * Adds a NUMERIC value in plain notation, never with an exponent.
     *
     * @param value the value, or null for NULL
     * @return this
     */
    @Override
    public CopyText decimal(@Nullable BigDecimal value) {
        if (value == null) {
            return text(null);
        }
        separate();
        text.append(value.toPlainString());
        return this;
    }

    /**
     * Adds a BOOLEAN value.
     *
     * @param value the value
     * @return this
     */
    @Override
    public CopyText flag(boolean value) {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    /**
     * Adds a DATE value, which {@link SqlValues#storableDay} accepted (years 1 to 9999).
     *
     * @param day the day
     * @return this
     */
    @Override
    public CopyText day(LocalDate day) {
        separate();
        text.append(day);
        return this;
    }

    /**
     * Adds a moment as its two columns, as {@link SqlValues#bindMoment} binds it: the timestamp
     * cut to microseconds, then the nano-of-second.
     *
     * @param moment the moment, which {@link SqlValues#storableMoment} accepted
     * @return this
     */
    @Override
    public CopyText moment(@Nullable Instant moment) {
        if (moment == null) {
            return text(null).text(null);
        }
        separate();
        MOMENT.formatTo(LocalDateTime.ofInstant(SqlValues.timestamp(moment).toInstant(), ZoneOffset.UTC), text);
        return number(SqlValues.nanos(moment));
    }

    /**
     * Ends the current row.
     *
     * @return this
     */
    @Override
    public CopyText endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    /** @return the rows ended so far */
    long rows() {
        return rows;
    }

    /** @return the rows as the UTF-8 bytes COPY reads */
    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
