package org.crmkit.rules.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.calendar.BusinessTime;

/**
 * Evaluates service cases against an SLA policy: a pure function from a case, its events, the
 * customer's tier and a moment to the status of every milestone, and to the SLA events that have
 * happened by then.
 *
 * <p>Rules, in the words of the documentation:
 * <ul>
 *   <li>The first target that applies (by kind, tier and the priority at the as-of moment) sets
 *       the milestones. A priority or tier change recomputes every due time from the original
 *       start with the new target, keeping the elapsed and paused time: nothing is lost. A
 *       milestone met before a priority change keeps the target it was met under.</li>
 *   <li>A milestone's clock starts when the case opens (for milestones that restart on reopen:
 *       at the last reopening) and counts the working time of its calendar, except while the
 *       case is paused or closed.</li>
 *   <li>It is met at the last of its {@code met_by} events after its start (events at the moment
 *       of a reopening but listed before it belong to the earlier cycle). The first closing
 *       after the start settles a milestone not met before it, for good: met if closed by the
 *       due time, else breached. The due moment itself is on time.</li>
 *   <li>Events must be in chronological order, not before the opening, resume only a pause,
 *       reopen only a resolved or closed case, and nothing but a reopening may follow a
 *       closing; otherwise {@link CaseHistoryException}.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class SlaEngine {
    private final PolicyRef policy;
    private final SlaPolicy sla;

    private SlaEngine(PolicyRef policy, SlaPolicy sla) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sla = Objects.requireNonNull(sla, "sla");
    }

    /**
     * Creates the engine of a policy.
     *
     * @param policy the policy; not null
     * @return the engine
     */
    public static SlaEngine of(Policy policy) {
        return of(policy.ref(), policy.section(SlaPolicy.class));
    }

    /**
     * Creates an engine from a policy's parts.
     *
     * @param policy the policy's reference, recorded in results and events; not null
     * @param sla the SLA section; not null
     * @return the engine
     */
    public static SlaEngine of(PolicyRef policy, SlaPolicy sla) {
        return new SlaEngine(policy, sla);
    }

    /**
     * The SLA of a case at a moment.
     *
     * @param serviceCase the case; not null
     * @param events the case's events in the order they happened; events after {@code asOf} are ignored; not null
     * @param tier the customer's tier, if known; targets that name tiers need it; not null
     * @param asOf the moment; not null
     * @return the status of every milestone
     * @throws CaseHistoryException if the events do not make a possible history
     * @throws org.crmkit.core.InvalidValueException if the case was opened after the as-of moment
     */
    public CaseSla evaluate(ServiceCase serviceCase, List<CaseEvent> events, Optional<Tier> tier, Instant asOf) {
        Objects.requireNonNull(serviceCase, "serviceCase");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(asOf, "asOf");
        if (serviceCase.openedAt().toInstant().isAfter(asOf)) {
            throw new org.crmkit.core.InvalidValueException("Case '" + serviceCase.id() + "' was opened at "
                    + serviceCase.openedAt() + ", after the moment " + asOf + " it is to be evaluated at");
        }
        History history = History.replay(serviceCase, events, asOf);
        Optional<SlaTarget> target = sla.targetFor(serviceCase.kind(), tier, history.priority());
        List<MilestoneStatus> milestones = new ArrayList<>();
        target.ifPresent(chosen -> chosen.milestones().forEach(milestone ->
                milestones.add(status(rulesWhenMet(milestone, serviceCase, tier, history), history, asOf))));
        return new CaseSla(serviceCase, asOf, policy, tier, history.priority(), target.map(SlaTarget::name),
                history.lastCycle(), history.openPause.isPresent(), history.closedSince.isPresent(), milestones);
    }

    /**
     * Checks that a case's events make a possible history, by the rules above, without
     * evaluating anything: for importers that validate a file before it is used.
     *
     * @param serviceCase the case; not null
     * @param events the case's events in the order they happened; all of them are checked; not null
     * @throws CaseHistoryException naming the first impossible event by its 1-based position
     */
    public static void checkHistory(ServiceCase serviceCase, List<CaseEvent> events) {
        History.check(Objects.requireNonNull(serviceCase, "serviceCase"), Objects.requireNonNull(events, "events"));
    }

    /**
     * A milestone met (or settled by a closing) before a priority change is judged by the target
     * in force when it was met, if that target has a milestone of the same name: a later change
     * cannot turn it into a breach.
     */
    private Milestone rulesWhenMet(Milestone current, ServiceCase serviceCase, Optional<Tier> tier, History history) {
        Optional<Settled> settled = history.settled(current);
        if (settled.isEmpty()) {
            return current;
        }
        return sla.targetFor(serviceCase.kind(), tier, history.priorityAt(settled.get().at()))
                .flatMap(then -> then.milestones().stream().filter(m -> m.name().equals(current.name())).findFirst())
                .orElse(current);
    }

    /**
     * The SLA events that have happened by the as-of moment of an evaluation: warnings, breaches
     * and milestones met. Each has a stable {@link SlaEvent#key()}, so repeated evaluations give
     * the same events; publishing each once is the caller's job.
     *
     * @param sla an evaluation by this engine; not null
     * @return the events, in milestone order
     */
    public List<SlaEvent> events(CaseSla sla) {
        List<SlaEvent> events = new ArrayList<>();
        ServiceCase serviceCase = sla.serviceCase();
        for (MilestoneStatus status : sla.milestones()) {
            Milestone milestone = status.milestone();
            Optional<Instant> metAt = status.metAt();
            Optional<Instant> warningAt = status.warningAt()
                    .filter(at -> !at.isAfter(sla.asOf()) && (metAt.isEmpty() || metAt.get().isAfter(at)));
            warningAt.ifPresent(at -> events.add(new SlaWarning(serviceCase.id(), serviceCase.customerId(),
                    milestone.name(), status.cycle(), status.dueAt(), milestone.escalateOnWarning(), sla.policy(), at)));
            boolean breached = status.dueAt().isBefore(sla.asOf()) && !status.metOnTime();
            if (breached) {
                events.add(new SlaBreached(serviceCase.id(), serviceCase.customerId(), milestone.name(), status.cycle(),
                        status.dueAt(), milestone.escalateOnBreach(), sla.policy(), status.dueAt()));
            }
            if (metAt.isPresent() && !status.metByClosing()) {
                events.add(new MilestoneMet(serviceCase.id(), serviceCase.customerId(), milestone.name(),
                        status.cycle(), status.dueAt(), status.metOnTime(), sla.policy(), metAt.get()));
            }
        }
        return List.copyOf(events);
    }

    private static MilestoneStatus status(Milestone milestone, History history, Instant asOf) {
        int cycle = history.cycleOf(milestone);
        Instant start = history.cycles.get(cycle).start();
        Optional<Settled> settled = history.settled(milestone);
        Optional<Instant> metAt = settled.map(Settled::at);
        boolean metByClosing = settled.map(Settled::byClosing).orElse(false);
        // The clock stops when the milestone is met: pauses after that cannot move its due time.
        Instant clockEnd = metAt.orElse(asOf);
        BusinessTime time = BusinessTime.of(milestone.calendar());
        PausedClock clock = new PausedClock(time, history.pausesUpTo(clockEnd));
        Instant due = clock.add(start, milestone.within());
        Optional<Instant> warningAt = milestone.warningAfter().map(after -> clock.add(start, after));

        // Running time: working time minus paused working time.
        Duration paused = clock.paused(start, clockEnd);
        Duration elapsed = clockEnd.isAfter(start) ? time.between(start, clockEnd).minus(paused) : Duration.ZERO;
        MilestoneStatus.Status status;
        Optional<Duration> remaining = Optional.empty();
        if (metAt.isPresent()) {
            boolean onTime = !metAt.get().isAfter(due);
            status = metByClosing && !onTime ? MilestoneStatus.Status.BREACHED : MilestoneStatus.Status.MET;
        } else {
            Duration left = milestone.within().minus(elapsed);
            remaining = Optional.of(left.isNegative() ? Duration.ZERO : left);
            // The due moment itself is still on time; a pause counts up to now, so a due time
            // before now was passed before any pause began.
            if (due.isBefore(asOf)) {
                status = MilestoneStatus.Status.BREACHED;
            } else if (history.openPause.isPresent()) {
                status = MilestoneStatus.Status.PAUSED;
            } else if (warningAt.isPresent() && !warningAt.get().isAfter(asOf)) {
                status = MilestoneStatus.Status.WARNING;
            } else {
                status = MilestoneStatus.Status.RUNNING;
            }
        }
        return new MilestoneStatus(milestone, cycle, start, due, metAt, metByClosing, status, elapsed, paused,
                remaining, warningAt);
    }

    /** When a milestone's clock stopped: at its events, or at a closing that came first. */
    private record Settled(Instant at, boolean byClosing) {
    }

    /** A case's events replayed up to the as-of moment, after checking the whole list. */
    private static final class History {
        /** The opening, then every reopening. */
        private final List<Cycle> cycles = new ArrayList<>();
        private final List<PausedClock.Pause> pauses = new ArrayList<>();
        /** Every event replayed, with its position, so that same-moment events keep their order. */
        private final List<Occurrence> occurrences = new ArrayList<>();
        /** The priority from the opening, then at every change. */
        private final List<Map.Entry<Instant, Optional<Priority>>> priorities = new ArrayList<>();
        private Optional<Instant> openPause = Optional.empty();
        private Optional<Instant> closedSince = Optional.empty();

        /** An event that happened: its type, moment and position in the case's list. */
        private record Occurrence(CaseEventType type, Instant at, int position) {
        }

        /** A cycle's start and the position of the event that began it (-1 for the opening). */
        private record Cycle(Instant start, int position) {
        }

        static History replay(ServiceCase serviceCase, List<CaseEvent> events, Instant asOf) {
            check(serviceCase, events);
            History history = new History();
            history.cycles.add(new Cycle(serviceCase.openedAt().toInstant(), -1));
            history.priorities.add(Map.entry(serviceCase.openedAt().toInstant(), serviceCase.priority()));
            for (int i = 0; i < events.size(); i++) {
                CaseEvent event = events.get(i);
                Instant at = event.occurredAt().toInstant();
                if (at.isAfter(asOf)) {
                    break;
                }
                history.apply(event, at, i);
            }
            return history;
        }

        private void apply(CaseEvent event, Instant at, int position) {
            occurrences.add(new Occurrence(event.type(), at, position));
            switch (event.type()) {
                case PAUSED -> openPause = Optional.of(at);
                case RESUMED -> {
                    pauses.add(new PausedClock.Pause(openPause.orElseThrow(), at));
                    openPause = Optional.empty();
                }
                case CLOSED -> {
                    // A closed case waits on nobody: a pause ends, and every clock stands still until a reopening.
                    openPause.ifPresent(start -> pauses.add(new PausedClock.Pause(start, at)));
                    openPause = Optional.empty();
                    closedSince = Optional.of(at);
                }
                case REOPENED -> {
                    closedSince.ifPresent(start -> pauses.add(new PausedClock.Pause(start, at)));
                    closedSince = Optional.empty();
                    openPause.ifPresent(start -> pauses.add(new PausedClock.Pause(start, at)));
                    openPause = Optional.empty();
                    cycles.add(new Cycle(at, position));
                }
                case PRIORITY_CHANGED -> priorities.add(Map.entry(at, event.newPriority()));
                default -> {
                    // responded, solution_proposed, resolved, feedback_received: recorded as occurrences
                }
            }
        }

        /** The index of the last cycle: the number of reopenings. */
        int lastCycle() {
            return cycles.size() - 1;
        }

        /** The cycle whose start a milestone's clock counts from. */
        int cycleOf(Milestone milestone) {
            return milestone.restartOnReopen() ? lastCycle() : 0;
        }

        /** The priority in force now. */
        Optional<Priority> priority() {
            return priorities.get(priorities.size() - 1).getValue();
        }

        /**
         * When a milestone was settled in its cycle: when all its events had happened, or at the
         * first closing after the cycle began if that came first. The closing settles it for good:
         * a later reopening restarts only the milestones that restart.
         */
        Optional<Settled> settled(Milestone milestone) {
            int cycle = cycleOf(milestone);
            Optional<Instant> met = metAt(milestone.metBy(), cycle);
            Optional<Instant> closing = metAt(java.util.EnumSet.of(CaseEventType.CLOSED), cycle);
            if (closing.isPresent() && (met.isEmpty() || met.get().isAfter(closing.get()))) {
                return Optional.of(new Settled(closing.get(), true));
            }
            return met.map(at -> new Settled(at, false));
        }

        /** The priority in force at a moment. */
        Optional<Priority> priorityAt(Instant moment) {
            Optional<Priority> result = priorities.get(0).getValue();
            for (Map.Entry<Instant, Optional<Priority>> change : priorities) {
                if (!change.getKey().isAfter(moment)) {
                    result = change.getValue();
                }
            }
            return result;
        }

        /** The pauses (and closed periods) that began before a moment, cut at it; open ones count up to it. */
        List<PausedClock.Pause> pausesUpTo(Instant end) {
            List<PausedClock.Pause> all = new ArrayList<>();
            for (PausedClock.Pause pause : pauses) {
                if (pause.start().isBefore(end)) {
                    all.add(new PausedClock.Pause(pause.start(), pause.end().isBefore(end) ? pause.end() : end));
                }
            }
            openPause.filter(start -> start.isBefore(end)).ifPresent(start -> all.add(new PausedClock.Pause(start, end)));
            closedSince.filter(start -> start.isBefore(end))
                    .ifPresent(start -> all.add(new PausedClock.Pause(start, end)));
            all.sort(java.util.Comparator.comparing(PausedClock.Pause::start));
            return all;
        }

        /** When every event type happened after the cycle began (by position, not just moment); empty until all did. */
        Optional<Instant> metAt(java.util.Set<CaseEventType> types, int cycle) {
            int after = cycles.get(cycle).position();
            Instant last = null;
            for (CaseEventType type : types) {
                Optional<Instant> first = occurrences.stream()
                        .filter(occurrence -> occurrence.type() == type && occurrence.position() > after)
                        .map(Occurrence::at).findFirst();
                if (first.isEmpty()) {
                    return Optional.empty();
                }
                if (last == null || first.get().isAfter(last)) {
                    last = first.get();
                }
            }
            return Optional.ofNullable(last);
        }

        private static void check(ServiceCase serviceCase, List<CaseEvent> events) {
            Instant opened = serviceCase.openedAt().toInstant();
            Instant previous = opened;
            boolean paused = false;
            boolean resolved = false;
            boolean closed = false;
            for (int i = 0; i < events.size(); i++) {
                CaseEvent event = events.get(i);
                int number = i + 1;
                if (!event.caseId().equals(serviceCase.id())) {
                    throw new CaseHistoryException(serviceCase.id(), number, "belongs to case '" + event.caseId() + "'");
                }
                Instant at = event.occurredAt().toInstant();
                String what = event.type().key() + " at " + event.occurredAt();
                if (at.isBefore(opened)) {
                    throw new CaseHistoryException(serviceCase.id(), number, what + " is before the case was opened at "
                            + serviceCase.openedAt());
                }
                if (at.isBefore(previous)) {
                    throw new CaseHistoryException(serviceCase.id(), number, what
                            + " is earlier than the event before it; events must be in the order they happened");
                }
                if (closed && event.type() != CaseEventType.REOPENED) {
                    throw new CaseHistoryException(serviceCase.id(), number, what + " follows the closing of the case;"
                            + " only reopened may");
                }
                switch (event.type()) {
                    case PAUSED -> {
                        if (paused) {
                            throw new CaseHistoryException(serviceCase.id(), number, what + ": the case is already paused");
                        }
                        paused = true;
                    }
                    case RESUMED -> {
                        if (!paused) {
                            throw new CaseHistoryException(serviceCase.id(), number, what + " without a pause to end");
                        }
                        paused = false;
                    }
                    case RESOLVED -> resolved = true;
                    case CLOSED -> closed = true;
                    case REOPENED -> {
                        if (!resolved && !closed) {
                            throw new CaseHistoryException(serviceCase.id(), number, what
                                    + ": only a resolved or closed case can be reopened");
                        }
                        resolved = false;
                        closed = false;
                        paused = false;
                    }
                    default -> {
                        // other events may come at any time
                    }
                }
                previous = at;
            }
        }
    }
}
