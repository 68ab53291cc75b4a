package org.crmkit.core.model;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * A range of wall-clock times within one day, start inclusive and end exclusive, such as a
 * customer's preferred contact hours {@code 09:00-12:00}. Immutable and thread-safe.
 *
 * @param start the first moment of the range; not null
 * @param end the moment the range ends, after {@code start}; not null
 */
public record LocalTimeRange(LocalTime start, LocalTime end) {
    /** Checks that the range is not empty. */
    public LocalTimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidValueException(
                    "time range must end after it starts, was '" + start + "-" + end + "'");
        }
    }

    /**
     * Creates a range.
     *
     * @param start the first moment; not null
     * @param end the end, after start; not null
     * @return the range
     */
    public static LocalTimeRange of(LocalTime start, LocalTime end) {
        return new LocalTimeRange(start, end);
    }

    /**
     * Parses {@code HH:mm-HH:mm}, e.g. {@code "09:00-12:00"}.
     *
     * @param text the range; not null
     * @return the range
     * @throws InvalidValueException if the text is not such a range
     */
    public static LocalTimeRange parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String value = text.toString().strip();
        int dash = value.indexOf('-');
        if (dash < 0) {
            throw new InvalidValueException("time range must look like '09:00-12:00', was '" + text + "'");
        }
        try {
            return new LocalTimeRange(LocalTime.parse(value.substring(0, dash).strip()),
                    LocalTime.parse(value.substring(dash + 1).strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("time range must look like '09:00-12:00', was '" + text + "'");
        }
    }

    /**
     * Tells whether a time of day lies in the range.
     *
     * @param time the time; not null
     * @return true when {@code start <= time < end}
     */
    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** @return the range as {@code HH:mm-HH:mm} */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
