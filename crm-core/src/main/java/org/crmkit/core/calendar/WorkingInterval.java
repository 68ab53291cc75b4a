package org.crmkit.core.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * Working time within one day in wall-clock time, start inclusive and end exclusive, such as
 * {@code 09:00-12:00}. An end of {@code 24:00} (stored as {@link LocalTime#MIDNIGHT}) runs to the
 * end of the day, so {@code 00:00-24:00} is the whole day. Immutable and thread-safe.
 *
 * @param start the first moment; not null
 * @param end the end, after {@code start}, or midnight for the end of the day; not null
 */
public record WorkingInterval(LocalTime start, LocalTime end) implements Comparable<WorkingInterval> {
    /** The whole day. */
    public static final WorkingInterval WHOLE_DAY = new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** Checks that the interval is not empty. */
    public WorkingInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!endsAtMidnight(end) && !end.isAfter(start)) {
            throw new InvalidValueException("working interval must end after it starts, was '" + format(start, end) + "'");
        }
    }

    /**
     * Creates an interval.
     *
     * @param start the first moment; not null
     * @param end the end; midnight for the end of the day; not null
     * @return the interval
     */
    public static WorkingInterval of(LocalTime start, LocalTime end) {
        return new WorkingInterval(start, end);
    }

    /**
     * Parses {@code HH:mm-HH:mm}; the end may be {@code 24:00}.
     *
     * @param text e.g. {@code "13:30-18:00"}; not null
     * @return the interval
     * @throws InvalidValueException if the text is not such an interval
     */
    public static WorkingInterval parse(CharSequence text) {
        String value = Objects.requireNonNull(text, "text").toString().strip();
        int dash = value.indexOf('-');
        if (dash > 0) {
            try {
                LocalTime start = LocalTime.parse(value.substring(0, dash).strip());
                String endText = value.substring(dash + 1).strip();
                LocalTime end = endText.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(endText);
                return new WorkingInterval(start, end);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new InvalidValueException("working interval must look like '09:00-18:00', was '" + text + "'");
    }

    /** @return the length in wall-clock time (a DST change can make the real time differ) */
    public Duration length() {
        return endsAtMidnight(end) ? Duration.ofDays(1).minusNanos(start.toNanoOfDay()) : Duration.between(start, end);
    }

    /**
     * Tells whether two intervals share any time.
     *
     * @param other another interval; not null
     * @return true when they overlap
     */
    public boolean overlaps(WorkingInterval other) {
        return start.isBefore(other.endAsTime()) && other.start.isBefore(endAsTime());
    }

    /** @return whether the interval runs to the end of the day */
    public boolean endsAtEndOfDay() {
        return endsAtMidnight(end);
    }

    private LocalTime endAsTime() {
        return endsAtMidnight(end) ? LocalTime.MAX : end;
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public int compareTo(WorkingInterval other) {
        return start.compareTo(other.start);
    }

    /** @return e.g. {@code "09:00-18:00"} or {@code "00:00-24:00"} */
    @Override
    public String toString() {
        return format(start, end);
    }

    private static String format(LocalTime start, LocalTime end) {
        return start + "-" + (endsAtMidnight(end) ? "24:00" : end.toString());
    }
}
