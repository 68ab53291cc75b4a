package org.crmkit.rules.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.sla.SlaFixtures.at;
import static org.crmkit.rules.sla.SlaFixtures.complaint;
import static org.crmkit.rules.sla.SlaFixtures.evaluate;
import static org.crmkit.rules.sla.SlaFixtures.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.sla.MilestoneStatus.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaEngineTest {

    @ParameterizedTest(name = "{3}: opened {0}, {1} due {2}")
    @CsvSource(delimiter = '|', value = {
        "2026-04-01T10:00+08:00 | -  | 2026-04-01T11:00+08:00 | within the morning",
        "2026-04-01T11:30+08:00 | -  | 2026-04-01T14:00+08:00 | across the lunch break",
        "2026-04-01T20:00+08:00 | -  | 2026-04-02T10:00+08:00 | opened outside business hours",
        "2026-04-03T17:30+08:00 | -  | 2026-04-07T09:30+08:00 | across a weekend and a holiday Monday",
        "2026-04-10T17:30+08:00 | -  | 2026-04-11T09:30+08:00 | into a make-up Saturday",
        "2026-03-28T12:00+01:00 | P2 | 2026-03-29T13:00+02:00 | 24 real hours across Berlin's spring-forward night",
        "2026-10-24T12:00+02:00 | P2 | 2026-10-25T11:00+01:00 | 24 real hours across Berlin's fall-back night",
        "2026-03-06T16:00-05:00 | P3 | 2026-03-09T10:00-04:00 | New York office hours over the weekend DST began",
        "2026-10-30T16:00-04:00 | P3 | 2026-11-02T10:00-05:00 | New York office hours over the weekend DST ended",
    })
    void setsTheFirstResponseDueTimeInTheCalendarsWorkingTime(String openedAt, String priority, String due,
            String why) {
        ServiceCase opened = priority.equals("-") ? complaint(openedAt)
                : complaint(openedAt, Priority.parse(priority));

        CaseSla sla = evaluate(opened, List.of(), openedAt);

        assertThat(sla.milestone("first_response").orElseThrow().dueAt()).isEqualTo(at(due));
    }

    @Test
    void aPauseThatSpansANightStopsTheClockAndKeepsTheTimeAlreadyRun() {
        // 30 minutes run from 17:00 to 17:30, then the case waits on the customer until 10:00 next day.
        CaseSla sla = evaluate(complaint("2026-04-01T17:00+08:00"),
                events("2026-04-01T17:30+08:00", "paused", "2026-04-02T10:00+08:00", "resumed"),
                "2026-04-02T10:10+08:00");

        MilestoneStatus response = sla.milestone("first_response").orElseThrow();
        assertThat(response.dueAt()).isEqualTo(at("2026-04-02T10:30+08:00"));
        assertThat(response.elapsed()).isEqualTo(Duration.ofMinutes(40));
        assertThat(response.paused()).isEqualTo(Duration.ofMinutes(30 + 60));
        assertThat(response.remaining()).contains(Duration.ofMinutes(20));
        // The pause began with exactly 30 minutes run, the warning threshold (50%): the warning came first.
        assertThat(response.warningAt()).contains(at("2026-04-01T17:30+08:00"));
        assertThat(response.status()).isEqualTo(Status.WARNING);
    }

    @Test
    void aPauseAfterAMilestoneIsMetDoesNotMoveItsDueTime() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");
        List<org.crmkit.core.model.CaseEvent> history = events("2026-04-01T10:20+08:00", "responded",
                "2026-04-01T14:00+08:00", "paused", "2026-04-02T14:00+08:00", "resumed");

        MilestoneStatus response = evaluate(opened, history, "2026-04-03T10:00+08:00").milestone("first_response")
                .orElseThrow();

        assertThat(response.dueAt()).isEqualTo(at("2026-04-01T11:00+08:00"));
        assertThat(response.paused()).isEqualTo(Duration.ZERO);
        assertThat(evaluate(opened, history, "2026-04-03T10:00+08:00").milestone("solution").orElseThrow().paused())
                .isEqualTo(Duration.ofMinutes(4 * 60 + 3 * 60 + 30));
    }

    @Test
    void refusesToEvaluateACaseBeforeItWasOpened() {
        assertThatThrownBy(() -> evaluate(complaint("2026-04-01T10:00+08:00"), List.of(), "2026-04-01T09:00+08:00"))
                .isInstanceOf(org.crmkit.core.InvalidValueException.class)
                .hasMessage("Case 'k-1' was opened at 2026-04-01T10:00+08:00, after the moment 2026-04-01T01:00:00Z it"
                        + " is to be evaluated at");
    }

    @Test
    void reportsPausedWhileTheCaseWaitsAndProjectsTheDueTimeFromNow() {
        CaseSla sla = evaluate(complaint("2026-04-01T10:00+08:00"), events("2026-04-01T10:20+08:00", "paused"),
                "2026-04-01T15:00+08:00");

        MilestoneStatus response = sla.milestone("first_response").orElseThrow();
        assertThat(sla.paused()).isTrue();
        assertThat(response.status()).isEqualTo(Status.PAUSED);
        assertThat(response.dueAt()).isEqualTo(at("2026-04-01T15:40+08:00"));
        assertThat(response.remaining()).contains(Duration.ofMinutes(40));
    }

    @Test
    void aPriorityChangeAfterAPauseRecomputesFromTheOriginalStartKeepingPausedTime() {
        ServiceCase opened = complaint("2026-04-01T09:00+08:00");
        List<org.crmkit.core.model.CaseEvent> history = events("2026-04-01T09:10+08:00", "responded",
                "2026-04-01T10:00+08:00", "paused", "2026-04-01T14:00+08:00", "resumed",
                "2026-04-01T14:30+08:00", "priority:P1");

        CaseSla before = evaluate(opened, history, "2026-04-01T14:20+08:00");
        CaseSla after = evaluate(opened, history, "2026-04-01T15:00+08:00");

        assertThat(before.target()).contains("complaints");
        assertThat(before.milestone("solution").orElseThrow().dueAt()).isEqualTo(at("2026-04-07T14:30+08:00"));
        assertThat(after.target()).contains("p1");
        assertThat(after.priority()).contains(Priority.P1);
        // 4 hours of P1 solution time: 09:00-10:00 before the pause, then 14:00-17:00; without the pause, 14:30.
        MilestoneStatus solution = after.milestone("solution").orElseThrow();
        assertThat(solution.dueAt()).isEqualTo(at("2026-04-01T17:00+08:00"));
        assertThat(solution.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(solution.paused()).isEqualTo(Duration.ofMinutes(150));
        MilestoneStatus response = after.milestone("first_response").orElseThrow();
        assertThat(response.status()).isEqualTo(Status.MET);
        assertThat(response.metOnTime()).isTrue();
    }

    @Test
    void goesFromRunningToWarningToBreachedAndStaysMetLateOnceMet() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");

        assertThat(status(opened, List.of(), "2026-04-01T10:29+08:00")).isEqualTo(Status.RUNNING);
        assertThat(status(opened, List.of(), "2026-04-01T10:30+08:00")).isEqualTo(Status.WARNING);
        // The due moment itself is still on time; a response at 11:00 would be met on time.
        assertThat(status(opened, List.of(), "2026-04-01T11:00+08:00")).isEqualTo(Status.WARNING);
        assertThat(status(opened, List.of(), "2026-04-01T11:01+08:00")).isEqualTo(Status.BREACHED);
        assertThat(evaluate(opened, events("2026-04-01T11:00+08:00", "responded"), "2026-04-01T12:00+08:00")
                .milestone("first_response").orElseThrow().metOnTime()).isTrue();
        CaseSla late = evaluate(opened, events("2026-04-01T11:15+08:00", "responded"), "2026-04-01T12:00+08:00");
        MilestoneStatus response = late.milestone("first_response").orElseThrow();
        assertThat(response.status()).isEqualTo(Status.MET);
        assertThat(response.metAt()).contains(at("2026-04-01T11:15+08:00"));
        assertThat(response.metOnTime()).isFalse();
    }

    @Test
    void warnsAtTheEarlierOfPercentAndLeadTime() {
        // 50% of 1 hour is 30 minutes; "10 minutes before" would be 50 minutes: the earlier wins.
        CaseSla sla = evaluate(complaint("2026-04-01T10:00+08:00"), List.of(), "2026-04-01T10:00+08:00");

        assertThat(sla.milestone("first_response").orElseThrow().warningAt()).contains(at("2026-04-01T10:30+08:00"));
        assertThat(sla.milestone("solution").orElseThrow().warningAt()).isEmpty();
    }

    @Test
    void resolutionNeedsBothTheResolutionAndTheCustomersFeedback() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");
        List<org.crmkit.core.model.CaseEvent> history = events("2026-04-01T10:05+08:00", "responded",
                "2026-04-01T15:00+08:00", "solution_proposed", "2026-04-02T11:00+08:00", "resolved",
                "2026-04-03T09:30+08:00", "feedback_received");

        assertThat(evaluate(opened, history, "2026-04-02T12:00+08:00").milestone("resolution").orElseThrow().status())
                .isEqualTo(Status.RUNNING);
        MilestoneStatus resolution = evaluate(opened, history, "2026-04-03T10:00+08:00").milestone("resolution")
                .orElseThrow();
        assertThat(resolution.status()).isEqualTo(Status.MET);
        assertThat(resolution.metAt()).contains(at("2026-04-03T09:30+08:00"));
    }

    @Test
    void reopeningRestartsTheResolutionAndCountsButKeepsTheOtherMilestones() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");
        List<org.crmkit.core.model.CaseEvent> history = events("2026-04-01T10:05+08:00", "responded",
                "2026-04-01T11:00+08:00", "solution_proposed", "2026-04-01T14:00+08:00", "resolved",
                "2026-04-01T15:00+08:00", "feedback_received", "2026-04-02T09:00+08:00", "reopened");

        CaseSla sla = evaluate(opened, history, "2026-04-02T10:00+08:00");

        assertThat(sla.reopenings()).isEqualTo(1);
        MilestoneStatus resolution = sla.milestone("resolution").orElseThrow();
        assertThat(resolution.cycle()).isEqualTo(1);
        assertThat(resolution.startedAt()).isEqualTo(at("2026-04-02T09:00+08:00"));
        assertThat(resolution.status()).isEqualTo(Status.RUNNING);
        assertThat(resolution.metAt()).isEmpty();
        assertThat(sla.milestone("first_response").orElseThrow().status()).isEqualTo(Status.MET);
        assertThat(sla.milestone("first_response").orElseThrow().cycle()).isZero();
    }

    @Test
    void closingWithoutTheEventsStopsTheClocksMetInTimeOrBreachedLate() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");

        CaseSla closedEarly = evaluate(opened, events("2026-04-01T10:20+08:00", "closed"), "2026-04-10T10:00+08:00");
        CaseSla closedLate = evaluate(opened, events("2026-04-01T11:20+08:00", "closed"), "2026-04-10T10:00+08:00");

        MilestoneStatus early = closedEarly.milestone("first_response").orElseThrow();
        assertThat(early.status()).isEqualTo(Status.MET);
        assertThat(early.metByClosing()).isTrue();
        assertThat(closedEarly.closed()).isTrue();
        assertThat(closedLate.milestone("first_response").orElseThrow().status()).isEqualTo(Status.BREACHED);
        assertThat(SlaFixtures.ENGINE.events(closedLate)).noneMatch(MilestoneMet.class::isInstance);
    }

    @Test
    void aReopeningAfterAClosingLeavesWhatTheClosingSettledAndStopsClocksWhileClosed() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");
        List<org.crmkit.core.model.CaseEvent> history = events("2026-04-01T10:30+08:00", "closed",
                "2026-04-03T10:00+08:00", "reopened");

        CaseSla sla = evaluate(opened, history, "2026-04-03T10:10+08:00");

        MilestoneStatus response = sla.milestone("first_response").orElseThrow();
        assertThat(response.status()).isEqualTo(Status.MET);
        assertThat(response.metByClosing()).isTrue();
        assertThat(response.metAt()).contains(at("2026-04-01T10:30+08:00"));
        assertThat(sla.closed()).isFalse();
        assertThat(SlaFixtures.ENGINE.events(sla)).noneMatch(SlaBreached.class::isInstance);
        // The closing settled the solution too; only the resolution restarts, from the reopening.
        MilestoneStatus solution = sla.milestone("solution").orElseThrow();
        assertThat(solution.metAt()).contains(at("2026-04-01T10:30+08:00"));
        MilestoneStatus resolution = sla.milestone("resolution").orElseThrow();
        assertThat(resolution.cycle()).isEqualTo(1);
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void closingWhilePausedEndsThePauseAndTheCaseIsNotReportedPaused() {
        CaseSla sla = evaluate(complaint("2026-04-01T10:00+08:00"), events("2026-04-01T10:10+08:00", "paused",
                "2026-04-01T10:20+08:00", "closed"), "2026-04-02T10:00+08:00");

        assertThat(sla.paused()).isFalse();
        assertThat(sla.closed()).isTrue();
        assertThat(sla.milestone("first_response").orElseThrow().status()).isEqualTo(Status.MET);
    }

    @Test
    void eventsAtTheMomentOfAReopeningBelongToTheCycleBeforeIt() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00", Priority.P1);
        List<org.crmkit.core.model.CaseEvent> history = events("2026-04-01T10:05+08:00", "responded",
                "2026-04-01T11:00+08:00", "resolved", "2026-04-01T11:00+08:00", "feedback_received",
                "2026-04-01T11:00+08:00", "reopened");

        MilestoneStatus resolution = evaluate(opened, history, "2026-04-01T12:00+08:00").milestone("resolution")
                .orElseThrow();

        assertThat(resolution.cycle()).isEqualTo(1);
        assertThat(resolution.status()).isEqualTo(Status.RUNNING);
        assertThat(resolution.metAt()).isEmpty();
    }

    @Test
    void raisingThePriorityAfterAMilestoneWasMetDoesNotTurnItIntoABreach() {
        // Met at 10:40 within the 1-hour target; P1's 30 minutes came in only at 12:00.
        CaseSla sla = evaluate(complaint("2026-04-01T10:00+08:00"), events("2026-04-01T10:40+08:00", "responded",
                "2026-04-01T12:00+08:00", "priority:P1"), "2026-04-01T12:30+08:00");

        MilestoneStatus response = sla.milestone("first_response").orElseThrow();
        assertThat(sla.target()).contains("p1");
        assertThat(response.metOnTime()).isTrue();
        assertThat(response.dueAt()).isEqualTo(at("2026-04-01T11:00+08:00"));
        assertThat(SlaFixtures.ENGINE.events(sla)).noneMatch(SlaBreached.class::isInstance);
        // The solution is not met yet: P1's 4 hours from the opening apply to it.
        assertThat(sla.milestone("solution").orElseThrow().dueAt()).isEqualTo(at("2026-04-01T15:30+08:00"));
    }

    @Test
    void raisingThePriorityAfterAClosingSettledAMilestoneDoesNotTurnItIntoABreach() {
        // Settled by the closing at 10:40 within the 1-hour target; P1's 30 minutes came in after the reopening.
        CaseSla sla = evaluate(complaint("2026-04-01T10:00+08:00"), events("2026-04-01T10:40+08:00", "closed",
                "2026-04-01T11:00+08:00", "reopened", "2026-04-01T11:10+08:00", "priority:P1"),
                "2026-04-01T11:30+08:00");

        MilestoneStatus response = sla.milestone("first_response").orElseThrow();
        assertThat(sla.target()).contains("p1");
        assertThat(response.metByClosing()).isTrue();
        assertThat(response.status()).isEqualTo(Status.MET);
        assertThat(response.dueAt()).isEqualTo(at("2026-04-01T11:00+08:00"));
        assertThat(SlaFixtures.ENGINE.events(sla)).noneMatch(SlaBreached.class::isInstance);
    }

    @Test
    void choosesTargetsByKindTierAndPriorityInPolicyOrder() {
        ServiceCase inquiry = complaint("2026-04-01T10:00+08:00").withKind(CaseKind.INQUIRY);

        assertThat(SlaFixtures.ENGINE.evaluate(inquiry, List.of(), Optional.of(Tier.of("gold")),
                at("2026-04-01T10:00+08:00")).target()).contains("gold_inquiries");
        assertThat(SlaFixtures.ENGINE.evaluate(inquiry, List.of(), Optional.of(Tier.of("basic")),
                at("2026-04-01T10:00+08:00")).target()).isEmpty();
        CaseSla unknownTier = SlaFixtures.ENGINE.evaluate(inquiry, List.of(), Optional.empty(),
                at("2026-04-01T10:00+08:00"));
        assertThat(unknownTier.target()).isEmpty();
        assertThat(unknownTier.milestones()).isEmpty();
        // 4 wall-clock hours for gold inquiries: business_time false runs through the evening.
        CaseSla evening = SlaFixtures.ENGINE.evaluate(complaint("2026-04-01T17:00+08:00").withKind(CaseKind.INQUIRY),
                List.of(), Optional.of(Tier.of("gold")), at("2026-04-01T17:00+08:00"));
        assertThat(evening.milestone("first_response").orElseThrow().dueAt()).isEqualTo(at("2026-04-01T21:00+08:00"));
    }

    @Test
    void listsTheWarningBreachAndMetEventsThatHaveHappened() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");
        CaseSla sla = evaluate(opened, events("2026-04-01T11:15+08:00", "responded"), "2026-04-01T12:00+08:00");

        List<SlaEvent> happened = SlaFixtures.ENGINE.events(sla);

        assertThat(happened).hasSize(3);
        assertThat(happened.get(0)).isEqualTo(new SlaWarning(CaseId.of("k-1"), CustomerId.of("c-1"), "first_response",
                0, at("2026-04-01T11:00+08:00"), List.of("lead"), SlaFixtures.POLICY.ref(), at("2026-04-01T10:30+08:00")));
        assertThat(happened.get(1)).isEqualTo(new SlaBreached(CaseId.of("k-1"), CustomerId.of("c-1"), "first_response",
                0, at("2026-04-01T11:00+08:00"), List.of("manager", "director"), SlaFixtures.POLICY.ref(),
                at("2026-04-01T11:00+08:00")));
        assertThat(happened.get(2)).isEqualTo(new MilestoneMet(CaseId.of("k-1"), CustomerId.of("c-1"), "first_response",
                0, at("2026-04-01T11:00+08:00"), false, SlaFixtures.POLICY.ref(), at("2026-04-01T11:15+08:00")));
        assertThat(happened).extracting(SlaEvent::key).containsExactly("k-1|first_response|0|SlaWarning",
                "k-1|first_response|0|SlaBreached", "k-1|first_response|0|MilestoneMet");
    }

    @Test
    void aMilestoneMetBeforeItsWarningGivesOnlyTheMetEvent() {
        CaseSla sla = evaluate(complaint("2026-04-01T10:00+08:00"), events("2026-04-01T10:05+08:00", "responded"),
                "2026-04-01T12:00+08:00");

        assertThat(SlaFixtures.ENGINE.events(sla)).singleElement().isInstanceOfSatisfying(MilestoneMet.class,
                met -> assertThat(met.onTime()).isTrue());
    }

    @Test
    void checksAHistoryWithoutEvaluatingItAndAcceptsAPossibleOne() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");

        SlaEngine.checkHistory(opened, events("2026-04-01T11:00+08:00", "paused", "2026-04-01T12:00+08:00", "resumed",
                "2026-04-01T13:00+08:00", "closed", "2026-04-02T09:00+08:00", "reopened"));
        assertThatThrownBy(() -> SlaEngine.checkHistory(opened, events("2026-04-01T11:00+08:00", "responded",
                "2026-04-01T12:00+08:00", "resumed")))
                .isInstanceOfSatisfying(CaseHistoryException.class, e -> assertThat(e.eventNumber()).isEqualTo(2))
                .hasMessage("Case 'k-1', event 2: resumed at 2026-04-01T12:00+08:00 without a pause to end");
    }

    @Test
    void rejectsImpossibleHistoriesNamingTheCaseAndTheEvent() {
        ServiceCase opened = complaint("2026-04-01T10:00+08:00");

        assertThatThrownBy(() -> evaluate(opened, events("2026-04-01T12:00+08:00", "responded",
                "2026-04-01T11:00+08:00", "solution_proposed"), "2026-04-02T10:00+08:00"))
                .isInstanceOf(CaseHistoryException.class)
                .hasMessage("Case 'k-1', event 2: solution_proposed at 2026-04-01T11:00+08:00 is earlier than the event"
                        + " before it; events must be in the order they happened");
        assertThatThrownBy(() -> evaluate(opened, events("2026-04-01T09:00+08:00", "responded"), "2026-04-02T10:00+08:00"))
                .hasMessage("Case 'k-1', event 1: responded at 2026-04-01T09:00+08:00 is before the case was opened at"
                        + " 2026-04-01T10:00+08:00");
        assertThatThrownBy(() -> evaluate(opened, events("2026-04-01T11:00+08:00", "resumed"), "2026-04-02T10:00+08:00"))
                .hasMessage("Case 'k-1', event 1: resumed at 2026-04-01T11:00+08:00 without a pause to end");
        assertThatThrownBy(() -> evaluate(opened, events("2026-04-01T11:00+08:00", "paused",
                "2026-04-01T12:00+08:00", "paused"), "2026-04-02T10:00+08:00"))
                .hasMessage("Case 'k-1', event 2: paused at 2026-04-01T12:00+08:00: the case is already paused");
        assertThatThrownBy(() -> evaluate(opened, events("2026-04-01T11:00+08:00", "reopened"), "2026-04-02T10:00+08:00"))
                .hasMessage("Case 'k-1', event 1: reopened at 2026-04-01T11:00+08:00: only a resolved or closed case can"
                        + " be reopened");
        assertThatThrownBy(() -> evaluate(opened, events("2026-04-01T11:00+08:00", "closed",
                "2026-04-01T12:00+08:00", "responded"), "2026-04-02T10:00+08:00"))
                .isInstanceOfSatisfying(CaseHistoryException.class, e -> assertThat(e.eventNumber()).isEqualTo(2))
                .hasMessage("Case 'k-1', event 2: responded at 2026-04-01T12:00+08:00 follows the closing of the case;"
                        + " only reopened may");
    }

    private static Status status(ServiceCase opened, List<org.crmkit.core.model.CaseEvent> history, String asOf) {
        return evaluate(opened, history, asOf).milestone("first_response").orElseThrow().status();
    }
}
