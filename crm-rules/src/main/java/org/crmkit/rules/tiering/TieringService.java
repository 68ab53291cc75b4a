package org.crmkit.rules.tiering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.CustomerMetricsSource;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.policy.PolicyHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiers customers and keeps their assignment history: reads metrics from a
 * {@link CustomerMetricsSource}, decides with a {@link TierEngine}, records a
 * {@link TierAssignment} per customer and as-of day, and publishes {@link TierChanged} when the
 * tier differs from the one stored before.
 *
 * <p>Re-running an evaluation for the same as-of day replaces that day's assignments, builds on
 * the assignment before that day, and publishes no event twice. Thread-safe if the ports are.
 */
public final class TieringService {
    private static final Logger LOG = LoggerFactory.getLogger(TieringService.class);

    private final PolicyHeader header;
    private final TieringPolicy policy;
    private final TierEngine engine;
    private final CustomerMetricsSource metrics;
    private final TierAssignments assignments;
    private final DomainEventPublisher events;
    private final Clock clock;

    private TieringService(Builder builder) {
        this.header = builder.header;
        this.policy = builder.policy;
        this.engine = TierEngine.of(header, policy);
        this.metrics = Objects.requireNonNull(builder.metrics, "metrics");
        this.assignments = Objects.requireNonNull(builder.assignments, "assignments");
        this.events = Objects.requireNonNull(builder.events, "events");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
    }

    /**
     * Starts building a service for a policy.
     *
     * @param header the policy header; not null
     * @param policy the tiering section; not null
     * @return the builder
     */
    public static Builder builder(PolicyHeader header, TieringPolicy policy) {
        return new Builder(header, policy);
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
     * @throws NotFoundException if the metrics source does not know the customer
     */
    public TierDecision evaluate(CustomerId customerId, LocalDate asOf) {
        MetricsQuery query = header.metricsQuery(asOf);
        CustomerMetrics snapshot = metrics.find(customerId, query)
                .orElseThrow(() -> new NotFoundException("Unknown customer '" + customerId + "'"));
        return decideAndRecord(snapshot, clock.instant()).decision();
    }

    /**
     * Tiers every customer.
     *
     * @param asOf the as-of day; not null
     * @return the distribution and the number of changes
     */
    public TierRunSummary evaluateAll(LocalDate asOf) {
        return evaluateAll(asOf, decision -> { });
    }

    /**
     * Tiers every customer and hands each decision to a consumer, in customer id order.
     *
     * @param asOf the as-of day; not null
     * @param each receives every decision; not null
     * @return the distribution and the number of changes
     */
    public TierRunSummary evaluateAll(LocalDate asOf, Consumer<? super TierDecision> each) {
        Objects.requireNonNull(each, "each");
        MetricsQuery query = header.metricsQuery(asOf);
        // Snapshots first: a streaming metrics source must not be re-entered while it streams.
        List<CustomerMetrics> snapshots = new ArrayList<>();
        metrics.forEach(query, snapshots::add);
        Instant now = clock.instant();
        List<Optional<Tier>> outcomes = new ArrayList<>(snapshots.size());
        int changes = 0;
        for (CustomerMetrics snapshot : snapshots) {
            Recorded recorded = decideAndRecord(snapshot, now);
            changes += recorded.changed() ? 1 : 0;
            outcomes.add(recorded.decision().tier());
            each.accept(recorded.decision());
        }
        TierRunSummary summary = new TierRunSummary(asOf, header.ref(), TierDistribution.of(policy, outcomes),
                changes);
        LOG.info("Tiered {} customers as of {} with policy {}: {} changed tier", snapshots.size(), asOf,
                header.ref(), changes);
        return summary;
    }

    private record Recorded(TierDecision decision, boolean changed) {
    }

    private Recorded decideAndRecord(CustomerMetrics snapshot, Instant now) {
        CustomerId id = snapshot.customerId();
        Optional<TierAssignment> previous = assignments.latestBefore(id, snapshot.asOf());
        Optional<TierAssignment> sameDay = assignments.current(id).filter(a -> a.asOf().equals(snapshot.asOf()));
        TierDecision decision = engine.evaluate(snapshot, previous);
        assignments.record(decision.toAssignment(now));
        Optional<Tier> before = previous.flatMap(TierAssignment::tier);
        boolean alreadyPublished = sameDay.isPresent() && sameDay.get().tier().equals(decision.tier());
        if (!before.equals(decision.tier()) && !alreadyPublished) {
            TierChanged.Direction direction = engine.ladder().compare(decision.tier(), before) > 0
                    ? TierChanged.Direction.PROMOTION : TierChanged.Direction.DEMOTION;
            events.publish(new TierChanged(id, before, decision.tier(), direction, snapshot.asOf(), header.ref(),
                    decision.reasons(), now));
            LOG.debug("Customer {} changed tier from {} to {}", id, before, decision.tier());
            return new Recorded(decision, true);
        }
        return new Recorded(decision, false);
    }

    /** Collects what a {@link TieringService} needs; every part is required. */
    public static final class Builder {
        private final PolicyHeader header;
        private final TieringPolicy policy;
        private CustomerMetricsSource metrics;
        private TierAssignments assignments;
        private DomainEventPublisher events;
        private Clock clock;

        private Builder(PolicyHeader header, TieringPolicy policy) {
            this.header = Objects.requireNonNull(header, "header");
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        /**
         * @param source where snapshots come from; not null
         * @return this builder
         */
        public Builder metrics(CustomerMetricsSource source) {
            this.metrics = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param store where assignments are kept; not null
         * @return this builder
         */
        public Builder assignments(TierAssignments store) {
            this.assignments = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param publisher where {@link TierChanged} events go; not null
         * @return this builder
         */
        public Builder events(DomainEventPublisher publisher) {
            this.events = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /**
         * @param time the clock for "today" and for record times; not null
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws NullPointerException naming the part that was not given
         */
        public TieringService build() {
            return new TieringService(this);
        }
    }
}
