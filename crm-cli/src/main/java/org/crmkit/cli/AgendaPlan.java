package org.crmkit.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;

/**
 * One planning run of {@code crm agenda} and its subcommands: the agenda and what the summary
 * says about how it was made. Immutable and thread-safe.
 *
 * @param policy the policy; not null
 * @param agenda the agenda of all owners; not null
 * @param owner the owner whose contacts are written, if {@code --owner} was given; not null
 * @param customers the customers planned for: those created by the first day
 * @param createdLater customers created after the first day, left out
 * @param openComplaints customers with a complaint open at the start of the first day
 * @param zones the time zones customers stated; not null
 * @param tierSource how tiers were decided, for the summary; not null
 */
record AgendaPlan(Policy policy, Agenda agenda, Optional<String> owner, int customers, int createdLater,
        int openComplaints, Map<CustomerId, ZoneId> zones, String tierSource) {

    AgendaPlan {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(agenda, "agenda");
        Objects.requireNonNull(owner, "owner");
        zones = Map.copyOf(zones);
        Objects.requireNonNull(tierSource, "tierSource");
    }

    LocalDate from() {
        return agenda.from();
    }

    LocalDate to() {
        return agenda.to();
    }

    /** @return the zone the plan's days are counted in: the cadences calendar's, as the planner counts them */
    ZoneId zone() {
        return policy.find(CadencePolicy.class).orElseThrow().calendar().zone();
    }

    /** @return the planned contacts of the chosen owner, or all */
    List<PlannedContact> planned() {
        return agenda.planned().stream().filter(contact -> ownerWanted(contact.owner())).toList();
    }

    /** @return the unscheduled contacts of the chosen owner, or all */
    List<UnscheduledContact> unscheduled() {
        return agenda.unscheduled().stream().filter(contact -> ownerWanted(contact.owner())).toList();
    }

    /** @return the overdue contacts of the chosen owner, or all, most overdue first */
    List<Agenda.Overdue> overdue() {
        return agenda.overdue().stream().filter(item -> ownerWanted(item.owner())).toList();
    }

    /** @return whether the owner's contacts are written */
    boolean ownerWanted(String name) {
        return owner.map(name::equals).orElse(true);
    }
}
