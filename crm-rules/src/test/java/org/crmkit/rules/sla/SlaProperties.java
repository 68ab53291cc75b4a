package org.crmkit.rules.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.calendar.BusinessTime;
import org.junit.jupiter.api.Test;

class SlaProperties {
    private static final CaseId CASE = CaseId.of("k-1");
    private static final BusinessCalendar SHANGHAI = SlaFixtures.POLICY.calendar("shanghai").orElseThrow();

    /** A generated case: when it opened and what happened after. */
    record History(ServiceCase opened, List<CaseEvent> events) {
        Instant last() {
            return events.isEmpty() ? opened.openedAt().toInstant() : events.get(events.size() - 1).occurredAt().toInstant();
        }
    }

    /** What a generator step tries to do; steps that make no sense at that point are skipped. */
    enum Step { RESPOND, SOLVE, RESOLVE, FEEDBACK, PAUSE, REOPEN, PRIORITY, CLOSE }

    @Test
    void addingAPauseNeverMakesADeadlineEarlier() {
        Property.forAll(histories(), Gens.integers(1, 3000), Gens.integers(1, 3000), Gens.integers(0, 6000))
                .check((history, startAfter, length, lookLater) -> {
                    if (endsPausedOrClosed(history)) {
                        return;
                    }
                    Instant pauseStart = history.last().plusSeconds(60L * startAfter);
                    Instant pauseEnd = pauseStart.plusSeconds(60L * length);
                    List<CaseEvent> withPause = new ArrayList<>(history.events());
                    withPause.add(CaseEvent.of(CASE, OffsetDateTime.ofInstant(pauseStart, ZoneOffset.UTC),
                            CaseEventType.PAUSED));
                    withPause.add(CaseEvent.of(CASE, OffsetDateTime.ofInstant(pauseEnd, ZoneOffset.UTC),
                            CaseEventType.RESUMED));
                    Instant asOf = pauseEnd.plusSeconds(60L * lookLater);

                    CaseSla without = SlaFixtures.ENGINE.evaluate(history.opened(), history.events(), Optional.empty(),
                            asOf);
                    CaseSla with = SlaFixtures.ENGINE.evaluate(history.opened(), withPause, Optional.empty(), asOf);

                    for (MilestoneStatus status : without.milestones()) {
                        assertThat(with.milestone(status.name()).orElseThrow().dueAt())
                                .isAfterOrEqualTo(status.dueAt());
                    }
                });
    }

    @Test
    void aBusinessTimeDueTimeNeverFallsOutsideBusinessTime() {
        Property.forAll(histories(), Gens.integers(0, 20000)).check((history, minutesLater) -> {
            Instant asOf = history.last().plusSeconds(60L * minutesLater);
            CaseSla sla = SlaFixtures.ENGINE.evaluate(history.opened(), history.events(), Optional.empty(), asOf);

            for (MilestoneStatus status : sla.milestones()) {
                BusinessTime calendar = BusinessTime.of(status.milestone().calendar());
                // A due time lies in working time or at the end of a working interval.
                assertThat(calendar.isWorking(status.dueAt().minusNanos(1))).as("%s", status).isTrue();
            }
        });
    }

    @Test
    void dueTimesAreMonotonicInTheTarget() {
        Property.forAll(histories(), Gens.integers(1, 6000), Gens.integers(0, 6000)).check((history, minutes, more) -> {
            SlaEngine shorter = engineWithin(Duration.ofMinutes(minutes));
            SlaEngine longer = engineWithin(Duration.ofMinutes(minutes + (long) more));
            Instant asOf = history.last();

            Instant shortDue = shorter.evaluate(history.opened(), history.events(), Optional.empty(), asOf).milestones()
                    .get(0).dueAt();
            Instant longDue = longer.evaluate(history.opened(), history.events(), Optional.empty(), asOf).milestones()
                    .get(0).dueAt();

            assertThat(longDue).isAfterOrEqualTo(shortDue);
        });
    }

