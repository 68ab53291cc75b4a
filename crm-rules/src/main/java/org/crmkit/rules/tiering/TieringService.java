package org.crmkit.rules.tiering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.CrmStore;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.Policy;
import org.crmkit.rules.policy.PolicyHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiers customers and keeps their assignment history: reads metrics from a
 * {@link CustomerFactsSource}, decides with a {@link TierEngine}, records a
 * {@link TierAssignment} per customer and as-of day, and publishes {@link TierChanged} when the
 * tier differs from the one stored before.
 *
 * <p>A customer's first assignment publishes a {@code TierChanged} of direction
 * {@code ASSIGNED}. Re-running an evaluation for the same as-of day replaces that day's
 * assignments, builds on the assignment before that day, and publishes only what differs from
 * the earlier run. Thread-safe if the ports are; a run is not atomic against storage failures
 * (ports have no transactions), but a conflict with later assignments is found before anything
 * is written.
 *
 * <p>Each assignment is recorded with optimistic locking ({@link TierAssignments#record(TierAssignment,
 * Optional)}): if another writer, such as the nightly tiering job, stored an assignment of the
 * customer between this service's reading of the customer's assignments and its recording, the
 * write is refused with a {@link ConcurrentUpdateException} naming the customer and the day, and
 * nothing of that customer is recorded or published; what was recorded for earlier customers
 * stays. Evaluating the customer again decides against what is stored now.
 */
public final class TieringService {
    private static final Logger LOG = LoggerFactory.getLogger(TieringService.class);

    private final PolicyHeader header;
    private final TieringPolicy policy;
    private final TierEngine engine;
    private final CustomerFactsSource facts;
    private final TierAssignments assignments;
    private final DomainEventPublisher events;
    private final Clock clock;

