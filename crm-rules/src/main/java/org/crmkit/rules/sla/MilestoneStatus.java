package org.crmkit.rules.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one milestone of a case stands at a moment. Immutable and thread-safe.
 *
 * @param milestone the milestone's rule; not null
 * @param cycle 0, or n after the n-th reopening for milestones that restart
 * @param startedAt when its clock started; not null
 * @param dueAt when it is due; while paused, when it would be due if the case resumed now; not null
 * @param metAt when it was met (or the case closed without meeting it), if so by the as-of moment; not null
 * @param metByClosing whether the case was closed without the events that meet the milestone
 * @param status the status at the as-of moment; not null
 * @param elapsed business time the clock has run, without paused time; not null
 * @param paused business time the clock stood still while the case was paused; not null
 * @param remaining business time left before the due time, zero when due; empty once met; not null
 * @param warningAt when the warning threshold is or was reached, if the milestone warns; not null
 */
public record MilestoneStatus(
        Milestone milestone,
        int cycle,
        Instant startedAt,
        Instant dueAt,
        Optional<Instant> metAt,
        boolean metByClosing,
        Status status,
        Duration elapsed,
        Duration paused,
        Optional<Duration> remaining,
        Optional<Instant> warningAt) {

    /** Where a milestone stands; the keys are the {@code status} values of FORMATS.md. */
    public enum Status {
        /** Met, on time or late; also a case closed in time without the events. */
        MET,
        /** Past its due time and not met; also a case closed late without the events. */
        BREACHED,
        /** The clock runs, the warning threshold is not reached. */
        RUNNING,
        /** The case waits on the customer: the clock stands still. */
        PAUSED,
        /** The clock runs and the warning threshold is reached. */
        WARNING;

        /** @return the lower-case key, e.g. {@code "breached"} */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the invariants. */
    public MilestoneStatus {
        Objects.requireNonNull(milestone, "milestone");
        if (cycle < 0) {
            throw new org.crmkit.core.InvalidValueException("cycle must not be negative, was " + cycle);
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(metAt, "metAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(paused, "paused");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(warningAt, "warningAt");
    }

    /** @return the milestone's name */
    public String name() {
        return milestone.name();
    }

    /** @return whether it was met by its due time (false while not met) */
    public boolean metOnTime() {
        return metAt.isPresent() && !metAt.get().isAfter(dueAt);
    }
}
