package org.crmkit.rules.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;

/**
 * Arithmetic in business time on a {@link BusinessCalendar}: whether a moment is working time,
 * a moment plus some business time, the business time between two moments, and the next
 * working moment.
 *
 * <p>Working intervals are wall-clock times in the calendar's zone, turned into instants day by
 * day, so results are exact across DST changes: an interval that spans a change lasts its real
 * length, and a start or end in a DST gap moves to the first moment after the gap, so business
 * time never exceeds real time. Work walks day by
 * day, so its cost grows with the days crossed, never with the minutes. Immutable and thread-safe.
 */
public final class BusinessTime {
    /**
     * Days searched for working time before giving up. Calendars always have working time on some
     * weekday, so only an absurd list of holidays can exhaust this.
     */
    private static final int MAX_IDLE_DAYS = 3660;

    private final BusinessCalendar calendar;

    private BusinessTime(BusinessCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Arithmetic on a calendar.
     *
     * @param calendar the calendar; not null
     * @return the arithmetic
     */
    public static BusinessTime of(BusinessCalendar calendar) {
        return new BusinessTime(calendar);
    }

    /** @return the calendar it counts on, so that a failing check's message shows it */
    @Override
    public String toString() {
        return "BusinessTime[" + calendar + "]";
    }

    /** @return the calendar */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * Tells whether a moment is working time.
     *
     * @param moment the moment; not null
     * @return true when it lies in a working interval (start inclusive, end exclusive)
     */
    public boolean isWorking(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        for (TimeSpan span : spansOn(day(moment))) {
            if (!moment.isBefore(span.start) && moment.isBefore(span.end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first working moment at or after a moment.
     *
     * @param moment the moment; not null
     * @return the moment itself during working time, else the start of the next working interval
     */
    public Instant nextStart(Instant moment) {
        return add(moment, Duration.ZERO);
    }

    /**
     * A moment plus business time: the moment at which {@code amount} of working time has
     * passed since {@code start}. The result lies in working time or at the end of a working
     * interval; adding zero gives {@link #nextStart(Instant)}.
     *
     * @param start the start; not null
     * @param amount the business time to add; zero or more; not null
     * @return the resulting moment
     * @throws InvalidValueException if the amount is negative, or no working time exists for years
     */
    public Instant add(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new InvalidValueException("business time to add must not be negative, was " + amount);
        }
        Duration remaining = amount;
        LocalDate day = day(start);
        int idleDays = 0;
        while (true) {
            boolean worked = false;
            for (TimeSpan span : spansOn(day)) {
                if (!span.end.isAfter(start)) {
                    continue;
                }
                worked = true;
                Instant from = span.start.isAfter(start) ? span.start : start;
                Duration available = Duration.between(from, span.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            idleDays = worked ? 0 : idleDays + 1;
            if (idleDays > MAX_IDLE_DAYS) {
                throw new InvalidValueException("calendar '" + calendar.name() + "' has no working time for "
                        + MAX_IDLE_DAYS + " days after " + day.minusDays(MAX_IDLE_DAYS));
            }
            day = day.plusDays(1);
        }
    }

    /**
     * The working time between two moments.
     *
     * @param from the first moment; not null
     * @param to the last moment, not before {@code from}; not null
     * @return the business time in {@code [from, to)}
     * @throws InvalidValueException if {@code to} is before {@code from}
     */
    public Duration between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidValueException("business time between " + from + " and " + to
                    + ": the end is before the start");
        }
        Duration total = Duration.ZERO;
        LocalDate last = day(to);
        for (LocalDate day = day(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (TimeSpan span : spansOn(day)) {
                Instant start = span.start.isAfter(from) ? span.start : from;
                Instant end = span.end.isBefore(to) ? span.end : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private LocalDate day(Instant moment) {
        return moment.atZone(calendar.zone()).toLocalDate();
    }

    /**
     * The working time of a day as moments.
     *
     * @param day a day of the calendar; not null
     * @return its working intervals as moments, in order; empty on a day without work
     */
    public List<TimeSpan> workingSpans(LocalDate day) {
        return spansOn(Objects.requireNonNull(day, "day"));
    }

    /**
     * The moment of a wall-clock time. A time in a DST gap does not exist: it maps to the end of
     * the gap, the first moment after it (ZonedDateTime would shift it by the gap's length,
     * making 02:30 in a one-hour gap 03:30 and letting business time exceed real time). In an
     * overlap the earlier offset applies.
     */
    private Instant instant(LocalDate day, java.time.LocalTime time) {
        java.time.LocalDateTime local = day.atTime(time);
        java.time.zone.ZoneRules rules = calendar.zone().getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.of(local, calendar.zone()).toInstant();
    }

    /**
     * Working intervals placed on a day, as moments: for hours the calendar itself does not give
     * that day, such as a weekend a customer prefers.
     *
     * @param day the day; not null
     * @param hours the wall-clock intervals in the calendar's zone; not null
     * @return the intervals as moments, in order
     */
    public List<TimeSpan> spans(LocalDate day, List<WorkingInterval> hours) {
        return spansOf(Objects.requireNonNull(day, "day"), Objects.requireNonNull(hours, "hours"));
    }

    /** The working intervals of a day as instants, in order. */
    private List<TimeSpan> spansOn(LocalDate day) {
        return spansOf(day, calendar.hoursOn(day));
    }

    private List<TimeSpan> spansOf(LocalDate day, List<WorkingInterval> hours) {
        List<TimeSpan> spans = new ArrayList<>(hours.size());
        for (WorkingInterval interval : hours) {
            Instant start = instant(day, interval.start());
            Instant end = interval.endsAtEndOfDay()
                    ? day.plusDays(1).atStartOfDay(calendar.zone()).toInstant()
                    : instant(day, interval.end());
            if (end.isAfter(start)) {
                spans.add(new TimeSpan(start, end));
            }
        }
        return spans;
    }

    /**
     * A stretch of time, start inclusive and end exclusive. Immutable and thread-safe.
     *
     * @param start the first moment; not null
     * @param end the end, after the start; not null
     */
    public record TimeSpan(Instant start, Instant end) {
        /** Checks the order. */
        public TimeSpan {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new InvalidValueException("time span must end after it starts, was " + start + ".." + end);
            }
        }
    }
}
