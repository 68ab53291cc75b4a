package org.crmkit.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --as-of} of {@code crm sla}: a moment with an offset, or a day meaning the end of
 * that day in the policy's time zone, so that everything that happened on it counts. Immutable
 * and thread-safe.
 *
 * @param moment the moment, if a timestamp was given; not null
 * @param day the day, if a date was given; not null
 */
record AsOfMoment(Optional<OffsetDateTime> moment, Optional<LocalDate> day) {
    AsOfMoment {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(day, "day");
        if (moment.isPresent() == day.isPresent()) {
            throw new IllegalArgumentException("exactly one of moment and day");
        }
    }

    static AsOfMoment of(OffsetDateTime moment) {
        return new AsOfMoment(Optional.of(moment), Optional.empty());
    }

    static AsOfMoment of(LocalDate day) {
        return new AsOfMoment(Optional.empty(), Optional.of(day));
    }

    /**
     * The instant meant.
     *
     * @param zone the policy's zone, where a day ends
     * @return the moment, or the last instant of the day (one nanosecond before the next midnight)
     */
    Instant resolve(ZoneId zone) {
        return moment.map(OffsetDateTime::toInstant)
                .orElseGet(() -> endOfDay(day.orElseThrow(), zone));
    }

    /** The last instant of a day in a zone: what happened at any moment of the day counts. */
    static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
}
