package org.crmkit.rules.sla;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.CaseEventType;

/**
 * One promise of an SLA target, such as "first response within 1 business hour". The clock runs
 * from the case's opening (or, for milestones that restart, from its last reopening) in the
 * calendar's working time, stops while the case is paused, and stops for good when every event in
 * {@code metBy} has happened. Immutable and thread-safe.
 *
 * @param name the milestone's name, e.g. {@code first_response}; not blank
 * @param within the target duration; more than zero; not null
 * @param calendar the calendar whose working time the clock counts; the 24x7 calendar counts wall-clock time; not null
 * @param metBy the events that together meet the milestone, at the last of them; not empty; not null
 * @param warnAtPercent warn when this share of the target has elapsed, 1 to 99, if set; not null
 * @param warnBefore warn when this much business time is left, if set; not null
 * @param escalateOnWarning who is told at a warning, e.g. {@code team_lead}; not null
 * @param escalateOnBreach who is told at a breach; not null
 * @param restartOnReopen whether a reopening starts this milestone again
 */
public record Milestone(
        String name,
        Duration within,
        BusinessCalendar calendar,
        Set<CaseEventType> metBy,
        Optional<Integer> warnAtPercent,
        Optional<Duration> warnBefore,
        List<String> escalateOnWarning,
        List<String> escalateOnBreach,
        boolean restartOnReopen) {

    /** Checks the invariants. */
    public Milestone {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new InvalidValueException("milestone name must not be blank");
        }
        Objects.requireNonNull(within, "within");
        if (within.isZero() || within.isNegative()) {
            throw new InvalidValueException("milestone " + name + ": within must be more than zero, was " + within);
        }
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(metBy, "metBy");
        if (metBy.isEmpty()) {
            throw new InvalidValueException("milestone " + name + " needs at least one event that meets it");
        }
        metBy = java.util.Collections.unmodifiableSet(EnumSet.copyOf(metBy));
        Objects.requireNonNull(warnAtPercent, "warnAtPercent");
        warnAtPercent.ifPresent(percent -> {
            if (percent < 1 || percent > 99) {
                throw new InvalidValueException("milestone " + name + ": warning percent must be between 1 and 99, was "
                        + percent);
            }
        });
        Objects.requireNonNull(warnBefore, "warnBefore");
        warnBefore.ifPresent(lead -> {
            if (lead.isNegative() || lead.isZero() || lead.compareTo(within) >= 0) {
                throw new InvalidValueException("milestone " + name + ": warning lead time must be more than zero and"
                        + " less than the target " + within + ", was " + lead);
            }
        });
        escalateOnWarning = List.copyOf(Objects.requireNonNull(escalateOnWarning, "escalateOnWarning"));
        escalateOnBreach = List.copyOf(Objects.requireNonNull(escalateOnBreach, "escalateOnBreach"));
    }

    /**
     * A milestone without warning, escalation or restart.
     *
     * @param name the name; not blank
     * @param within the target; not null
     * @param calendar the calendar; not null
     * @param metBy the events that meet it; not null
     * @return the milestone
     */
    public static Milestone of(String name, Duration within, BusinessCalendar calendar, Set<CaseEventType> metBy) {
        return new Milestone(name, within, calendar, metBy, Optional.empty(), Optional.empty(), List.of(), List.of(),
                false);
    }

    /**
     * The business time after the start at which the warning is due: the earlier of the
     * percentage and the lead time.
     *
     * @return the elapsed business time that triggers the warning, if the milestone warns at all
     */
    public Optional<Duration> warningAfter() {
        Optional<Duration> byPercent = warnAtPercent.map(percent -> within.multipliedBy(percent).dividedBy(100));
        Optional<Duration> byLead = warnBefore.map(within::minus);
        if (byPercent.isPresent() && byLead.isPresent()) {
            return Optional.of(byPercent.get().compareTo(byLead.get()) <= 0 ? byPercent.get() : byLead.get());
        }
        return byPercent.or(() -> byLead);
    }
}
