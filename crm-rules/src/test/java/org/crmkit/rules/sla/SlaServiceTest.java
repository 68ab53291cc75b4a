package org.crmkit.rules.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.sla.SlaFixtures.at;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlaServiceTest {
    private final InMemoryStore store = InMemoryStore.create();
    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private SlaService service;

    @BeforeEach
    void setUp() {
        service = SlaService.of(SlaFixtures.POLICY, store, publisher, Clock.fixed(at("2026-04-01T12:00+08:00"), ZoneOffset.UTC));
        store.cases().save(SlaFixtures.complaint("2026-04-01T10:00+08:00"));
    }

    @Test
    void publishesEachEventOnceHoweverOftenItRuns() {
        service.evaluateAllNow();
        service.evaluateAllNow();
        store.caseEvents().append(CaseEvent.of(CaseId.of("k-1"), OffsetDateTime.parse("2026-04-01T12:30+08:00"),
                CaseEventType.RESPONDED));
        service.evaluateAll(at("2026-04-01T13:00+08:00"), sla -> { });
        service.evaluateAll(at("2026-04-01T13:00+08:00"), sla -> { });

        assertThat(publisher.events(SlaEvent.class)).extracting(SlaEvent::key).containsExactly(
                "k-1|first_response|0|SlaWarning", "k-1|first_response|0|SlaBreached",
                "k-1|first_response|0|MilestoneMet");
        assertThat(publisher.events(MilestoneMet.class)).singleElement()
                .satisfies(met -> assertThat(met.onTime()).isFalse());
        assertThat(publisher.events(SlaBreached.class)).singleElement()
                .satisfies(breach -> assertThat(breach.escalateTo()).containsExactly("manager", "director"));
    }

    @Test
    void choosesTheTargetByTheTierStoredOnOrBeforeTheDay() {
        store.cases().save(new ServiceCase(CaseId.of("k-2"), CustomerId.of("c-9"),
                OffsetDateTime.parse("2026-03-31T22:00+08:00"), CaseKind.INQUIRY, Optional.empty(), Optional.empty(),
                Optional.empty()));
        store.tierAssignments().record(new TierAssignment(CustomerId.of("c-9"), Optional.of(Tier.of("gold")),
                LocalDate.of(2026, 4, 1), PolicyRef.of("sla-test", "1"), 0, Instant.EPOCH));

        CaseSla sla = service.evaluate(CaseId.of("k-2"), at("2026-04-01T11:00+08:00"));
        CaseSla dayBefore = service.evaluate(CaseId.of("k-2"), at("2026-03-31T23:00+08:00"));

        assertThat(sla.tier()).contains(Tier.of("gold"));
        assertThat(sla.target()).contains("gold_inquiries");
        assertThat(dayBefore.tier()).isEmpty();
        assertThat(dayBefore.target()).isEmpty();
    }

    @Test
    void leavesOutCasesNotOpenedYetAtTheMoment() {
        assertThat(service.evaluateAll(at("2026-04-01T09:59+08:00"), sla -> { })).isEmpty();
        assertThat(service.evaluateAll(at("2026-04-01T10:00+08:00"), sla -> { })).hasSize(1);
    }

    @Test
    void rejectsAnUnknownCase() {
        assertThatThrownBy(() -> service.evaluate(CaseId.of("nope"), at("2026-04-01T11:00+08:00")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Unknown case 'nope'");
    }

    @Test
    void evaluatesEveryCaseInIdOrder() {
        store.cases().save(SlaFixtures.complaint("2026-04-01T10:00+08:00").withKind(CaseKind.COMPLAINT));
        store.cases().save(new ServiceCase(CaseId.of("a-0"), CustomerId.of("c-2"),
                OffsetDateTime.parse("2026-04-01T09:00+08:00"), CaseKind.COMPLAINT, Optional.empty(), Optional.empty(),
                Optional.empty()));

        List<CaseSla> all = service.evaluateAllNow();

        assertThat(all).extracting(sla -> sla.serviceCase().id().value()).containsExactly("a-0", "k-1");
    }
}
