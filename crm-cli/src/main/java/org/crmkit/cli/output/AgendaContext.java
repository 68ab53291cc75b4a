package org.crmkit.cli.output;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * What the writers of planned contacts need besides the contacts. Immutable and thread-safe.
 *
 * @param from the plan's first day, against which contacts count as overdue; not null
 * @param to the plan's last day; not null
 * @param zone the zone the plan's days are counted in (the cadences calendar's), the iCalendar's
 *     {@code VTIMEZONE} when the plan is empty; not null
 * @param calendarName the iCalendar's display name ({@code X-WR-CALNAME}); not null
 * @param stamp when the output was made (the iCalendar's {@code DTSTAMP}): the injected clock's now; not null
 */
public record AgendaContext(LocalDate from, LocalDate to, ZoneId zone,
        String calendarName, Instant stamp) {
    /** Copies and checks. */
    public AgendaContext {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calendarName, "calendarName");
        Objects.requireNonNull(stamp, "stamp");
        if (to.isBefore(from)) {
            throw new InvalidValueException("agenda must not end (" + to + ") before it starts (" + from + ")");
        }
    }
}
