package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Tier;

/**
 * The contacts planned for a range of days, those that could not be planned with their reasons,
 * and the account managers assigned on the way. Immutable and thread-safe.
 *
 * @param from the first day; not null
 * @param to the last day; not null
 * @param planned the planned contacts, by day, then owner, then customer; not null
 * @param unscheduled the due contacts that could not be placed; not null
 * @param assignments account managers assigned to customers without one; not null
 */
public record Agenda(LocalDate from, LocalDate to, List<PlannedContact> planned, List<UnscheduledContact> unscheduled,
        List<ManagerAssignment> assignments) {

    /** Copies the lists. */
    public Agenda {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        planned = List.copyOf(planned);
        unscheduled = List.copyOf(unscheduled);
        assignments = List.copyOf(assignments);
    }

    /**
     * A contact that was due before the plan's first day.
     *
     * @param customerId the customer; not null
     * @param tier the customer's tier, if any; not null
     * @param rule the rule's name; not null
     * @param owner the owner it is planned for (or would be); not null
     * @param due the day it was due; not null
     * @param daysOverdue days between the due day and the plan's first day
     * @param planned whether it is on the agenda
     */
    public record Overdue(CustomerId customerId, Optional<Tier> tier, String rule, String owner, LocalDate due,
            long daysOverdue, boolean planned) {

        /**
         * The order of {@link Agenda#overdue()}: most overdue first, then by owner and customer.
         * Stable sorts keep the planned contacts of a tie ahead of the unscheduled ones when they
         * come first, as they do from an {@link AgendaSink}.
         */
        public static final Comparator<Overdue> ORDER = Comparator.comparingLong(Overdue::daysOverdue).reversed()
                .thenComparing(Overdue::owner).thenComparing(Overdue::customerId);

        /**
         * The overdue entry of a planned contact.
         *
         * @param contact the contact; not null
         * @param from the plan's first day; not null
         * @return the entry, or empty if the contact was not due before the first day
         */
        public static Optional<Overdue> of(PlannedContact contact, LocalDate from) {
            return contact.due().isBefore(from) ? Optional.of(new Overdue(contact.customerId(), contact.tier(),
                    contact.rule().name(), contact.owner(), contact.due(), ChronoUnit.DAYS.between(contact.due(), from),
                    true)) : Optional.empty();
        }

        /**
         * The overdue entry of a contact that could not be planned.
         *
         * @param contact the contact; not null
         * @param from the plan's first day; not null
         * @return the entry, or empty if the contact was not due before the first day
         */
        public static Optional<Overdue> of(UnscheduledContact contact, LocalDate from) {
            return contact.due().isBefore(from) ? Optional.of(new Overdue(contact.customerId(), contact.tier(),
                    contact.rule().name(), contact.owner(), contact.due(), ChronoUnit.DAYS.between(contact.due(), from),
                    false)) : Optional.empty();
        }
    }

    /** @return the contacts due before the first day, most overdue first, then by owner and customer */
    public List<Overdue> overdue() {
        List<Overdue> overdue = new ArrayList<>();
        planned.forEach(contact -> Overdue.of(contact, from).ifPresent(overdue::add));
        unscheduled.forEach(contact -> Overdue.of(contact, from).ifPresent(overdue::add));
        overdue.sort(Overdue.ORDER);
        return List.copyOf(overdue);
    }
}
