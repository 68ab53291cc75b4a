package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.CustomerBaseSummary;
import org.junit.jupiter.api.Test;

/** The lifecycle guide's example (docs/lifecycle.md) is this code, and it prints what the guide says. */
class LifecycleGuideTest {
    @Test
    void theGuideShowsExactlyTheSnippetThisTestRuns() {
        String documented = Guides.blockAfter(Guides.read("docs/lifecycle.md"), "# Lifecycle, relationships and churn\n", "java");

        assertThat(Guides.unindent(Guides.snippetOf(LifecycleGuideTest.class))).isEqualTo(Guides.unindent(documented));
    }

    @Test
    void theLifecycleExampleWorksAsDocumented() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<CustomerAssessment> analysed;
        try {
            // snippet begins
            Policy policy = PolicyLoader.standard();
            CustomerId acme = CustomerId.of("c-42");
            InMemoryStore store = InMemoryStore.create();   // or a JdbcStore over your tables: the facts then come from SQL
            store.customers().save(Customer.of(acme, "ACME Trading", LocalDate.of(2024, 5, 6)));
            store.purchases().record(Purchase.of(PurchaseId.of("o-1"), acme, LocalDate.of(2025, 5, 6), Money.of("CNY", "48000.00")));
            store.purchases().record(Purchase.of(PurchaseId.of("o-2"), acme, LocalDate.of(2025, 6, 3), Money.of("CNY", "52000.00")));

            CustomerBaseAnalysis analysis = CustomerBaseAnalysis.of(policy, ClvEstimator.of(policy.section(ClvPolicy.class)));
            List<CustomerAssessment> assessed = new ArrayList<>();   // for a million customers, write each one out instead
            CustomerBaseSummary summary = analysis.analyse(store.facts(), LocalDate.of(2026, 3, 31), assessed::add);
            CustomerAssessment customer = assessed.get(0);
            System.out.println(customer.lifecycle().lifecycleStage() + ", churn risk " + customer.lifecycle().churnRisk().value()
                    + ", " + customer.relationship().level().orElseThrow() + ", " + customer.relationship().relationshipType());
            // DECLINE, churn risk 0.7273, TRUST, TRANSACTIONAL
            customer.lifecycle().reasons().forEach(System.out::println);
            // stage decline: churn_risk 0.7273 >= 0.6 met
            // churn risk 0.7273 (high)
            // p_alive: not counted, no P(alive) from a purchase model
            // recency 10.75: risk 1.0000, weight 0.25 (days since the last purchase / own mean gap)
            // spend_trend -1: risk 1.0000, weight 0.15 (later half of the window against the earlier)
            // complaints 0: risk 0.0000, weight 0.15 (open complaints, 0 open breaches)
            // satisfaction: not counted, fewer than two satisfaction answers
            System.out.println(summary.highRiskCount() + " on the early-warning list; " + summary.model().get(0));
            // 1 on the early-warning list; no purchase model: 1 customers with a purchase, fewer than the 100 the policy fits models on (clv.min_customers)
            // snippet ends
            analysed = assessed;
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "DECLINE, churn risk 0.7273, TRUST, TRANSACTIONAL",
                "stage decline: churn_risk 0.7273 >= 0.6 met",
                "churn risk 0.7273 (high)",
                "p_alive: not counted, no P(alive) from a purchase model",
                "recency 10.75: risk 1.0000, weight 0.25 (days since the last purchase / own mean gap)",
                "spend_trend -1: risk 1.0000, weight 0.15 (later half of the window against the earlier)",
                "complaints 0: risk 0.0000, weight 0.15 (open complaints, 0 open breaches)",
                "satisfaction: not counted, fewer than two satisfaction answers",
                "1 on the early-warning list; no purchase model: 1 customers with a purchase, fewer than the 100 the"
                        + " policy fits models on (clv.min_customers)", ""));
        assertThat(analysed).singleElement().satisfies(customer -> {
            assertThat(customer.lifecycle().lifecycleStage()).isEqualTo(LifecycleStage.DECLINE);
            assertThat(customer.value()).isEmpty();
        });
    }
}
