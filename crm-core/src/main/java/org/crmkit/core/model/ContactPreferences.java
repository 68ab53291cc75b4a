package org.crmkit.core.model;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;

/**
 * How a customer wants to be contacted: time zone, preferred channel, days and hours, and the
 * channels that must never be used. Empty preferences mean "no preference". Immutable and
 * thread-safe.
 *
 * @param timeZone the customer's time zone, if known; not null
 * @param preferredChannel the channel the customer prefers, if any; not null
 * @param preferredDays the days the customer prefers; empty for no preference; not null
 * @param preferredHours the hours the customer prefers, in the customer's time zone; not null
 * @param doNotContact channels that must never be used; not null
 */
public record ContactPreferences(
        Optional<ZoneId> timeZone,
        Optional<Channel> preferredChannel,
        Set<DayOfWeek> preferredDays,
        Optional<LocalTimeRange> preferredHours,
        Set<Channel> doNotContact) {

    private static final ContactPreferences NONE = new ContactPreferences(
            Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Set.of());

    /**
     * Copies the sets. A preferred channel may also be on the do-not-contact list (ERP exports
     * hold such records); do-not-contact always wins, see {@link #usablePreferredChannel()}.
     */
    public ContactPreferences {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(preferredChannel, "preferredChannel");
        Objects.requireNonNull(preferredHours, "preferredHours");
        preferredDays = immutableEnumSet(Objects.requireNonNull(preferredDays, "preferredDays"), DayOfWeek.class);
        doNotContact = immutableEnumSet(Objects.requireNonNull(doNotContact, "doNotContact"), Channel.class);
    }

    /** @return preferences that state nothing */
    public static ContactPreferences none() {
        return NONE;
    }

    /**
     * Tells whether a channel may be used.
     *
     * @param channel the channel; not null
     * @return false when the channel is on the do-not-contact list
     */
    public boolean allows(Channel channel) {
        return !doNotContact.contains(Objects.requireNonNull(channel, "channel"));
    }

    /** @return the preferred channel unless the do-not-contact list blocks it */
    public Optional<Channel> usablePreferredChannel() {
        return preferredChannel.filter(this::allows);
    }

    /**
     * Copy with another time zone.
     *
     * @param zone the zone; not null
     * @return the copy
     */
    public ContactPreferences withTimeZone(ZoneId zone) {
        return new ContactPreferences(Optional.of(zone), preferredChannel, preferredDays, preferredHours, doNotContact);
    }

    /**
     * Copy with another preferred channel.
     *
     * @param channel the channel; not null
     * @return the copy
     */
    public ContactPreferences withPreferredChannel(Channel channel) {
        return new ContactPreferences(timeZone, Optional.of(channel), preferredDays, preferredHours, doNotContact);
    }

    /**
     * Copy with other preferred days.
     *
     * @param days the days; not null
     * @return the copy
     */
    public ContactPreferences withPreferredDays(Set<DayOfWeek> days) {
        return new ContactPreferences(timeZone, preferredChannel, days, preferredHours, doNotContact);
    }

    /**
     * Copy with other preferred hours.
     *
     * @param hours the hours; not null
     * @return the copy
     */
    public ContactPreferences withPreferredHours(LocalTimeRange hours) {
        return new ContactPreferences(timeZone, preferredChannel, preferredDays, Optional.of(hours), doNotContact);
    }

    /**
     * Copy with another do-not-contact list.
     *
     * @param channels the blocked channels; not null
     * @return the copy
     */
    public ContactPreferences withDoNotContact(Set<Channel> channels) {
        return new ContactPreferences(timeZone, preferredChannel, preferredDays, preferredHours, channels);
    }

    /**
     * Parses a {@code ;}-separated list of days such as {@code "SAT;SUN"}; three-letter
     * abbreviations and full English names are accepted in any case. Blank means no days; empty
     * entries ({@code "MON;;TUE"}) are ignored.
     *
     * @param text the list; not null
     * @return the days
     * @throws InvalidValueException naming the bad entry
     */
    public static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : splitList(text)) {
            days.add(parseDay(part));
        }
        return Collections.unmodifiableSet(days);
    }

    /**
     * Parses a {@code ;}-separated list of channels such as {@code "sms;email"}, or {@code all}
     * for every channel. Blank means none; empty entries are ignored.
     *
     * @param text the list; not null
     * @return the channels
     * @throws InvalidValueException naming the bad entry
     */
    public static Set<Channel> parseChannels(String text) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String part : splitList(text)) {
            if (part.equalsIgnoreCase("all")) {
                channels.addAll(EnumSet.allOf(Channel.class));
            } else {
                channels.add(Channel.parse(part));
            }
        }
        return Collections.unmodifiableSet(channels);
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(Objects.requireNonNull(text, "text").split(";", -1)).map(String::strip)
                .filter(part -> !part.isEmpty()).toList();
    }

    private static DayOfWeek parseDay(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        throw new InvalidValueException("Unknown day '" + text + "', expected MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    private static <E extends Enum<E>> Set<E> immutableEnumSet(Set<E> values, Class<E> type) {
        Set<E> copy = EnumSet.noneOf(type);
        for (E value : values) {
            copy.add(Objects.requireNonNull(value, "set element"));
        }
        return Collections.unmodifiableSet(copy);
    }
}
