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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;

class BusinessTimeProperties {
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void aDeadlineNeverFallsOutsideBusinessTime(@ForAll("calendars") BusinessTime time,
            @ForAll("moments") Instant start, @ForAll("amounts") Duration amount) {
        Instant deadline = time.add(start, amount);

        // A deadline lies in working time, or exactly at the end of a working interval.
        boolean inWorkingTime = amount.isZero() ? time.isWorking(deadline) : time.isWorking(deadline.minusNanos(1));
        assertThat(inWorkingTime).isTrue();
        assertThat(deadline).isAfterOrEqualTo(start);
    }

    @Property
    void addingThenMeasuringGivesTheAmountBack(@ForAll("calendars") BusinessTime time,
            @ForAll("moments") Instant start, @ForAll("amounts") Duration amount) {
        assertThat(time.between(start, time.add(start, amount))).isEqualTo(amount);
    }

    @Property
    void deadlinesAreMonotonicInTheTarget(@ForAll("calendars") BusinessTime time, @ForAll("moments") Instant start,
            @ForAll("amounts") Duration shorter, @ForAll("amounts") Duration extra) {
        assertThat(time.add(start, shorter.plus(extra))).isAfterOrEqualTo(time.add(start, shorter));
    }

    @Property
    void measuringIsAdditive(@ForAll("calendars") BusinessTime time, @ForAll("moments") Instant a,
            @ForAll("amounts") Duration ab, @ForAll("amounts") Duration bc) {
        Instant b = a.plus(ab);
        Instant c = b.plus(bc);

        assertThat(time.between(a, b).plus(time.between(b, c))).isEqualTo(time.between(a, c));
    }

    @Property(tries = 300)
    void agreesWithNaiveMinuteSteppingOnWholeMinutes(@ForAll("calendars") BusinessTime time,
            @ForAll("moments") Instant start, @ForAll("amounts") Duration amount) {
        assertThat(time.add(start, amount)).isEqualTo(naiveAdd(time, start, amount));
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

    @Provide
    Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(0, 365L * 24 * 60).map(minute -> YEAR_START.plusSeconds(minute * 60));
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.longs().between(0, 60L * 60).map(Duration::ofMinutes);
    }

    @Provide
    Arbitrary<BusinessTime> calendars() {
        Arbitrary<ZoneId> zones = Arbitraries.of("UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York",
                "Australia/Lord_Howe").map(ZoneId::of);
        Arbitrary<List<WorkingInterval>> day = Arbitraries.integers().between(0, 2).flatMap(count ->
                Arbitraries.integers().between(0, 24 * 4).list().ofSize(count * 2).uniqueElements().map(points -> {
                    List<Integer> sorted = new ArrayList<>(points);
                    sorted.sort(Integer::compare);
                    List<WorkingInterval> intervals = new ArrayList<>();
                    for (int i = 0; i + 1 < sorted.size(); i += 2) {
                        intervals.add(WorkingInterval.of(quarterHour(sorted.get(i)), quarterHour(sorted.get(i + 1))));
                    }
                    return intervals;
                }));
        Arbitrary<Map<DayOfWeek, List<WorkingInterval>>> week = day.list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<WorkingInterval>> map = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                map.put(DayOfWeek.of(i + 1), days.get(i));
            }
            if (map.values().stream().allMatch(List::isEmpty)) {
                map.put(DayOfWeek.WEDNESDAY, List.of(WorkingInterval.parse("09:00-17:00")));
            }
            return map;
        });
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers().between(0, 364)
                .map(offset -> LocalDate.of(2026, 1, 1).plusDays(offset)).set().ofMaxSize(40);
        Arbitrary<BusinessTime> weekly = Combinators.combine(zones, week, holidays).as((zone, hours, off) ->
                BusinessTime.of(new BusinessCalendar("random", zone, false, hours, off, Set.of(), List.of())));
        Arbitrary<BusinessTime> always = zones.map(zone -> BusinessTime.of(BusinessCalendar.alwaysOpen("24x7", zone)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, weekly), net.jqwik.api.Tuple.of(1, always));
    }

    /** Quarter hour {@code n} of a day; 96 is the end of the day (24:00). */
    private static LocalTime quarterHour(int n) {
        return n == 96 ? LocalTime.MIDNIGHT : LocalTime.of(n / 4, (n % 4) * 15);
    }
}
