package org.crmkit.rules.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.core.port.PublishedEvents;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.policy.PolicyHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the SLAs of stored cases and publishes their warnings, breaches and met milestones
 * once each, however often it runs: every event's key is marked in {@link PublishedEvents}
 * before the event is published. That is at-most-once delivery: if the publisher fails, the
 * event is not offered again. Applications that must not lose one publish into a transactional
 * outbox (a publisher that writes to the same database as {@code PublishedEvents}). Events tell
 * what the history known at an evaluation says: when events are recorded late (a response
 * entered after a breach was published), the published breach is not taken back and no second
 * breach with another due time follows, since each key goes out once; the statuses of the next
 * evaluation are always current. The customer's tier is the one stored on or before the as-of
 * day. Thread-safe if the ports are.
 */
public final class SlaService {
    private static final Logger LOG = LoggerFactory.getLogger(SlaService.class);

    private final PolicyHeader header;
    private final SlaEngine engine;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;
    private final TierAssignments tiers;
    private final PublishedEvents published;
    private final DomainEventPublisher events;
    private final Clock clock;

    private SlaService(Builder builder) {
        this.header = builder.header;
        this.engine = SlaEngine.of(header.ref(), builder.sla);
        this.cases = Objects.requireNonNull(builder.cases, "cases");
        this.caseEvents = Objects.requireNonNull(builder.caseEvents, "caseEvents");
        this.tiers = Objects.requireNonNull(builder.tiers, "tiers");
        this.published = Objects.requireNonNull(builder.published, "published");
        this.events = Objects.requireNonNull(builder.events, "events");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
    }

    /**
     * Starts building a service.
     *
     * @param header the policy header; not null
     * @param sla the SLA section; not null
     * @return the builder
     */
    public static Builder builder(PolicyHeader header, SlaPolicy sla) {
        return new Builder(header, sla);
    }

    /** @return the engine this service evaluates with */
    public SlaEngine engine() {
        return engine;
    }

    /**
     * Evaluates every case now, by the injected clock.
     *
     * @return the SLA of every case, in case id order
     */
    public List<CaseSla> evaluateAllNow() {
        return evaluateAll(clock.instant(), sla -> { });
    }

    /**
     * Evaluates every case at a moment and publishes the events not published before.
     *
     * @param asOf the moment; not null
     * @param each receives every case's SLA, in case id order; not null
     * @return the SLA of every case opened by then, in case id order
     * @throws CaseHistoryException if a case's events do not make a possible history; events of the
     *     cases before it are published, the others not
     */
    public List<CaseSla> evaluateAll(Instant asOf, Consumer<? super CaseSla> each) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(each, "each");
        List<ServiceCase> all = new ArrayList<>();
        cases.forEach(all::add);
        List<CaseSla> results = new ArrayList<>(all.size());
        // Customers often have several cases: their tier is looked up once.
        Map<CustomerId, Optional<Tier>> tierOf = new HashMap<>();
        int publishedNow = 0;
        for (ServiceCase serviceCase : all) {
            if (serviceCase.openedAt().toInstant().isAfter(asOf)) {
                continue; // not opened yet at that moment
            }
            Optional<Tier> tier = tierOf.computeIfAbsent(serviceCase.customerId(), customer -> tier(customer, asOf));
            CaseSla sla = evaluate(serviceCase, tier, asOf);
            publishedNow += publish(sla);
            results.add(sla);
            each.accept(sla);
        }
        LOG.info("Evaluated the SLAs of {} cases as of {}: {} events published", results.size(), asOf, publishedNow);
        return List.copyOf(results);
    }

    /**
     * Evaluates one case and publishes its events not published before.
     *
     * @param caseId the case; not null
     * @param asOf the moment; not null
     * @return the case's SLA
     * @throws NotFoundException if the case is unknown
     */
    public CaseSla evaluate(CaseId caseId, Instant asOf) {
        ServiceCase serviceCase = cases.findById(caseId)
                .orElseThrow(() -> new NotFoundException("Unknown case '" + caseId + "'"));
        CaseSla sla = evaluate(serviceCase, tier(serviceCase.customerId(), asOf), asOf);
        publish(sla);
        return sla;
    }

    /** The customer's tier on the day of the moment, in the policy's zone. */
    private Optional<Tier> tier(CustomerId customer, Instant asOf) {
        LocalDate day = asOf.atZone(header.zone()).toLocalDate();
        return tiers.latestBefore(customer, day.plusDays(1)).flatMap(TierAssignment::tier);
    }

    private CaseSla evaluate(ServiceCase serviceCase, Optional<Tier> tier, Instant asOf) {
        return engine.evaluate(serviceCase, caseEvents.findByCase(serviceCase.id()), tier, asOf);
    }

    private int publish(CaseSla sla) {
        int count = 0;
        for (SlaEvent event : engine.events(sla)) {
            if (published.markPublished(event.key())) {
                events.publish(event);
                count++;
                LOG.debug("Published {}", event.key());
            }
        }
        return count;
    }

    /** Collects what an {@link SlaService} needs; every part is required. */
    public static final class Builder {
        private final PolicyHeader header;
        private final SlaPolicy sla;
        private ServiceCases cases;
        private CaseEventLog caseEvents;
        private TierAssignments tiers;
        private PublishedEvents published;
        private DomainEventPublisher events;
        private Clock clock;

        private Builder(PolicyHeader header, SlaPolicy sla) {
            this.header = Objects.requireNonNull(header, "header");
            this.sla = Objects.requireNonNull(sla, "sla");
        }

        /**
         * @param store the cases; not null
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
         * @param assignments where customers' tiers are read; not null
         * @return this builder
         */
        public Builder tiers(TierAssignments assignments) {
            this.tiers = Objects.requireNonNull(assignments, "assignments");
            return this;
        }

        /**
         * @param keys remembers which events were published; not null
         * @return this builder
         */
        public Builder published(PublishedEvents keys) {
            this.published = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * @param publisher where SLA events go; not null
         * @return this builder
         */
        public Builder events(DomainEventPublisher publisher) {
            this.events = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /**
         * @param time the clock for "now"; not null
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
        public SlaService build() {
            return new SlaService(this);
        }
    }
}
