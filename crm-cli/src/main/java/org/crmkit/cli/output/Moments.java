package org.crmkit.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How the SLA outputs write moments and durations. */
final class Moments {
    private Moments() {
    }

    /**
     * A moment as ISO-8601 with the offset of a zone, seconds always written and fractions only
     * when there are some: {@code 2026-03-02T10:15:00+08:00}.
     */
    static String moment(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    static @Nullable String moment(Optional<Instant> instant, ZoneId zone) {
        return instant.map(at -> moment(at, zone)).orElse(null);
    }

    /**
     * A duration as ISO-8601 ({@code PT40M}), rounded half up to whole seconds: a date as-of is the
     * last nanosecond of its day, and nobody wants to read {@code PT59M59.999999999S}.
     */
    static String duration(Duration duration) {
        Duration rounded = Duration.ofSeconds(duration.getSeconds() + (duration.getNano() >= 500_000_000 ? 1 : 0));
        return rounded.toString();
    }

    static @Nullable String duration(Optional<Duration> duration) {
        return duration.map(Moments::duration).orElse(null);
    }
}
