package org.crmkit.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

class BusinessTimeProperties {
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aDeadlineNeverFallsOutsideBusinessTime() {
        Property.forAll(calendars(), moments(), amounts()).check((time, start, amount) -> {
            Instant deadline = time.add(start, amount);

            // A deadline lies in working time, or exactly at the end of a working interval.
            boolean inWorkingTime = amount.isZero() ? time.isWorking(deadline) : time.isWorking(deadline.minusNanos(1));
            assertThat(inWorkingTime).isTrue();
            assertThat(deadline).isAfterOrEqualTo(start);
        });
    }

    @Test
    void addingThenMeasuringGivesTheAmountBack() {
        Property.forAll(calendars(), moments(), amounts()).check((time, start, amount) ->
                assertThat(time.between(start, time.add(start, amount))).isEqualTo(amount));
    }

    @Test
    void deadlinesAreMonotonicInTheTarget() {
        Property.forAll(calendars(), moments(), amounts(), amounts()).check((time, start, shorter, extra) ->
                assertThat(time.add(start, shorter.plus(extra))).isAfterOrEqualTo(time.add(start, shorter)));
    }

    @Test
    void measuringIsAdditive() {
        Property.forAll(calendars(), moments(), amounts(), amounts()).check((time, a, ab, bc) -> {
            Instant b = a.plus(ab);
            Instant c = b.plus(bc);

            assertThat(time.between(a, b).plus(time.between(b, c))).isEqualTo(time.between(a, c));
        });
    }

    @Test
    void agreesWithNaiveMinuteSteppingOnWholeMinutes() {
        Property.forAll(calendars(), moments(), amounts()).tries(300).check((time, start, amount) ->
                assertThat(time.add(start, amount)).isEqualTo(naiveAdd(time, start, amount)));
    }

    /** The obvious, slow definition: step minute by minute, counting working minutes. */
    static Instant naiveAdd(BusinessTime time, Instant start, Duration amount) {
        Instant cursor = start;
        long minutes = amount.toMinutes();
        while (!time.isWorking(cursor)) {
            cursor = cursor.plusSeconds(60);
        }
        while (minutes > 0) {
            if (time.isWorking(cursor)) {
                minutes--;
            }
            cursor = cursor.plusSeconds(60);
            if (minutes > 0) {
                while (!time.isWorking(cursor)) {
                    cursor = cursor.plusSeconds(60);
                }
            }
        }
        return cursor;
    }

    static Gen<Instant> moments() {
        return Gens.longs(0, 365L * 24 * 60).map(minute -> YEAR_START.plusSeconds(minute * 60));
    }

    static Gen<Duration> amounts() {
        return Gens.longs(0, 60L * 60).map(Duration::ofMinutes);
    }

    static Gen<BusinessTime> calendars() {
        Gen<ZoneId> zones = Gens.of("UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York",
                "Australia/Lord_Howe").map(ZoneId::of);
        Gen<List<WorkingInterval>> day = Gens.integers(0, 2).flatMap(count ->
                Gens.integers(0, 24 * 4).uniqueList(count * 2, count * 2, point -> point).map(points -> {
                    List<Integer> sorted = new ArrayList<>(points);
                    sorted.sort(Integer::compare);
                    List<WorkingInterval> intervals = new ArrayList<>();
                    for (int i = 0; i + 1 < sorted.size(); i += 2) {
                        intervals.add(WorkingInterval.of(quarterHour(sorted.get(i)), quarterHour(sorted.get(i + 1))));
                    }
                    return intervals;
                }));
        Gen<Map<DayOfWeek, List<WorkingInterval>>> week = day.list(7, 7).map(days -> {
            Map<DayOfWeek, List<WorkingInterval>> map = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                map.put(DayOfWeek.of(i + 1), days.get(i));
            }
            if (map.values().stream().allMatch(List::isEmpty)) {
                map.put(DayOfWeek.WEDNESDAY, List.of(WorkingInterval.parse("09:00-17:00")));
            }
            return map;
        });
        Gen<Set<LocalDate>> holidays = Gens.integers(0, 364)
                .map(offset -> LocalDate.of(2026, 1, 1).plusDays(offset)).set(0, 40);
        Gen<BusinessTime> weekly = source -> BusinessTime.of(new BusinessCalendar("random", zones.generate(source),
                false, week.generate(source), holidays.generate(source), Set.of(), List.of()));
        Gen<BusinessTime> always = zones.map(zone -> BusinessTime.of(BusinessCalendar.alwaysOpen("24x7", zone)));
        return Gens.frequency(Gens.weighted(9, weekly), Gens.weighted(1, always));
    }

    /** Quarter hour {@code n} of a day; 96 is the end of the day (24:00). */
    private static LocalTime quarterHour(int n) {
        return n == 96 ? LocalTime.MIDNIGHT : LocalTime.of(n / 4, (n % 4) * 15);
    }
}
