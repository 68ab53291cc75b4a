package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaService;
import org.junit.jupiter.api.Test;

/** The cadences guide's example (docs/cadences.md) is this code, and it prints what the guide says. */
class CadencesGuideTest {
    @Test
    void theGuideShowsExactlyTheSnippetThisTestRuns() {
        String documented = Guides.blockAfter(Guides.read("docs/cadences.md"), "# Contact cadences\n", "java");

        assertThat(Guides.unindent(Guides.snippetOf(CadencesGuideTest.class))).isEqualTo(Guides.unindent(documented));
    }

    @Test
    void theAgendaExampleWorksAsDocumented() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Agenda planned;
        try {
            // snippet begins
            Policy policy = PolicyLoader.standard();   // core: a visit or video call by the account manager monthly
            InMemoryStore store = InMemoryStore.create();
            CustomerId acme = CustomerId.of("c-42");
            store.customers().save(Customer.of(acme, "ACME Trading", LocalDate.of(2024, 5, 6))
                    .withAccountManager(StaffId.of("m-7")));
            store.tierAssignments().record(new TierAssignment(acme, Optional.of(Tier.of("core")),
                    LocalDate.of(2026, 1, 31), policy.ref(), 0, Instant.parse("2026-02-01T06:00:00Z")));
            store.interactions().record(Interaction.of(InteractionId.of("i-1"), acme,
                    OffsetDateTime.parse("2026-02-25T10:00+08:00"), Channel.VISIT, InteractionKind.VISIT));

            // From the store: customers, facts (for a win-back condition), interactions (actual contacts reset
            // the clock of a cadence), tiers (a rhythm starts when the customer entered its tier), and cases
            // with their events (an open complaint holds back marketing).
            AgendaService agendas = AgendaService.of(policy, store);

            Agenda april = agendas.plan(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
            april.planned().forEach(contact -> System.out.println(contact.date() + " " + contact.owner() + " "
                    + contact.customerId() + " via " + contact.channel().key() + ": " + contact.reason()));
            // 2026-04-01 m-7 c-42 via visit: monthly_visit: visit every 1 month, due 2026-03-25, 7 days overdue
            april.overdue().forEach(late -> System.out.println(late.customerId() + " " + late.rule() + ": "
                    + late.daysOverdue() + " days overdue, planned " + late.planned()));
            // c-42 monthly_visit: 7 days overdue, planned true
            // snippet ends
            planned = april;
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "2026-04-01 m-7 c-42 via visit: monthly_visit: visit every 1 month, due 2026-03-25, 7 days overdue",
                "c-42 monthly_visit: 7 days overdue, planned true", ""));
        assertThat(planned.planned()).singleElement().satisfies(contact -> {
            assertThat(contact.slot().localStart()).hasToString("2026-04-01T09:00+08:00[Asia/Shanghai]");
            assertThat(contact.slot().localEnd()).hasToString("2026-04-01T18:00+08:00[Asia/Shanghai]");
        });
        assertThat(planned.unscheduled()).isEmpty();
        assertThat(planned.assignments()).isEmpty();
    }
}
