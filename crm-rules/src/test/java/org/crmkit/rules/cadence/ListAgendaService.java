package org.crmkit.rules.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.model.TierLadder;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CrmStore;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.Policy;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.tiering.TieringPolicy;

/**
 * The agenda service as it was before it streamed, kept unchanged as the reference that
 * {@code AgendaServiceStreamingProperties} compares {@link AgendaService} with: it reads every
 * customer, every metrics snapshot and every case into memory, queries each customer's tier
 * history and interactions, and plans with {@link ListAgendaPlanner}. Plans the agenda from
 * stored data: customers, their stored tiers (the rhythm of a tier begins
 * on the day the customer entered it, or was created if the customer has had no other tier),
 * their interactions, and their complaints open when the first day begins (a complaint is open
 * until resolved or closed, again after a reopening).
 * Customers without a stored tier get no cadence contacts except win-back. Thread-safe if the
 * ports are.
 */
final class ListAgendaService {
    private final PolicyHeader header;
    private final CadencePolicy cadences;
    private final ListAgendaPlanner planner;
    private final Customers customers;
    private final CustomerFactsSource facts;
    private final InteractionLog interactions;
    private final TierAssignments tiers;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;

    private ListAgendaService(PolicyHeader header, CadencePolicy cadences, TierLadder ladder, CrmStore store) {
        this.header = header;
        this.cadences = cadences;
        this.planner = ListAgendaPlanner.of(cadences, ladder);
        this.customers = Objects.requireNonNull(store.customers(), "store.customers()");
        this.facts = Objects.requireNonNull(store.facts(), "store.facts()");
        this.interactions = Objects.requireNonNull(store.interactions(), "store.interactions()");
        this.tiers = Objects.requireNonNull(store.tierAssignments(), "store.tierAssignments()");
        this.cases = Objects.requireNonNull(store.cases(), "store.cases()");
        this.caseEvents = Objects.requireNonNull(store.caseEvents(), "store.caseEvents()");
    }

    /**
     * A service that plans the contacts of a store's customers with a policy's cadences, from the
     * store's customers, facts, interactions, stored tiers, and cases with their events (for the
     * complaints open when the range begins). The ladder of tiers is the policy's.
     *
     * @param policy the policy, which must have a {@code cadences} section; not null
     * @param store where the customers and their records are; not null
     * @return the service
     * @throws IllegalArgumentException if the policy has no cadences section
     */
    static ListAgendaService of(Policy policy, CrmStore store) {
        Objects.requireNonNull(policy, "policy");
        CadencePolicy cadences = policy.find(CadencePolicy.class).orElseThrow(() -> new IllegalArgumentException(
                "Policy '" + policy.ref() + "' has no cadences section to plan contacts with"));
        return new ListAgendaService(policy.header(), cadences, policy.section(TieringPolicy.class).ladder(),
                Objects.requireNonNull(store, "store"));
    }

    /**
     * Plans the agenda of a range of days from the stored data as of its first day.
     *
     * @param from the first day; not null
     * @param to the last day; not null
     * @return the agenda
     */
    Agenda plan(LocalDate from, LocalDate to) {
        MetricsQuery query = header.metricsQuery(from);
        Map<CustomerId, CustomerMetrics> snapshots = new HashMap<>();
        facts.forEach(FactsQuery.metricsOnly(query), found -> snapshots.put(found.customerId(), found.metrics()));
        // Days of the plan are the planner's: in the cadences calendar's zone.
        ZoneId zone = cadences.calendar().zone();
        List<ServiceCase> allCases = new ArrayList<>();
        cases.forEach(allCases::add);
        Set<CustomerId> complaining = ServiceCase.customersWithOpenComplaints(allCases, caseEvents::findByCase,
                from.atStartOfDay(zone).toInstant());
        List<Customer> all = new ArrayList<>();
        customers.forEach(all::add);
        // The planner looks no further back than the rhythm's start and the frequency cap's first window.
        LocalDate capStart = from.minusDays(cadences.frequencyCap().map(cap -> cap.days() - 1L).orElse(0L));
        Instant until = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<CadenceCustomer> inputs = new ArrayList<>();
        for (Customer customer : all) {
            CustomerMetrics snapshot = snapshots.get(customer.id());
            if (snapshot == null) {
                continue; // created after the first day
            }
            List<TierAssignment> history = tiers.history(customer.id()).stream()
                    .filter(assignment -> !assignment.asOf().isAfter(from)).toList();
            Optional<Tier> tier = history.isEmpty() ? Optional.empty() : history.get(history.size() - 1).tier();
            LocalDate rhythmStart = rhythmStart(customer, history);
            Instant since = (rhythmStart.isBefore(capStart) ? rhythmStart : capStart).atStartOfDay(zone).toInstant();
            inputs.add(new CadenceCustomer(customer, tier, rhythmStart,
                    interactions.findByCustomer(customer.id(), since, until), complaining.contains(customer.id()),
                    snapshot, Optional.empty()));
        }
        return planner.plan(from, to, inputs);
    }

    /**
     * The day the customer's current tier began: the first as-of day after a different tier in
     * the history. A customer who has held the tier since the first evaluation has held it, as
     * far as anyone knows, since becoming a customer: the creation day.
     */
    private static LocalDate rhythmStart(Customer customer, List<TierAssignment> history) {
        if (history.isEmpty()) {
            return customer.createdOn();
        }
        Optional<Tier> current = history.get(history.size() - 1).tier();
        for (int i = history.size() - 2; i >= 0; i--) {
            if (!history.get(i).tier().equals(current)) {
                return history.get(i + 1).asOf();
            }
        }
        return customer.createdOn();
    }
}
