package org.crmkit.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.crmkit.rules.calendar.BusinessTime;

/**
 * The obvious, slow definition of a business-time deadline: step minute by minute from the
 * start and count the minutes that are working time. It is the baseline that
 * {@link BusinessTimeBenchmark} measures {@link BusinessTime#add(Instant, Duration)} against, and
 * the same definition as the reference in crm-rules' property tests. Its cost grows with every
 * minute crossed, working or not.
 */
public final class NaiveMinuteSteppingDeadline {
    private static final long MINUTE_SECONDS = 60;

    private NaiveMinuteSteppingDeadline() {
    }

    /**
     * The moment at which {@code amount} of working time has passed since {@code start}, found by
     * asking {@link BusinessTime#isWorking(Instant)} about each minute.
     *
     * @param time the calendar's arithmetic, used only for {@code isWorking}; not null
     * @param start the start, on a whole minute; not null
     * @param amount the business time to add, whole minutes, zero or more; not null
     * @return the deadline
     * @throws IllegalArgumentException if the start or the amount is not whole minutes, or the amount is negative
     */
    public static Instant add(BusinessTime time, Instant start, Duration amount) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        // Minute steps only see whole minutes; anything finer would make the comparison unfair.
        if (start.getEpochSecond() % MINUTE_SECONDS != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("start must be on a whole minute, was " + start);
        }
        if (amount.isNegative() || amount.toSecondsPart() != 0 || amount.toNanosPart() != 0) {
            throw new IllegalArgumentException("amount must be zero or more whole minutes, was " + amount);
        }
        Instant cursor = start;
        long minutes = amount.toMinutes();
        while (!time.isWorking(cursor)) {
            cursor = cursor.plusSeconds(MINUTE_SECONDS);
        }
        while (minutes > 0) {
            if (time.isWorking(cursor)) {
                minutes--;
            }
            cursor = cursor.plusSeconds(MINUTE_SECONDS);
            if (minutes > 0) {
                while (!time.isWorking(cursor)) {
                    cursor = cursor.plusSeconds(MINUTE_SECONDS);
                }
            }
        }
        return cursor;
    }
}