    private TieringService(Policy policy, CrmStore store, DomainEventPublisher events, Clock clock) {
        this.header = policy.header();
        this.policy = policy.section(TieringPolicy.class);
        this.engine = TierEngine.of(policy);
        this.facts = Objects.requireNonNull(store.facts(), "store.facts()");
        this.assignments = Objects.requireNonNull(store.tierAssignments(), "store.tierAssignments()");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A service that tiers with a policy's tiering section the customers of a store: their facts
     * from {@link CrmStore#facts()}, their assignments kept in {@link CrmStore#tierAssignments()}.
     *
     * @param policy the policy; not null
     * @param store where the customers' records and tier history are; not null
     * @param events where {@link TierChanged} events go; not null
     * @param clock the clock for "today" and for record times; not null
     * @return the service
     */
    public static TieringService of(Policy policy, CrmStore store, DomainEventPublisher events, Clock clock) {
        return new TieringService(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(store, "store"),
                events, clock);
    }

    /** @return today in the policy's time zone, from the injected clock */
    public LocalDate today() {
        return header.today(clock);
    }

    /** @return the engine this service decides with */
    public TierEngine engine() {
        return engine;
    }

    /**
     * Tiers one customer, records the assignment and publishes a change.
     *
     * @param customerId the customer; not null
     * @param asOf the as-of day; not null
     * @return the decision
     * @throws NotFoundException if the facts source does not know the customer
     * @throws ConcurrentUpdateException if an assignment for a later day is already stored, or
     *     another writer stored one of the customer while this evaluation decided; nothing is then recorded
     */
    public TierDecision evaluate(CustomerId customerId, LocalDate asOf) {
        MetricsQuery query = header.metricsQuery(asOf);
        CustomerMetrics snapshot = facts.find(customerId, FactsQuery.metricsOnly(query)).map(CustomerFacts::metrics)
                .orElseThrow(() -> new NotFoundException("Unknown customer '" + customerId + "'"));
        Pending pending = decide(snapshot);
        if (pending.conflict()) {
            throw conflict(asOf, List.of(pending));
        }
        record(pending, clock.instant());
        return pending.decision();
    }

    /**
     * Tiers every customer.
     *
     * @param asOf the as-of day; not null
     * @return the distribution and the number of changes
     * @throws ConcurrentUpdateException if assignments for a later day are stored; nothing is then recorded
     */
    public TierRunSummary evaluateAll(LocalDate asOf) {
        return evaluateAll(asOf, decision -> { });
    }

    /**
     * Tiers every customer and hands each decision to a consumer, in customer id order.
     *
     * <p>Every customer is decided, and every stored history checked, before anything is
     * recorded or published: a run that conflicts with later assignments changes nothing.
     *
     * @param asOf the as-of day; not null
     * @param each receives every decision; not null
     * @return the distribution and the number of changes
     * @throws ConcurrentUpdateException if assignments for a later day are stored (nothing is then
     *     recorded), or another writer stored an assignment of a customer after this run read it (the
     *     customers before it stay recorded)
     */
    public TierRunSummary evaluateAll(LocalDate asOf, Consumer<? super TierDecision> each) {
        Objects.requireNonNull(each, "each");
        MetricsQuery query = header.metricsQuery(asOf);
        // Snapshots first: a streaming facts source must not be re-entered while it streams.
        List<CustomerMetrics> snapshots = new ArrayList<>();
        facts.forEach(FactsQuery.metricsOnly(query), found -> snapshots.add(found.metrics()));
        List<Pending> pending = new ArrayList<>(snapshots.size());
        List<Pending> conflicts = new ArrayList<>();
        for (CustomerMetrics snapshot : snapshots) {
            Pending decided = decide(snapshot);
            pending.add(decided);
            if (decided.conflict()) {
                conflicts.add(decided);
            }
        }
        if (!conflicts.isEmpty()) {
            throw conflict(asOf, conflicts);
        }
        Instant now = clock.instant();
        List<Optional<Tier>> outcomes = new ArrayList<>(pending.size());
        int changes = 0;
        for (Pending decided : pending) {
            changes += record(decided, now) ? 1 : 0;
            outcomes.add(decided.decision().tier());
            each.accept(decided.decision());
        }
        LOG.info("Tiered {} customers as of {} with policy {}: {} changed tier", pending.size(), asOf,
                header.ref(), changes);
        return new TierRunSummary(asOf, header.ref(), TierDistribution.of(policy, outcomes), changes);
    }

    /** A decision with the stored state it was made against, not yet recorded. */
    private record Pending(TierDecision decision, Optional<TierAssignment> previous,
            Optional<TierAssignment> current) {
        /** @return true when an assignment for a later day is stored */
        boolean conflict() {
            return current.isPresent() && current.get().asOf().isAfter(decision.asOf());
        }

        /** @return the assignment this day's earlier run stored, if the day is evaluated again */
        Optional<TierAssignment> sameDay() {
            return current.filter(assignment -> assignment.asOf().equals(decision.asOf()));
        }
    }

    private Pending decide(CustomerMetrics snapshot) {
        CustomerId id = snapshot.customerId();
        Optional<TierAssignment> previous = assignments.latestBefore(id, snapshot.asOf());
        Optional<TierAssignment> current = assignments.current(id);
        return new Pending(engine.evaluate(snapshot, previous), previous, current);
    }

    /**
     * Records the decision and publishes a change against what subscribers last heard: the
     * tier of this day's earlier run if the day is evaluated again, else the stored tier before it.
     *
     * @return true when a change was published
     */
    private boolean record(Pending pending, Instant now) {
        TierDecision decision = pending.decision();
        // Optimistic locking: refused if another writer (the nightly job, another service) stored an
        // assignment of the customer since decide() read it, which this decision did not see.
        assignments.record(decision.toAssignment(now), pending.current());
        Optional<TierChanged> change = engine.change(decision, pending.sameDay().or(pending::previous), now);
        change.ifPresent(event -> {
            events.publish(event);
            LOG.debug("Customer {} changed tier from {} to {}", event.customerId(), event.from(), event.to());
        });
        return change.isPresent();
    }

    private static ConcurrentUpdateException conflict(LocalDate asOf, List<Pending> conflicts) {
        String examples = conflicts.stream().limit(5)
                .map(pending -> "'" + pending.decision().customerId() + "' (" + pending.current().orElseThrow().asOf() + ")")
                .collect(Collectors.joining(", "));
        return new ConcurrentUpdateException("Cannot tier as of " + asOf + ": " + conflicts.size()
                + (conflicts.size() == 1 ? " customer has" : " customers have") + " an assignment for a later day: "
                + examples + (conflicts.size() > 5 ? ", ..." : "") + "; nothing was recorded");
    }
}
