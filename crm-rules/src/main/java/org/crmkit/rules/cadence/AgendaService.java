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
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.policy.PolicyHeader;

/**
 * Plans the agenda from stored data: customers, their stored tiers (the rhythm of a tier begins
 * on the day the customer entered it, or was created if the customer has had no other tier),
 * their interactions, and their complaints open when the first day begins (a complaint is open
 * until resolved or closed, again after a reopening).
 * Customers without a stored tier get no cadence contacts except win-back. Thread-safe if the
 * ports are.
 */
public final class AgendaService {
    private final PolicyHeader header;
    private final CadencePolicy cadences;
    private final AgendaPlanner planner;
    private final Customers customers;
    private final CustomerFactsSource facts;
    private final InteractionLog interactions;
    private final TierAssignments tiers;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;

    private AgendaService(Builder builder) {
        this.header = builder.header;
        this.cadences = builder.cadences;
        this.planner = AgendaPlanner.of(builder.cadences, builder.ladder);
        this.customers = Objects.requireNonNull(builder.customers, "customers");
        this.facts = Objects.requireNonNull(builder.facts, "facts");
        this.interactions = Objects.requireNonNull(builder.interactions, "interactions");
        this.tiers = Objects.requireNonNull(builder.tiers, "tiers");
        this.cases = Objects.requireNonNull(builder.cases, "cases");
        this.caseEvents = Objects.requireNonNull(builder.caseEvents, "caseEvents");
    }

    /**
     * Starts building a service.
     *
     * @param header the policy header; not null
     * @param cadences the cadences section; not null
     * @param ladder the policy's tiers in rank order; not null
     * @return the builder
     */
    public static Builder builder(PolicyHeader header, CadencePolicy cadences, TierLadder ladder) {
        return new Builder(header, cadences, ladder);
    }

    /**
     * Plans the agenda of a range of days from the stored data as of its first day.
     *
     * @param from the first day; not null
     * @param to the last day; not null
     * @return the agenda
     */
    public Agenda plan(LocalDate from, LocalDate to) {
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

    /** Collects what an {@link AgendaService} needs; every part is required. */
    public static final class Builder {
        private final PolicyHeader header;
        private final CadencePolicy cadences;
        private final TierLadder ladder;
        private Customers customers;
        private CustomerFactsSource facts;
        private InteractionLog interactions;
        private TierAssignments tiers;
        private ServiceCases cases;
        private CaseEventLog caseEvents;

        private Builder(PolicyHeader header, CadencePolicy cadences, TierLadder ladder) {
            this.header = Objects.requireNonNull(header, "header");
            this.cadences = Objects.requireNonNull(cadences, "cadences");
            this.ladder = Objects.requireNonNull(ladder, "ladder");
        }

        /**
         * @param store the customers; not null
         * @return this builder
         */
        public Builder customers(Customers store) {
            this.customers = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param source the customers' facts, whose metrics the win-back condition tests; not null
         * @return this builder
         */
        public Builder facts(CustomerFactsSource source) {
            this.facts = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param log the actual interactions; not null
         * @return this builder
         */
        public Builder interactions(InteractionLog log) {
            this.interactions = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * @param assignments the stored tiers and their history; not null
         * @return this builder
         */
        public Builder tiers(TierAssignments assignments) {
            this.tiers = Objects.requireNonNull(assignments, "assignments");
            return this;
        }

        /**
         * @param store the service cases, for open complaints; not null
         * @return this builder
         */
        public Builder cases(ServiceCases store) {
            this.cases = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param log the cases' events; not null
         * @return this builder
         */
        public Builder caseEvents(CaseEventLog log) {
            this.caseEvents = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws NullPointerException naming the part that was not given
         */
        public AgendaService build() {
            return new AgendaService(this);
        }
    }
}
