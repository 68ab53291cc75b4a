package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierEngine;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.Test;

/** The README's embedding example, as written there, gives the output the README shows. */
class ReadmeExampleTest {

    @Test
    void theEmbeddingExampleWorksAsDocumented() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<DomainEvent> published = new ArrayList<>();

        // --- README: Embedding crmkit (System.out replaced by out, the bus by a list) ---
        Policy policy = PolicyLoader.standard();            // or PolicyLoader.load(Path.of("policy.yaml"))
        InMemoryStore store = InMemoryStore.create();       // or your own adapters over your ERP tables
        CustomerId acme = CustomerId.of("c-42");
        store.customers().save(Customer.of(acme, "ACME Trading", LocalDate.of(2024, 5, 6)));
        store.purchases().record(Purchase.of(PurchaseId.of("o-1"), acme, LocalDate.of(2026, 2, 3),
                Money.of("CNY", "120000.00")));

        TieringService tiering = TieringService.builder(policy.header(), policy.tiering())
                .metrics(store.metrics())                   // how snapshots are computed
                .assignments(store.tierAssignments())       // where the tier history is kept
                .events(published::add)                     // TierChanged events, e.g. to your message bus
                .clock(Clock.systemUTC())
                .build();

        TierDecision decision = tiering.evaluate(acme, LocalDate.of(2026, 3, 31));
        out.println(decision.tier());      // Optional[important]
        decision.reasons().forEach(out::println);
        // --- end of README example ---

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "Optional[important]",
                "rule core not matched: spend 120000.00 >= 100000 met; active_quarters 1 >= 3 not met",
                "rule important matched: spend 120000.00 >= 30000 met", ""));
        assertThat(published).singleElement().isInstanceOfSatisfying(TierChanged.class,
                event -> assertThat(event.to()).contains(Tier.of("important")));

        TierEngine engine = TierEngine.of(policy.header(), policy.tiering());
        var snapshot = store.metrics().find(acme, policy.header().metricsQuery(LocalDate.of(2026, 3, 31)))
                .orElseThrow();
        assertThat(engine.evaluate(snapshot).tier()).isEqualTo(Optional.of(Tier.of("important")));
        assertThat(engine.evaluate(snapshot, store.tierAssignments().current(acme)).tier())
                .contains(Tier.of("important"));
    }
}
