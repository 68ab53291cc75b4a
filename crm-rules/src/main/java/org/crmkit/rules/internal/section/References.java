package org.crmkit.rules.internal.section;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.Tier;

/**
 * What a section's {@link SectionCheck} checks its references against: the policy's tiers and
 * calendars, and where it reports a reference that the policy does not define. The loader and
 * {@code Policy.Builder} both check through it, so that a policy built in code gets the
 * messages a file gets; only where a message is located differs (a line of the file, or none).
 *
 * <p>What could not be read is empty, and the checks that need it are skipped: its own problems
 * are reported, and the names it would define are unknown.
 */
public final class References {
    /** Receives each reference the policy does not define, at its path in the document. */
    public interface Report {
        /**
         * Reports a problem at a path.
         *
         * @param path e.g. {@code cadences.tiers.platinum}
         * @param message what is wrong, quoting the name
         */
        void at(String path, String message);

        /**
         * Reports a problem with an item of a list of names. A document may repeat a name, which
         * its section keeps once: the loader reports at the item that gives this name first.
         *
         * @param listPath the list's path, e.g. {@code sla.targets[0].when.tiers}
         * @param index the item's position among the section's distinct names
         * @param name the item's name
         * @param message what is wrong, quoting the name
         */
        default void atItem(String listPath, int index, String name, String message) {
            at(listPath + "[" + index + "]", message);
        }
    }

    private final Optional<List<Tier>> tiers;
    private final Optional<Map<String, BusinessCalendar>> calendars;
    private final Report report;

    /**
     * Creates the references of one policy.
     *
     * @param tiers the tiers in ladder order, or empty when they could not be read
     * @param calendars every calendar by name, in policy order with the built-in one last, or empty
     *     when they could not be read
     * @param report receives the problems
     */
    public References(Optional<List<Tier>> tiers, Optional<Map<String, BusinessCalendar>> calendars, Report report) {
        this.tiers = Objects.requireNonNull(tiers, "tiers");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * Checks that a tier named at a path is one of the policy's.
     *
     * @param path where the tier is named, e.g. {@code cadences.tiers.platinum}
     * @param tier the tier
     */
    public void tier(String path, Tier tier) {
        tiers.filter(known -> !known.contains(tier)).ifPresent(known -> report.at(path, Read.unknown("tier", tier, known)));
    }

    /**
     * Checks that every tier of a list is one of the policy's.
     *
     * @param listPath where the list is, e.g. {@code sla.targets[0].when.tiers}
     * @param named the tiers, in the list's order
     */
    public void tiers(String listPath, Collection<Tier> named) {
        int index = 0;
        for (Tier tier : named) {
            int at = index++;
            tiers.filter(known -> !known.contains(tier))
                    .ifPresent(known -> report.atItem(listPath, at, tier.name(), Read.unknown("tier", tier, known)));
        }
    }

    /**
     * Checks that a calendar a section uses is the policy's calendar of its name: a file names
     * one the policy defines, and code must hold the very calendar the policy has.
     *
     * @param path where the calendar is named, e.g. {@code cadences.calendar}
     * @param calendar the calendar
     */
    public void calendar(String path, BusinessCalendar calendar) {
        calendars.ifPresent(known -> {
            BusinessCalendar defined = known.get(calendar.name());
            if (defined == null) {
                report.at(path, Read.unknown("calendar", calendar.name(), known.keySet()));
            } else if (!defined.equals(calendar)) {
                report.at(path, "calendar '" + calendar.name() + "' is not the policy's calendar of that name; use"
                        + " the one the policy holds");
            }
        });
    }
}
