package org.crmkit.cli.output;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.cadence.Agenda;

/**
 * A line of {@code crm agenda overdue}: a contact due before the plan's first day, with the day
 * it is planned on or the reason it could not be. Immutable and thread-safe.
 *
 * @param contact the overdue contact; not null
 * @param plannedOn the day it is planned on, when planned; not null
 * @param unscheduledReason why it could not be planned, when not; not null
 */
public record OverdueContact(Agenda.Overdue contact, Optional<LocalDate> plannedOn, Optional<String> unscheduledReason) {
    /** Checks the invariants. */
    public OverdueContact {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(plannedOn, "plannedOn");
        Objects.requireNonNull(unscheduledReason, "unscheduledReason");
    }
}
