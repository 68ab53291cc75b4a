package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.Test;

/** The database guide's example (docs/database.md) is this code, and it tiers on H2 as the guide says. */
class DatabaseGuideTest {
    @Test
    void theGuideShowsExactlyTheSnippetThisTestRuns() {
        String documented = Guides.blockAfter(Guides.read("docs/database.md"), "# On a database\n", "java");

        assertThat(Guides.unindent(Guides.snippetOf(DatabaseGuideTest.class))).isEqualTo(Guides.unindent(documented));
    }

    @Test
    void theSnippetTiersTheCustomersOfTheDatabase() {
        Policy policy = PolicyLoader.standard();
        List<DomainEvent> published = new ArrayList<>();
        DomainEventPublisher publisher = published::add;
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T02:00:00Z"), ZoneOffset.UTC);
        CustomerId acme = CustomerId.of("c-42");
        try (JdbcStore setup = JdbcStore.h2InMemory("crm")) {
            setup.customers().save(Customer.of(acme, "ACME Trading", LocalDate.of(2024, 5, 6)));
            setup.purchases().record(Purchase.of(PurchaseId.of("o-1"), acme, LocalDate.of(2026, 2, 3),
                    Money.of("CNY", "120000.00")));
            // snippet begins
            try (JdbcStore store = JdbcStore.h2InMemory("crm")) {   // or h2File(Path.of("data/crm")), or create(dataSource) for PostgreSQL
                TieringService tiering = TieringService.of(policy, store, publisher, clock);
                tiering.evaluateAll(LocalDate.of(2026, 3, 31));
            }
            // snippet ends
            assertThat(setup.tierAssignments().current(acme)).hasValueSatisfying(
                    assignment -> assertThat(assignment.tier()).contains(Tier.of("important")));
        }
        assertThat(published).singleElement().isInstanceOfSatisfying(TierChanged.class,
                event -> assertThat(event.to()).contains(Tier.of("important")));
    }
}
