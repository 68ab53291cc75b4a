package org.crmkit.core.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * A range of days, both ends inclusive, such as the evaluation window of a tier policy.
 * Immutable and thread-safe.
 *
 * @param start the first day; not null
 * @param end the last day, not before {@code start}; not null
 */
public record DateWindow(LocalDate start, LocalDate end) {
    /** Checks the order of the ends. */
    public DateWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new InvalidValueException("DateWindow must not end (" + end + ") before it starts (" + start + ")");
        }
    }

    /**
     * Creates a window.
     *
     * @param start the first day; not null
     * @param end the last day; not null
     * @return the window
     */
    public static DateWindow of(LocalDate start, LocalDate end) {
        return new DateWindow(start, end);
    }

    /**
     * The trailing months up to and including a day: 12 months up to 2026-03-31 are
     * 2025-04-01..2026-03-31, one month up to 2026-04-30 is 2026-04-01..2026-04-30. The window
     * starts the given number of months before the day after {@code asOf}, so windows ending on
     * month ends are whole calendar months and consecutive ones never share a day.
     *
     * @param months how many months, one or more
     * @param asOf the last day; not null
     * @return the window
     */
    public static DateWindow trailingMonths(int months, LocalDate asOf) {
        if (months < 1) {
            throw new InvalidValueException("trailing months must be at least 1, was " + months);
        }
        return new DateWindow(asOf.plusDays(1).minusMonths(months), asOf);
    }

    /**
     * The trailing days up to and including a day: 7 days up to 2026-03-31 are
     * 2026-03-25..2026-03-31.
     *
     * @param days how many days, one or more
     * @param asOf the last day; not null
     * @return the window
     */
    public static DateWindow trailingDays(int days, LocalDate asOf) {
        if (days < 1) {
            throw new InvalidValueException("trailing days must be at least 1, was " + days);
        }
        return new DateWindow(asOf.minusDays(days - 1L), asOf);
    }

    /**
     * Tells whether a day lies in the window.
     *
     * @param day the day; not null
     * @return true when {@code start <= day <= end}
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /**
     * The smallest window that covers both.
     *
     * @param other another window; not null
     * @return the span of both
     */
    public DateWindow span(DateWindow other) {
        return new DateWindow(start.isBefore(other.start) ? start : other.start,
                end.isAfter(other.end) ? end : other.end);
    }

    /** @return the number of days in the window */
    public long lengthInDays() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
