package org.crmkit.rules.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.core.port.LifecycleHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records lifecycle transitions: compares each customer's stage in the assessments of a
 * {@link CustomerBaseAnalysis} with the stage stored before, records a {@link LifecycleStageChanged} where it differs (or the
 * customer has none yet) and publishes it, so applications can react to an early warning or a
 * churn. Every stored history is checked before anything is written: a conflict with a later day
 * leaves nothing half-recorded.
 *
 * <p>Re-running a day compares with the stage before that day: a changed outcome replaces the
 * day's transition; an outcome that equals the stage before the day cannot be expressed as a
 * transition and leaves the day's transition standing (it is logged). Thread-safe if the ports are.
 */
public final class LifecycleTracker {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleTracker.class);

    private final LifecycleHistory history;
    private final DomainEventPublisher events;
    private final Clock clock;

    /**
     * Creates a tracker.
     *
     * @param history where transitions are kept; not null
     * @param events where transitions are published; not null
     * @param clock the clock that stamps transitions; not null
     */
    public LifecycleTracker(LifecycleHistory history, DomainEventPublisher events, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The transition of an assessment from the stage before its day: none when the stage stays.
     * What {@link #record} records, and what a batch job that keeps the history itself writes.
     *
     * @param assessment the customer's assessment as of the day; not null
     * @param before the customer's stage before the day, empty for a first evaluation; not null
     * @param asOf the day analysed; not null
     * @param policy the policy that decided; not null
     * @param recordedAt when the evaluation ran; not null
     * @return the transition, or empty if the stage is the one before the day
     */
    public static Optional<LifecycleStageChanged> transition(CustomerAssessment assessment,
            Optional<LifecycleStage> before, LocalDate asOf, PolicyRef policy, Instant recordedAt) {
        LifecycleStage stage = assessment.lifecycle().lifecycleStage();
        if (before.isPresent() && before.get() == stage) {
            return Optional.empty();
        }
        return Optional.of(new LifecycleStageChanged(assessment.customerId(), before, stage, asOf, policy,
                assessment.lifecycle().reasons(), assessment.lifecycle().winBack(), recordedAt));
    }

    /**
     * Records and publishes the transitions of a day's assessments.
     *
     * @param asOf the day analysed; not null
     * @param policy the policy that decided; not null
     * @param customers the assessments of the day; not null
     * @return the transitions recorded, in the order of the assessments
     * @throws ConcurrentUpdateException if a customer's history already has a later day
     */
    public List<LifecycleStageChanged> record(LocalDate asOf, PolicyRef policy,
            Collection<CustomerAssessment> customers) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(customers, "customers");
        List<LifecycleStageChanged> transitions = new ArrayList<>();
        Instant recordedAt = clock.instant();
        for (CustomerAssessment customer : customers) {
            Optional<LifecycleStageChanged> current = history.current(customer.customerId());
            if (current.isPresent() && current.get().asOf().isAfter(asOf)) {
                throw new ConcurrentUpdateException("Lifecycle of customer '" + customer.customerId() + "' is already"
                        + " recorded as of " + current.get().asOf() + ", after " + asOf);
            }
            boolean sameDay = current.isPresent() && current.get().asOf().equals(asOf);
            Optional<LifecycleStage> before = sameDay ? current.get().from() : current.map(LifecycleStageChanged::to);
            if (sameDay && current.get().to() == customer.lifecycle().lifecycleStage()) {
                continue;
            }
            Optional<LifecycleStageChanged> transition = transition(customer, before, asOf, policy, recordedAt);
            if (transition.isEmpty() && sameDay) {
                LOG.warn("Lifecycle re-run of {} for {} returns to the stage before the day; the day's transition"
                        + " stays", customer.customerId(), asOf);
            }
            transition.ifPresent(transitions::add);
        }
        for (LifecycleStageChanged transition : transitions) {
            history.record(transition);
            events.publish(transition);
        }
        LOG.info("Recorded {} lifecycle transitions of {} customers as of {}", transitions.size(),
                customers.size(), asOf);
        return List.copyOf(transitions);
    }
}
