package org.crmkit.rules.cadence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.StaffId;

/**
 * The people of one owner kind and what each can do in a day: contacts per channel. Account
 * managers are the ones named on customers plus any listed here; teams are their members.
 * Immutable and thread-safe.
 *
 * @param kind the owner kind; not null
 * @param members the members; for account managers, extra ones beyond those named on customers; not null
 * @param dailyCapacity contacts per member per day by channel; a missing channel means no limit; not null
 * @param calendar the owners' working time, if it differs from the cadences calendar; not null
 */
public record OwnerPool(OwnerKind kind, List<StaffId> members, Map<Channel, Integer> dailyCapacity,
        Optional<BusinessCalendar> calendar) {
    /** Copies and checks. */
    public OwnerPool {
        Objects.requireNonNull(kind, "kind");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        Objects.requireNonNull(dailyCapacity, "dailyCapacity").forEach((channel, limit) -> {
            if (limit < 0) {
                throw new InvalidValueException(kind.key() + " capacity for " + channel.key()
                        + " must not be negative, was " + limit);
            }
            capacity.put(channel, limit);
        });
        dailyCapacity = java.util.Collections.unmodifiableMap(capacity);
        Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * A pool without members or limits.
     *
     * @param kind the owner kind; not null
     * @return the pool
     */
    public static OwnerPool unlimited(OwnerKind kind) {
        return new OwnerPool(kind, List.of(), Map.of(), Optional.empty());
    }

    /**
     * The daily limit of a channel per member.
     *
     * @param channel the channel; not null
     * @return the limit, or empty for no limit
     */
    public Optional<Integer> capacity(Channel channel) {
        return Optional.ofNullable(dailyCapacity.get(channel));
    }
}