    @Test
    void repeatedEvaluationPublishesEveryEventOnce() {
        Property.forAll(histories(), Gens.integers(0, 20000).list(1, 12)).tries(300)
                .check((history, minutesAfterOpening) -> {
                    InMemoryStore store = InMemoryStore.create();
                    store.cases().save(history.opened());
                    history.events().forEach(store.caseEvents()::append);
                    RecordingEventPublisher publisher = new RecordingEventPublisher();
                    SlaService service = SlaService.of(SlaFixtures.POLICY, store, publisher, Clock.systemUTC());
                    List<Integer> moments = new ArrayList<>(minutesAfterOpening);
                    moments.sort(Integer::compare);
                    // Evaluate at every moment twice, as a scheduler that runs often would.
                    Instant asOf = history.opened().openedAt().toInstant();
                    for (int minutes : moments) {
                        asOf = history.opened().openedAt().toInstant().plusSeconds(60L * minutes);
                        service.evaluateAll(asOf, sla -> { });
                        service.evaluateAll(asOf, sla -> { });
                    }

                    List<String> keys = publisher.events(SlaEvent.class).stream().map(SlaEvent::key).toList();
                    assertThat(keys).doesNotHaveDuplicates();
                    CaseSla last = service.engine().evaluate(history.opened(), history.events(), Optional.empty(),
                            asOf);
                    assertThat(keys).containsAll(service.engine().events(last).stream().map(SlaEvent::key).toList());
                });
    }

    private static boolean endsPausedOrClosed(History history) {
        boolean paused = false;
        boolean closed = false;
        for (CaseEvent event : history.events()) {
            switch (event.type()) {
                case PAUSED -> paused = true;
                case RESUMED -> paused = false;
                case CLOSED -> closed = true;
                case REOPENED -> {
                    closed = false;
                    paused = false;
                }
                default -> { }
            }
        }
        return paused || closed;
    }

    private static SlaEngine engineWithin(Duration within) {
        Milestone milestone = Milestone.of("first_response", within, SHANGHAI, EnumSet.of(CaseEventType.RESPONDED));
        return SlaEngine.of(SlaFixtures.POLICY.ref(), new SlaPolicy(List.of(
                new SlaTarget("any", Set.of(), Set.of(), Set.of(), List.of(milestone)))));
    }

    static Gen<History> histories() {
        Gen<Instant> openings = Gens.integers(0, 30 * 24 * 60)
                .map(minute -> Instant.parse("2026-03-25T00:00:00Z").plusSeconds(60L * minute));
        Gen<List<Step>> steps = Gens.of(Step.values()).list(0, 10);
        Gen<List<Integer>> gaps = Gens.integers(1, 900).list(20, 20);
        Gen<Optional<Priority>> priorities = Gens.of(Priority.P1, Priority.P3).optional(0.5);
        return source -> build(openings.generate(source), steps.generate(source), gaps.generate(source),
                priorities.generate(source));
    }

    private static History build(Instant openedAt, List<Step> steps, List<Integer> gaps, Optional<Priority> priority) {
        ServiceCase opened = new ServiceCase(CASE, org.crmkit.core.model.CustomerId.of("c-1"),
                OffsetDateTime.ofInstant(openedAt, ZoneOffset.ofHours(8)), CaseKind.COMPLAINT, priority,
                Optional.empty(), Optional.empty());
        List<CaseEvent> events = new ArrayList<>();
        Instant at = openedAt;
        boolean resolved = false;
        boolean closed = false;
        Set<Step> done = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            at = at.plusSeconds(60L * gaps.get(i));
            OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8));
            if (closed && step != Step.REOPEN) {
                continue;
            }
            switch (step) {
                case RESPOND -> events.add(CaseEvent.of(CASE, when, CaseEventType.RESPONDED));
                case SOLVE -> events.add(CaseEvent.of(CASE, when, CaseEventType.SOLUTION_PROPOSED));
                case RESOLVE -> {
                    events.add(CaseEvent.of(CASE, when, CaseEventType.RESOLVED));
                    resolved = true;
                }
                case FEEDBACK -> events.add(CaseEvent.of(CASE, when, CaseEventType.FEEDBACK_RECEIVED));
                case PAUSE -> {
                    events.add(CaseEvent.of(CASE, when, CaseEventType.PAUSED));
                    at = at.plusSeconds(60L * gaps.get(gaps.size() - 1 - i));
                    events.add(CaseEvent.of(CASE, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)),
                            CaseEventType.RESUMED));
                }
                case REOPEN -> {
                    if (resolved || closed) {
                        events.add(CaseEvent.of(CASE, when, CaseEventType.REOPENED));
                        resolved = false;
                        closed = false;
                    }
                }
                case PRIORITY -> events.add(CaseEvent.priorityChanged(CASE, when, done.add(step) ? Priority.P1
                        : Priority.P3));
                case CLOSE -> {
                    events.add(CaseEvent.of(CASE, when, CaseEventType.CLOSED));
                    closed = true;
                }
            }
        }
        return new History(opened, events);
    }
}
