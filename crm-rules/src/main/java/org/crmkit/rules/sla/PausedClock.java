package org.crmkit.rules.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.rules.calendar.BusinessTime;

/**
 * Business time that stands still during pauses: the clock of a milestone. Pauses are closed
 * intervals here; a pause still open at the as-of moment is passed in as ending then.
 */
final class PausedClock {
    /** A pause, start inclusive, end exclusive. */
    record Pause(Instant start, Instant end) {
    }

    private final BusinessTime time;
    private final List<Pause> pauses;

    PausedClock(BusinessTime time, List<Pause> pauses) {
        this.time = time;
        this.pauses = pauses;
    }

    /**
     * The moment at which {@code amount} of running business time has passed since {@code start}.
     * Every pause after the start pushes the moment later by the business time it covers.
     */
    Instant add(Instant start, Duration amount) {
        Instant cursor = start;
        Duration remaining = amount;
        for (Pause pause : pauses) {
            if (!pause.end().isAfter(cursor)) {
                continue;
            }
            if (pause.start().isAfter(cursor)) {
                Duration available = time.between(cursor, pause.start());
                if (!remaining.isZero() && remaining.compareTo(available) <= 0) {
                    return time.add(cursor, remaining);
                }
                remaining = remaining.minus(available);
            }
            cursor = pause.end();
        }
        return time.add(cursor, remaining);
    }

    /** Working time in pauses between {@code start} and {@code end}. */
    Duration paused(Instant start, Instant end) {
        Duration paused = Duration.ZERO;
        for (Pause pause : pauses) {
            Instant from = pause.start().isAfter(start) ? pause.start() : start;
            Instant to = pause.end().isBefore(end) ? pause.end() : end;
            if (to.isAfter(from)) {
                paused = paused.plus(time.between(from, to));
            }
        }
        return paused;
    }
}
