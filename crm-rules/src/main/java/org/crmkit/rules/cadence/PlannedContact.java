package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.Tier;

/**
 * A contact placed on the agenda. Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param tier the customer's tier, if any (win-back customers may have none); not null
 * @param date the day of the contact; not null
 * @param channel how; not null
 * @param owner who: a staff id, a team name, or {@code automation}; not null
 * @param rule the cadence rule; not null
 * @param due the day the contact was due; not null
 * @param hours the customer's preferred hours, in the customer's time zone, if stated; not null
 * @param timeZone the time zone the customer stated, in which the preferred hours are meant, if
 *     stated; not null
 * @param slot when on that day the contact suits both the owner and the customer; not null
 * @param reason why the contact is planned, for people; not null
 */
public record PlannedContact(CustomerId customerId, Optional<Tier> tier, LocalDate date, Channel channel, String owner,
        CadenceRule rule, LocalDate due, Optional<LocalTimeRange> hours, Optional<ZoneId> timeZone, ContactSlot slot,
        String reason) {
    /** Checks the invariants. */
    public PlannedContact {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(reason, "reason");
    }
}
