package org.crmkit.examples;

import org.crmkit.rules.tiering.TieringPolicy;
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
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.port.DomainEventPublisher;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierEngine;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.Test;

/** The embedding guide's example, also the README's quick start, is this code, and it prints what they say. */
class EmbeddingGuideTest {
    @Test
    void theGuideAndTheReadmeShowExactlyTheSnippetThisTestRuns() {
        String here = unindent(Guides.snippetOf(EmbeddingGuideTest.class));

        assertThat(unindent(Guides.blockAfter(Guides.read("docs/embedding.md"), "## A service over ports", "java")))
                .isEqualTo(here);
        assertThat(unindent(Guides.blockAfter(Guides.read("README.md"), "## Quick start", "java"))).isEqualTo(here);
    }

    @Test
    void theEmbeddingExampleWorksAsDocumented() {
        List<DomainEvent> published = new ArrayList<>();
        DomainEventPublisher publisher = published::add;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Policy policy;
        InMemoryStore store;
        CustomerId acme;
        try {
            // snippet begins
            policy = PolicyLoader.standard();            // or PolicyLoader.load(Path.of("policy.yaml"))
            store = InMemoryStore.create();       // or a JdbcStore, or your own CrmStore over your ERP tables
            acme = CustomerId.of("c-42");
            store.customers().save(Customer.of(acme, "ACME Trading", LocalDate.of(2024, 5, 6)));
            store.purchases().record(Purchase.of(PurchaseId.of("o-1"), acme, LocalDate.of(2026, 2, 3),
                    Money.of("CNY", "120000.00")));

            // Facts come from the store and the tier history is kept there; TierChanged events go to your
            // DomainEventPublisher.
            TieringService tiering = TieringService.of(policy, store, publisher, Clock.systemUTC());

            TierDecision decision = tiering.evaluate(acme, LocalDate.of(2026, 3, 31));
            System.out.println(decision.tier());      // Optional[important]
            decision.reasons().forEach(System.out::println);
            // rule core not matched: spend 120000.00 >= 100000 met; active_quarters 1 >= 3 not met
            // rule important matched: spend 120000.00 >= 30000 met
            // snippet ends
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "Optional[important]",
                "rule core not matched: spend 120000.00 >= 100000 met; active_quarters 1 >= 3 not met",
                "rule important matched: spend 120000.00 >= 30000 met", ""));
        assertThat(published).singleElement().isInstanceOfSatisfying(TierChanged.class,
                event -> assertThat(event.to()).contains(Tier.of("important")));

        TierEngine engine = TierEngine.of(policy.header(), policy.section(TieringPolicy.class));
        var snapshot = store.facts().find(acme, FactsQuery.metricsOnly(policy.header().metricsQuery(
                LocalDate.of(2026, 3, 31)))).orElseThrow().metrics();
        assertThat(engine.evaluate(snapshot).tier()).isEqualTo(Optional.of(Tier.of("important")));
        var nextQuarter = store.facts().find(acme, FactsQuery.metricsOnly(policy.header().metricsQuery(
                LocalDate.of(2026, 6, 30)))).orElseThrow().metrics();
        assertThat(engine.evaluate(nextQuarter, store.tierAssignments().current(acme)).tier())
                .contains(Tier.of("important"));
    }

    /** Drops declarations' types the test must hoist out of the try block, and all indentation. */
    private static String unindent(String code) {
        return code.lines().map(String::strip)
                .map(line -> line.replaceFirst("^(Policy|InMemoryStore|CustomerId) (policy|store|acme) =", "$2 ="))
                .reduce("", (text, line) -> text + line + "\n").strip();
    }
}
