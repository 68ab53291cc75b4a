package org.crmkit.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;
import org.crmkit.rules.calendar.BusinessTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A complaint's 48-business-hour deadline on a Shanghai office calendar, computed day by day by
 * {@link BusinessTime#add(Instant, Duration)} and minute by minute by
 * {@link NaiveMinuteSteppingDeadline}, and the business time of the same span measured by
 * {@link BusinessTime#between(Instant, Instant)}.
 *
 * <p>The complaint arrives on Thursday 2026-04-02 at 16:20; the 48 hours cross two weekends and
 * the Qingming holiday on Monday 2026-04-06, and end on Tuesday 2026-04-14 at 10:20. The defaults
 * (one fork, short iterations) keep a plain run to well under a minute; override them on the command line
 * ({@code -f -wi -i -w -r}) for more careful figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BusinessTimeBenchmark {
    /** The complaint's arrival: Thursday afternoon before the Qingming long weekend. */
    static final Instant START = OffsetDateTime.parse("2026-04-02T16:20+08:00").toInstant();
    /** The "resolved within 48 hours" target of the 1-24-48 SLA, in business time. */
    static final Duration TARGET = Duration.ofHours(48);
    /** The Qingming holiday of 2026, a Monday. */
    static final LocalDate HOLIDAY = LocalDate.of(2026, 4, 6);

    // Fields rather than constants, so the JIT cannot fold the inputs into the benchmarked code.
    private BusinessTime office;
    private Instant start;
    private Duration target;
    private Instant deadline;

    /** Builds the calendar and the inputs once per run. */
    @Setup
    public void setUp() {
        office = office();
        start = START;
        target = TARGET;
        deadline = office.add(start, target);
    }

    /** 09:00-12:00 and 13:30-18:00 Monday to Friday in Shanghai, closed on {@link #HOLIDAY}. */
    static BusinessTime office() {
        return BusinessTime.of(BusinessCalendar.weekly("office", ZoneId.of("Asia/Shanghai"),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        List.of(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00")))
                .withSpecialDays(Set.of(HOLIDAY), Set.of(), List.of()));
    }

    /**
     * The deadline by {@link BusinessTime#add(Instant, Duration)}, which walks day by day.
     *
     * @return the deadline
     */
    @Benchmark
    public Instant businessTimeAdd() {
        return office.add(start, target);
    }

    /**
     * The deadline by {@link NaiveMinuteSteppingDeadline}, which walks minute by minute.
     *
     * @return the deadline
     */
    @Benchmark
    public Instant naiveMinuteStepping() {
        return NaiveMinuteSteppingDeadline.add(office, start, target);
    }

    /**
     * The business time from the complaint's arrival to its deadline, 48 hours.
     *
     * @return the business time
     */
    @Benchmark
    public Duration businessTimeBetween() {
        return office.between(start, deadline);
    }
}
