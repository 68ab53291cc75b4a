package org.crmkit.rules.cadence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * When a planned contact can take place: within the owner's working hours, the customer's
 * preferred days and hours in the customer's time zone. Immutable and thread-safe.
 *
 * @param start the first suitable moment; not null
 * @param end the end of the suitable time, after the start; not null
 * @param customerZone the customer's time zone (the calendar's when the customer states none); not null
 */
public record ContactSlot(Instant start, Instant end, ZoneId customerZone) {
    /** Checks the invariants. */
    public ContactSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(customerZone, "customerZone");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("contact slot must end after it starts, was " + start + ".." + end);
        }
    }

    /** @return the start in the customer's time zone */
    public ZonedDateTime localStart() {
        return start.atZone(customerZone);
    }

    /** @return the end in the customer's time zone */
    public ZonedDateTime localEnd() {
        return end.atZone(customerZone);
    }
}
