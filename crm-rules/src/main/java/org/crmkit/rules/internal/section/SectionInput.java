package org.crmkit.rules.internal.section;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.rules.internal.section.Node.MapNode;

/**
 * What a section's reader sees: the document's root, a reader whose problems count as this
 * section's, the header values and the calendars. Anything that failed to read is empty here; a
 * reader then skips the checks that need it, because that failure's own problems are already
 * reported. References to other sections are checked after reading, by the section's
 * {@link SectionCheck}.
 */
public final class SectionInput {
    private final Read read;
    private final MapNode root;
    private final Optional<Currency> currency;
    private final Optional<ZoneId> zone;
    private final Optional<LocalDate> effectiveFrom;
    private final Optional<Map<String, BusinessCalendar>> calendars;

    /**
     * Creates the input of one section.
     *
     * @param read reads values and reports to the section's own collector
     * @param root the document's root map
     * @param currency the policy's currency, if it could be read
     * @param zone the policy's time zone, if it could be read
     * @param effectiveFrom the policy's effective date, if it could be read
     * @param calendars every calendar by name with the built-in one, if the calendars could be read
     */
    public SectionInput(Read read, MapNode root, Optional<Currency> currency, Optional<ZoneId> zone,
            Optional<LocalDate> effectiveFrom, Optional<Map<String, BusinessCalendar>> calendars) {
        this.read = Objects.requireNonNull(read, "read");
        this.root = Objects.requireNonNull(root, "root");
        this.currency = currency;
        this.zone = zone;
        this.effectiveFrom = effectiveFrom;
        this.calendars = calendars;
    }

    /** @return reads typed values; its problems are this section's */
    public Read read() {
        return read;
    }

    /** @return the document's root map, for a "required" problem at the root */
    public MapNode root() {
        return root;
    }

    /**
     * A top-level entry of the document; an explicit null counts as absent.
     *
     * @param key the key, one of the section's
     * @return the entry, or empty
     */
    public Optional<Node> node(String key) {
        return read.optional(root, key);
    }

    /** @return the policy's currency, if it could be read */
    public Optional<Currency> currency() {
        return currency;
    }

    /** @return the policy's time zone, if it could be read */
    public Optional<ZoneId> zone() {
        return zone;
    }

    /** @return the policy's effective date, if it could be read */
    public Optional<LocalDate> effectiveFrom() {
        return effectiveFrom;
    }

    /** @return every calendar by name including the built-in one, if the calendars could be read */
    public Optional<Map<String, BusinessCalendar>> calendars() {
        return calendars;
    }

    /** @return a reader of conditions on the metrics, checking amounts against the policy's currency */
    public ConditionReader conditions() {
        return new ConditionReader(read, currency);
    }
}
