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
import org.crmkit.core.port.CrmStore;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.core.port.PublishedEvents;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.Policy;
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

    private SlaService(Policy policy, CrmStore store, DomainEventPublisher events, Clock clock) {
        this.header = policy.header();
        this.engine = SlaEngine.of(policy);
        this.cases = Objects.requireNonNull(store.cases(), "store.cases()");
        this.caseEvents = Objects.requireNonNull(store.caseEvents(), "store.caseEvents()");
        this.tiers = Objects.requireNonNull(store.tierAssignments(), "store.tierAssignments()");
        this.published = Objects.requireNonNull(store.publishedEvents(), "store.publishedEvents()");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A service that checks a store's service cases against a policy's SLA section: cases and
     * their events from {@link CrmStore#cases()} and {@link CrmStore#caseEvents()}, customers'
     * tiers from {@link CrmStore#tierAssignments()}, and the keys of events already published in
     * {@link CrmStore#publishedEvents()}, so that each is published once.
     *
     * @param policy the policy; not null
     * @param store where the cases, tiers and published keys are; not null
     * @param events where warnings, breaches and milestones go; not null
     * @param clock the clock for "now"; not null
     * @return the service
     */
    public static SlaService of(Policy policy, CrmStore store, DomainEventPublisher events, Clock clock) {
        return new SlaService(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(store, "store"),
                events, clock);
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
}
