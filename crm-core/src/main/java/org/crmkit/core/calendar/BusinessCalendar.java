package org.crmkit.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.internal.Checks;

/**
 * When a business works: working intervals per weekday (several per day, such as
 * {@code 09:00-12:00} and {@code 13:30-18:00}) in one time zone, holidays, and extra working days
 * (make-up workdays on a weekend, as Chinese public-holiday schedules have) with their own hours.
 * A calendar can also be always open (24x7).
 *
 * <p>This is the data; the arithmetic (add business time, business time between two moments)
 * is {@code org.crmkit.rules.calendar.BusinessTime}. A calendar that is not always open must
 * have working time on at least one weekday, so that a search for the next working moment always
 * ends. Immutable and thread-safe.
 *
 * @param name the calendar's name, as policies refer to it; not null
 * @param zone the zone of the wall-clock hours and dates; not null
 * @param alwaysOpen whether every moment is working time (24x7); the other components are then empty
 * @param week the working intervals per weekday, sorted and not overlapping; days without work may be missing; not null
 * @param holidays days without work, whatever the weekday; not null
 * @param extraWorkingDays days with work although the weekday has none, such as make-up Saturdays; not null
 * @param extraDayHours the working intervals of an extra working day, the calendar's usual hours; empty means
 *     those of the first weekday with work; not null
 */
public record BusinessCalendar(
        String name,
        ZoneId zone,
        boolean alwaysOpen,
        Map<DayOfWeek, List<WorkingInterval>> week,
        Set<LocalDate> holidays,
        Set<LocalDate> extraWorkingDays,
        List<WorkingInterval> extraDayHours) {

    /** Copies and checks everything. */
    public BusinessCalendar {
        Checks.identifier(name, "BusinessCalendar name");
        Objects.requireNonNull(zone, "zone");
        week = copyWeek(Objects.requireNonNull(week, "week"), name);
        holidays = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(holidays, "holidays")));
        extraWorkingDays = Collections.unmodifiableSet(
                new TreeSet<>(Objects.requireNonNull(extraWorkingDays, "extraWorkingDays")));
        extraDayHours = sorted(Objects.requireNonNull(extraDayHours, "extraDayHours"), name, "extra working days");
        if (extraDayHours.isEmpty()) {
            extraDayHours = firstWorkingDay(week);
        }
        if (alwaysOpen && (!week.isEmpty() || !holidays.isEmpty() || !extraWorkingDays.isEmpty())) {
            throw new InvalidValueException("calendar '" + name + "' is always open and cannot also have hours,"
                    + " holidays or extra working days");
        }
        if (!alwaysOpen && week.isEmpty()) {
            throw new InvalidValueException("calendar '" + name + "' has no working time on any weekday");
        }
        for (LocalDate day : extraWorkingDays) {
            if (holidays.contains(day)) {
                throw new InvalidValueException("calendar '" + name + "': " + day
                        + " is both a holiday and an extra working day");
            }
        }
    }

    /**
     * A calendar that is always open.
     *
     * @param name the name; not null
     * @param zone the zone that decides where days begin; not null
     * @return the calendar
     */
    public static BusinessCalendar alwaysOpen(String name, ZoneId zone) {
        return new BusinessCalendar(name, zone, true, Map.of(), Set.of(), Set.of(), List.of());
    }

    /**
     * A calendar with the same hours on the given weekdays and no holidays.
     *
     * @param name the name; not null
     * @param zone the zone; not null
     * @param days the working weekdays; not empty; not null
     * @param hours the working intervals of each of those days; not empty; not null
     * @return the calendar
     */
    public static BusinessCalendar weekly(String name, ZoneId zone, Set<DayOfWeek> days, List<WorkingInterval> hours) {
        Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            week.put(day, hours);
        }
        return new BusinessCalendar(name, zone, false, week, Set.of(), Set.of(), List.of());
    }

    /**
     * Copy with holidays and extra working days added.
     *
     * @param moreHolidays days without work; not null
     * @param moreWorkingDays days with work although the weekday has none; not null
     * @param hoursOfExtraDays the hours of extra working days, or empty to keep the current ones; not null
     * @return the copy, validated again
     */
    public BusinessCalendar withSpecialDays(Set<LocalDate> moreHolidays, Set<LocalDate> moreWorkingDays,
            List<WorkingInterval> hoursOfExtraDays) {
        Set<LocalDate> allHolidays = new TreeSet<>(holidays);
        allHolidays.addAll(moreHolidays);
        Set<LocalDate> allExtra = new TreeSet<>(extraWorkingDays);
        allExtra.addAll(moreWorkingDays);
        return new BusinessCalendar(name, zone, alwaysOpen, week, allHolidays, allExtra,
                hoursOfExtraDays.isEmpty() ? extraDayHours : hoursOfExtraDays);
    }

    /**
     * The working intervals of a day: none on a holiday, the extra-day hours on an extra working
     * day, otherwise the weekday's.
     *
     * @param day the day; not null
     * @return the intervals, sorted; the whole day when always open
     */
    public List<WorkingInterval> hoursOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (alwaysOpen) {
            return List.of(WorkingInterval.WHOLE_DAY);
        }
        if (holidays.contains(day)) {
            return List.of();
        }
        List<WorkingInterval> regular = week.getOrDefault(day.getDayOfWeek(), List.of());
        if (regular.isEmpty() && extraWorkingDays.contains(day)) {
            return extraDayHours;
        }
        return regular;
    }

    private static List<WorkingInterval> firstWorkingDay(Map<DayOfWeek, List<WorkingInterval>> week) {
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingInterval> hours = week.getOrDefault(day, List.of());
            if (!hours.isEmpty()) {
                return hours;
            }
        }
        return List.of();
    }

    private static Map<DayOfWeek, List<WorkingInterval>> copyWeek(Map<DayOfWeek, List<WorkingInterval>> week,
            String name) {
        Map<DayOfWeek, List<WorkingInterval>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> {
            List<WorkingInterval> checked = sorted(hours, name, day.toString());
            if (!checked.isEmpty()) {
                copy.put(Objects.requireNonNull(day, "day"), checked);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static List<WorkingInterval> sorted(List<WorkingInterval> hours, String name, String what) {
        List<WorkingInterval> sorted = new ArrayList<>(hours);
        sorted.forEach(interval -> Objects.requireNonNull(interval, "interval"));
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new InvalidValueException("calendar '" + name + "': working intervals " + sorted.get(i - 1)
                        + " and " + sorted.get(i) + " of " + what + " overlap");
            }
        }
        return List.copyOf(sorted);
    }
}
