package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
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
import org.crmkit.rules.cadence.AgendaService;
import org.crmkit.rules.cadence.AgendaSink;
import org.junit.jupiter.api.Test;

/**
 * The cadences guide's streaming example (docs/cadences.md, "Planning a large base") is this code,
 * and it prints what the guide says, in the order the guide says.
 */
class CadencesStreamingGuideTest {
    @Test
    void theGuideShowsExactlyTheSnippetThisTestRuns() {
        String documented = Guides.blockAfter(Guides.read("docs/cadences.md"), "## Planning a large base\n", "java");

        assertThat(Guides.unindent(Guides.snippetOf(CadencesStreamingGuideTest.class)))
                .isEqualTo(Guides.unindent(documented));
    }

    @Test
    void theStreamingExampleWritesEachDayAsItIsPlanned() {
        Policy policy = PolicyLoader.standard();
        InMemoryStore store = InMemoryStore.create();
        CustomerId acme = CustomerId.of("c-42");
        store.customers().save(Customer.of(acme, "ACME Trading", LocalDate.of(2024, 5, 6))
                .withAccountManager(StaffId.of("m-7")));
        store.interactions().record(Interaction.of(InteractionId.of("i-1"), acme,
                OffsetDateTime.parse("2026-02-25T10:00+08:00"), Channel.VISIT, InteractionKind.VISIT));
        // A core customer without an account manager, and a basic one who takes neither SMS nor e-mail.
        store.customers().save(Customer.of(CustomerId.of("c-43"), "Borealis Foods", LocalDate.of(2025, 6, 2)));
        store.customers().save(Customer.of(CustomerId.of("c-44"), "Cirrus Print", LocalDate.of(2025, 6, 2))
                .withContactPreferences(ContactPreferences.none().withDoNotContact(
                        ContactPreferences.parseChannels("sms;email"))));
        for (String[] tier : new String[][] {{"c-42", "core"}, {"c-43", "core"}, {"c-44", "basic"}}) {
            store.tierAssignments().record(new TierAssignment(CustomerId.of(tier[0]), Optional.of(Tier.of(tier[1])),
                    LocalDate.of(2026, 1, 31), policy.ref(), 0, Instant.parse("2026-02-01T06:00:00Z")));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // snippet begins
            // A store of any size: the service reads each port once, in a streaming pass, and keeps
            // some 50 bytes of each customer and 30 of each due contact.
            AgendaService agendas = AgendaService.of(policy, store);
            PrintWriter out = new PrintWriter(System.out, true);

            agendas.plan(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), AgendaSink.of(
                    contact -> out.println(contact.date() + " " + contact.owner() + " " + contact.customerId()
                            + " via " + contact.channel().key()),
                    missed -> out.println("unscheduled " + missed.customerId() + " " + missed.rule().name() + ": "
                            + missed.reason()),
                    assigned -> out.println("assign " + assigned.manager() + " to " + assigned.customerId())));
            // assign m-7 to c-43
            // 2026-04-01 m-7 c-42 via visit
            // 2026-04-01 m-7 c-43 via visit
            // unscheduled c-44 monthly_message: every channel of monthly_message (sms, email) is on the customer's do-not-contact list
            // snippet ends
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "assign m-7 to c-43",
                "2026-04-01 m-7 c-42 via visit",
                "2026-04-01 m-7 c-43 via visit",
                "unscheduled c-44 monthly_message: every channel of monthly_message (sms, email) is on the customer's"
                        + " do-not-contact list", ""));
    }
}
