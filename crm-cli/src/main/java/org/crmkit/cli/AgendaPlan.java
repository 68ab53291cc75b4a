package org.crmkit.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.AgendaPlanner;
import org.crmkit.rules.cadence.AgendaSink;
import org.crmkit.rules.cadence.CadenceCustomerSource;
import org.crmkit.rules.cadence.CadencePolicy;

/**
 * One planning run of {@code crm agenda} and its subcommands, its input read and checked: what
 * is planned for whom, and what the summary says about how. {@link #run} plans and hands the
 * results to a sink as they are decided, so that the commands write them out as they come.
 * Immutable and thread-safe, if the customers' source is.
 *
 * @param policy the policy; not null
 * @param planner the policy's planner; not null
 * @param from the plan's first day; not null
 * @param to the plan's last day; not null
 * @param planned the customers planned for, handed over one at a time; not null
 * @param owner the owner whose contacts are written, if {@code --owner} was given; not null
 * @param customers the customers planned for: those created by the first day
 * @param createdLater customers created after the first day, left out
 * @param openComplaints customers with a complaint open at the start of the first day
 * @param zones the time zones customers stated; not null
 * @param tierSource how tiers were decided, for the summary; not null
 */
record AgendaPlan(Policy policy, AgendaPlanner planner, LocalDate from, LocalDate to, CadenceCustomerSource planned,
        Optional<String> owner, int customers, int createdLater, int openComplaints, Map<CustomerId, ZoneId> zones,
        String tierSource) {

    AgendaPlan {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(owner, "owner");
        zones = Map.copyOf(zones);
        Objects.requireNonNull(tierSource, "tierSource");
    }

    /** @return the zone the plan's days are counted in: the cadences calendar's, as the planner counts them */
    ZoneId zone() {
        return policy.find(CadencePolicy.class).orElseThrow().calendar().zone();
    }

    /**
     * Plans the days and hands the results to the sink as they are decided, in the planner's order.
     *
     * @param sink receives the contacts and assignments of all owners
     */
    void run(AgendaSink sink) {
        planner.plan(from, to, planned, sink);
    }

    /** @return whether the owner's contacts are written */
    boolean ownerWanted(String name) {
        return owner.map(name::equals).orElse(true);
    }
}
