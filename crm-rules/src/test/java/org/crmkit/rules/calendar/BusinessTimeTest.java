package org.crmkit.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessTimeTest {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 09:00-12:00 and 13:30-18:00 Monday to Friday in Shanghai; 2026-04-06 (Mon) a holiday; 2026-04-11 (Sat) a make-up day. */
    private static final BusinessTime OFFICE = BusinessTime.of(BusinessCalendar.weekly("office", SHANGHAI, WEEKDAYS,
                    List.of(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00")))
            .withSpecialDays(Set.of(LocalDate.of(2026, 4, 6)), Set.of(LocalDate.of(2026, 4, 11)),
                    List.of(WorkingInterval.parse("09:00-18:00"))));

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} = {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "2026-04-01T10:00+08:00 | PT1H  | 2026-04-01T11:00+08:00 | within the morning",
        "2026-04-01T11:30+08:00 | PT1H  | 2026-04-01T14:00+08:00 | across the lunch break",
        "2026-04-01T12:15+08:00 | PT1H  | 2026-04-01T14:30+08:00 | opened during lunch",
        "2026-04-01T07:00+08:00 | PT1H  | 2026-04-01T10:00+08:00 | opened before hours",
        "2026-04-01T20:00+08:00 | PT1H  | 2026-04-02T10:00+08:00 | opened after hours",
        "2026-04-03T17:00+08:00 | PT2H  | 2026-04-07T10:00+08:00 | across a weekend and a Monday holiday",
        "2026-04-10T17:00+08:00 | PT2H  | 2026-04-11T10:00+08:00 | into a make-up Saturday",
        "2026-04-01T09:00+08:00 | PT7H30M | 2026-04-01T18:00+08:00 | a whole day ends at closing time",
        "2026-04-01T09:00+08:00 | PT48H | 2026-04-10T12:00+08:00 | 48 business hours over a weekend and a holiday",
        "2026-04-10T09:00+08:00 | PT10H | 2026-04-11T11:30+08:00 | a make-up Saturday works its own hours",
        "2026-04-04T12:00+08:00 | PT0S  | 2026-04-07T09:00+08:00 | zero from a Saturday is the next opening",
    })
    void addsBusinessTime(String start, Duration amount, String expected, String why) {
        assertThat(OFFICE.add(at(start), amount)).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "{0} .. {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "2026-04-01T10:00+08:00 | 2026-04-01T11:00+08:00 | PT1H",
        "2026-04-01T11:30+08:00 | 2026-04-01T14:00+08:00 | PT1H",
        "2026-04-03T17:00+08:00 | 2026-04-07T10:00+08:00 | PT2H",
        "2026-04-04T00:00+08:00 | 2026-04-06T23:59+08:00 | PT0S",
        "2026-04-01T10:00+08:00 | 2026-04-01T10:00+08:00 | PT0S",
        "2026-04-10T00:00+08:00 | 2026-04-12T00:00+08:00 | PT16H30M",
    })
    void measuresBusinessTimeBetweenMoments(String from, String to, Duration expected) {
        assertThat(OFFICE.between(at(from), at(to))).isEqualTo(expected);
    }

    @Test
    void knowsWorkingMoments() {
        assertThat(OFFICE.isWorking(at("2026-04-01T09:00+08:00"))).isTrue();
        assertThat(OFFICE.isWorking(at("2026-04-01T12:00+08:00"))).isFalse();
        assertThat(OFFICE.isWorking(at("2026-04-01T13:30+08:00"))).isTrue();
        assertThat(OFFICE.isWorking(at("2026-04-01T18:00+08:00"))).isFalse();
        assertThat(OFFICE.isWorking(at("2026-04-06T10:00+08:00"))).isFalse();
        assertThat(OFFICE.isWorking(at("2026-04-11T10:00+08:00"))).isTrue();
        assertThat(OFFICE.nextStart(at("2026-04-01T12:05+08:00"))).isEqualTo(at("2026-04-01T13:30+08:00"));
        assertThat(OFFICE.nextStart(at("2026-04-01T10:05+08:00"))).isEqualTo(at("2026-04-01T10:05+08:00"));
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(delimiter = '|', value = {
        // Berlin springs forward on 2026-03-29 at 02:00: a 00:00-24:00 day lasts 23 hours.
        "Europe/Berlin    | 2026-03-29T00:00+01:00 | PT23H | 2026-03-30T00:00+02:00",
        "Europe/Berlin    | 2026-03-28T23:00+01:00 | PT3H  | 2026-03-29T03:00+02:00",
        // ...and falls back on 2026-10-25 at 03:00: that day lasts 25 hours.
        "Europe/Berlin    | 2026-10-25T00:00+02:00 | PT25H | 2026-10-26T00:00+01:00",
        // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
        "America/New_York | 2026-03-08T01:30-05:00 | PT1H  | 2026-03-08T03:30-04:00",
        "America/New_York | 2026-11-01T01:30-04:00 | PT1H  | 2026-11-01T01:30-05:00",
    })
    void countsRealTimeAcrossDaylightSavingChangesAroundTheClock(ZoneId zone, String start, Duration amount,
            String expected) {
        BusinessTime always = BusinessTime.of(BusinessCalendar.alwaysOpen("24x7", zone));

        assertThat(always.add(at(start), amount)).isEqualTo(at(expected));
        assertThat(always.between(at(start), at(expected))).isEqualTo(amount);
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(delimiter = '|', value = {
        // Office hours 01:00-05:00 on the change days: spring forward loses an hour, fall back repeats one.
        "Europe/Berlin    | 2026-03-29T01:00+01:00 | PT3H | 2026-03-29T05:00+02:00",
        "Europe/Berlin    | 2026-10-25T01:00+02:00 | PT5H | 2026-10-25T05:00+01:00",
        "America/New_York | 2026-03-08T01:00-05:00 | PT3H | 2026-03-08T05:00-04:00",
        "America/New_York | 2026-11-01T01:00-04:00 | PT5H | 2026-11-01T05:00-05:00",
    })
    void countsRealTimeInWorkingHoursThatSpanADaylightSavingChange(ZoneId zone, String start, Duration amount,
            String expected) {
        BusinessTime night = BusinessTime.of(BusinessCalendar.weekly("night", zone, EnumSet.allOf(DayOfWeek.class),
                List.of(WorkingInterval.parse("01:00-05:00"))));

        assertThat(night.add(at(start), amount)).isEqualTo(at(expected));
        assertThat(night.between(at(start), at(expected))).isEqualTo(amount);
    }

    @Test
    void rejectsNegativeAmountsAndBackwardRanges() {
        assertThatThrownBy(() -> OFFICE.add(at("2026-04-01T10:00+08:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("business time to add must not be negative, was PT-1M");
        assertThatThrownBy(() -> OFFICE.between(at("2026-04-02T10:00+08:00"), at("2026-04-01T10:00+08:00")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("business time between 2026-04-02T02:00:00Z and 2026-04-01T02:00:00Z: the end is before"
                        + " the start");
    }

    @Test
    void givesUpInsteadOfHangingWhenHolidaysCoverYears() {
        java.util.Set<LocalDate> decade = new java.util.HashSet<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2037, 1, 1)); day = day.plusDays(1)) {
            decade.add(day);
        }
        BusinessTime closed = BusinessTime.of(BusinessCalendar.weekly("closed", SHANGHAI, WEEKDAYS,
                List.of(WorkingInterval.parse("09:00-18:00"))).withSpecialDays(decade, Set.of(), List.of()));

        assertThatThrownBy(() -> closed.add(at("2026-01-01T10:00+08:00"), Duration.ofHours(1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("calendar 'closed' has no working time for 3660 days after ");
    }

    @Test
    void intervalsThatStartOrEndInADaylightSavingGapNeverCountMoreThanRealTime() {
        // Berlin skips 02:00-03:00 on 2026-03-29; 01:00-02:30 ends and 02:30-04:00 starts inside the gap.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessTime gap = BusinessTime.of(BusinessCalendar.weekly("gap", berlin, EnumSet.of(DayOfWeek.SUNDAY),
                List.of(WorkingInterval.parse("01:00-02:30"), WorkingInterval.parse("02:30-04:00"))));

        // Real time from 01:00 CET to 04:00 CEST is two hours, and that is all the working time there is.
        assertThat(gap.between(at("2026-03-29T00:00+01:00"), at("2026-03-29T06:00+02:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(gap.add(at("2026-03-29T01:00+01:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-03-29T03:00+02:00"));
        // A 30-minute DST (Lord Howe, 2026-10-04 02:00-02:30 skipped): a day of 23h30 has no more working time.
        BusinessTime lordHowe = BusinessTime.of(BusinessCalendar.weekly("lh", ZoneId.of("Australia/Lord_Howe"),
                EnumSet.allOf(DayOfWeek.class), List.of(WorkingInterval.parse("00:00-02:15"),
                        WorkingInterval.parse("02:15-24:00"))));
        assertThat(lordHowe.between(at("2026-10-04T00:00+10:30"), at("2026-10-05T00:00+11:00")))
                .isEqualTo(Duration.ofMinutes(23 * 60 + 30));
    }
}
