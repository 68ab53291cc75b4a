package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.SlaService;
import org.junit.jupiter.api.Test;

/** The SLA guide's example (docs/sla.md) is this code, and it prints what the guide says. */
class SlaGuideTest {
    @Test
    void theGuideShowsExactlyTheSnippetThisTestRuns() {
        String documented = Guides.blockAfter(Guides.read("docs/sla.md"), "# Complaint SLAs\n", "java");

        assertThat(Guides.unindent(Guides.snippetOf(SlaGuideTest.class))).isEqualTo(Guides.unindent(documented));
    }

    @Test
    void theSlaExampleWorksAsDocumented() {
        List<DomainEvent> published = new ArrayList<>();
        DomainEventPublisher publisher = published::add;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // snippet begins
            Policy policy = PolicyLoader.standard();     // complaints 1-24-48 in office hours, Asia/Shanghai
            InMemoryStore store = InMemoryStore.create();
            CaseId id = CaseId.of("k-7");
            store.cases().save(new ServiceCase(id, CustomerId.of("c-42"),
                    OffsetDateTime.parse("2026-03-06T16:30+08:00"),          // a Friday afternoon
                    CaseKind.COMPLAINT, Optional.of(Priority.P2), Optional.of("delivery"), Optional.of(Channel.PHONE)));
            store.caseEvents().append(CaseEvent.of(id, OffsetDateTime.parse("2026-03-06T17:10+08:00"),
                    CaseEventType.RESPONDED));
            store.caseEvents().append(CaseEvent.of(id, OffsetDateTime.parse("2026-03-09T10:00+08:00"),
                    CaseEventType.PAUSED));                                  // waiting on the customer

            // Cases, case events and customers' tiers (as TieringService records them) come from the store,
            // which also keeps which events went out already; your DomainEventPublisher gets SlaWarning,
            // SlaBreached and MilestoneMet.
            SlaService sla = SlaService.of(policy, store, publisher, Clock.systemUTC());

            Instant monday = OffsetDateTime.parse("2026-03-09T12:00+08:00").toInstant();
            CaseSla status = sla.evaluate(id, monday);
            status.milestones().forEach(milestone -> System.out.println(milestone.name() + ": "
                    + milestone.status().key() + ", due " + milestone.dueAt().atZone(policy.header().zone())
                    .toLocalDateTime()));
            // first_response: met, due 2026-03-06T17:30
            // solution: paused, due 2026-03-11T15:30
            // resolution: paused, due 2026-03-16T12:30
            sla.evaluate(id, monday);                    // publishes nothing new: each event goes out once
            // snippet ends
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "first_response: met, due 2026-03-06T17:30",
                "solution: paused, due 2026-03-11T15:30",
                "resolution: paused, due 2026-03-16T12:30", ""));
        assertThat(published).singleElement().isInstanceOfSatisfying(MilestoneMet.class, met -> {
            assertThat(met.milestone()).isEqualTo("first_response");
            assertThat(met.onTime()).isTrue();
        });
    }
}
