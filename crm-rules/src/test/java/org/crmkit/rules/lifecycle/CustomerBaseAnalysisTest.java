package org.crmkit.rules.lifecycle;

import org.crmkit.rules.tiering.TieringPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.segment.AbcClass;
import org.junit.jupiter.api.Test;

/** A small customer base as of 2026-06-30 under the standard policy, with a stub purchase model. */
class CustomerBaseAnalysisTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final Policy STANDARD = PolicyLoader.standard();

    private final List<Customer> customers = new ArrayList<>();
    private final List<Purchase> purchases = new ArrayList<>();

    private void customer(String id, String createdOn) {
        customers.add(Customer.of(CustomerId.of(id), "Customer " + id, LocalDate.parse(createdOn)));
    }

    private void bought(String customer, String day, String amount) {
        purchases.add(Purchase.of(PurchaseId.of("p" + purchases.size()), CustomerId.of(customer), LocalDate.parse(day),
                Money.of("CNY", amount)));
    }

    private static ValueEstimate estimate(String pAlive, String clv) {
        return new ValueEstimate(new BigDecimal(pAlive), BigDecimal.ONE, BigDecimal.TEN, new BigDecimal(clv), false);
    }

    private Bases.Analysed analyse(Map<CustomerId, ValueEstimate> estimates) {
        ValueEstimator stub = Bases.stub(estimates, List.of("stub model"));
        return Bases.analyse(CustomerBaseAnalysis.of(STANDARD, stub), customers, purchases, AS_OF);
    }

    @Test
    void decidesEveryCustomersStageLevelSegmentsAndValue() {
        customer("c-1", "2024-01-01"); // steady: a purchase every quarter
        for (String day : List.of("2025-07-15", "2025-10-15", "2026-01-15", "2026-04-15")) {
            bought("c-1", day, "30000");
        }
        customer("c-2", "2023-01-01"); // gone: two purchases long ago
        bought("c-2", "2024-03-01", "5000");
        bought("c-2", "2025-05-01", "5000");
        customer("c-3", "2026-06-01"); // a prospect
        customer("c-4", "2024-01-01"); // fading: buying less, model gives it little chance
        bought("c-4", "2025-07-10", "40000");
        bought("c-4", "2025-08-10", "40000");
        bought("c-4", "2025-12-01", "1000");
        customer("c-5", "2026-07-01"); // created after the as-of day

        Bases.Analysed report = analyse(Map.of(
                CustomerId.of("c-1"), estimate("0.98", "150000"),
                CustomerId.of("c-2"), estimate("0.60", "2000"),
                CustomerId.of("c-4"), estimate("0.25", "9000")));

        assertThat(report.customers()).extracting(CustomerAssessment::customerId).extracting(CustomerId::value)
                .containsExactly("c-1", "c-2", "c-3", "c-4");
        CustomerAssessment steady = report.customers().get(0);
        assertThat(steady.lifecycle().lifecycleStage()).isEqualTo(LifecycleStage.MATURITY);
        assertThat(steady.tier()).contains(Tier.of("core"));
        assertThat(steady.relationship().level()).contains(RelationshipLevel.TRUST);
        assertThat(steady.abc().abcClass()).isEqualTo(AbcClass.A);
        assertThat(steady.rfm()).isPresent();
        CustomerAssessment gone = report.customers().get(1);
        assertThat(gone.lifecycle().lifecycleStage()).isEqualTo(LifecycleStage.CHURNED);
        assertThat(gone.lifecycle().winBack()).isTrue();
        assertThat(gone.abc().abcClass()).isEqualTo(AbcClass.C);
        CustomerAssessment prospect = report.customers().get(2);
        assertThat(prospect.lifecycle().lifecycleStage()).isEqualTo(LifecycleStage.ACQUISITION);
        assertThat(prospect.rfm()).isEmpty();
        assertThat(prospect.value()).isEmpty();
        CustomerAssessment fading = report.customers().get(3);
        assertThat(fading.lifecycle().lifecycleStage()).isEqualTo(LifecycleStage.DECLINE);
        assertThat(report.highRisk()).containsExactly(fading);
        assertThat(report.stageCounts()).containsEntry(LifecycleStage.MATURITY, 1).containsEntry(LifecycleStage.CHURNED, 1)
                .containsEntry(LifecycleStage.ACQUISITION, 1).containsEntry(LifecycleStage.DECLINE, 1)
                .containsEntry(LifecycleStage.GROWTH, 0);
        assertThat(report.winBack()).containsExactly(gone);
        assertThat(report.model()).containsExactly("stub model");
    }

    @Test
    void theHighRiskListIsOrderedByValueAtRisk() {
        // Two fading customers with the same history; the model values them differently.
        for (String id : List.of("c-1", "c-2", "c-3")) {
            customer(id, "2024-01-01");
            bought(id, "2025-07-10", "40000");
            bought(id, "2025-08-10", "40000");
            bought(id, "2025-12-01", "1000");
        }

        Bases.Analysed report = analyse(Map.of(
                CustomerId.of("c-1"), estimate("0.25", "1000"),
                CustomerId.of("c-2"), estimate("0.25", "50000"),
                CustomerId.of("c-3"), estimate("0.25", "9000")));

        assertThat(report.highRisk()).extracting(CustomerAssessment::customerId).extracting(CustomerId::value)
                .containsExactly("c-2", "c-3", "c-1");
        CustomerAssessment top = report.highRisk().get(0);
        assertThat(top.valueAtRisk()).isEqualByComparingTo(top.lifecycle().churnRisk().value()
                .multiply(new BigDecimal("50000")).setScale(2, RoundingMode.HALF_EVEN));
    }

    @Test
    void withoutAModelTheValueAtRiskUsesTheSpendInTheWindow() {
        customer("c-1", "2024-01-01");
        bought("c-1", "2025-07-10", "40000");
        bought("c-1", "2025-08-10", "40000");
        bought("c-1", "2025-12-01", "1000");

        Bases.Analysed report = Bases.analyse(CustomerBaseAnalysis.of(STANDARD, ValueEstimator.none()), customers,
                purchases, AS_OF);

        CustomerAssessment only = report.customers().get(0);
        assertThat(only.value()).isEmpty();
        assertThat(only.lifecycle().churnRisk().factors().get(0).counted()).isFalse();
        assertThat(only.valueAtRisk()).isEqualByComparingTo(only.lifecycle().churnRisk().value()
                .multiply(new BigDecimal("81000")).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(report.model()).containsExactly("no purchase model: P(alive) and lifetime value unknown");
    }

    @Test
    void aProbabilityOfBeingAliveTheModelAssumesDoesNotCountAsEvidence() {
        customer("c-1", "2024-01-01");
        bought("c-1", "2025-07-10", "40000");
        ValueEstimate assumed = new ValueEstimate(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, true);

        Bases.Analysed report = Bases.analyse(CustomerBaseAnalysis.of(STANDARD,
                Bases.stub(Map.of(CustomerId.of("c-1"), assumed), List.of("stub"))), customers, purchases, AS_OF);

        CustomerAssessment only = report.customers().get(0);
        assertThat(only.value()).contains(assumed);
        assertThat(only.lifecycle().churnRisk().factors().get(0).counted()).isFalse();
        assertThat(only.lifecycle().reasons()).contains("p_alive: not counted, no P(alive) from a purchase model");
    }

    @Test
    void relationshipRulesSeeTheScoredChurnRisk() throws IOException {
        String standard;
        try (var in = PolicyLoader.class.getResourceAsStream("standard-policy.yaml")) {
            standard = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Policy riskAware = PolicyDocuments.load(standard.replace("      when: {strategic_agreement: true}\n    - type: relational",
                "      when: {churn_risk: {gte: 0.5}}\n    - type: relational"), "risk-aware.yaml");
        customer("c-1", "2024-01-01");
        bought("c-1", "2025-07-10", "40000");
        bought("c-1", "2025-08-10", "40000");
        bought("c-1", "2025-12-01", "1000");

        CustomerAssessment fading = Bases.analyse(CustomerBaseAnalysis.of(riskAware, ValueEstimator.none()), customers,
                purchases, AS_OF).customers().get(0);

        assertThat(fading.lifecycle().churnRisk().value()).isGreaterThanOrEqualTo(new BigDecimal("0.5"));
        assertThat(fading.relationship().relationshipType()).isEqualTo(RelationshipType.STRATEGIC);
    }

    @Test
    void aComplaintOpenedAfterTheDayIsNotThereYetAndOneOpenedOnItIs() {
        customer("c-1", "2024-01-01");
        bought("c-1", "2026-05-01", "5000");
        InMemoryStore store = Bases.store(customers, purchases);
        CaseId onTheDay = CaseId.of("k-on");
        CaseId nextDay = CaseId.of("k-next");
        // 23:59 in the policy's zone (Asia/Shanghai) on the as-of day, and one minute later.
        store.cases().save(ServiceCase.complaint(onTheDay, CustomerId.of("c-1"),
                OffsetDateTime.of(2026, 6, 30, 23, 59, 0, 0, ZoneOffset.ofHours(8))));
        store.cases().save(ServiceCase.complaint(nextDay, CustomerId.of("c-1"),
                OffsetDateTime.of(2026, 7, 1, 0, 1, 0, 0, ZoneOffset.ofHours(8))));
        List<CustomerAssessment> assessed = new ArrayList<>();

        CustomerBaseAnalysis.of(STANDARD, ValueEstimator.none()).analyse(store.facts(), store.cases(),
                store.caseEvents(), AS_OF, assessed::add);

        assertThat(assessed).singleElement().satisfies(customer -> assertThat(
                customer.lifecycle().signals().value(Signal.OPEN_COMPLAINTS)).isEqualByComparingTo("1"));
    }

    @Test
    void rejectsAPurchaseInAnotherCurrencyAnywhereInTheHistory() {
        customer("c-1", "2024-01-01");
        purchases.add(Purchase.of(PurchaseId.of("old"), CustomerId.of("c-1"), LocalDate.of(2024, 2, 1),
                Money.of("USD", "10")));

        assertThatThrownBy(() -> analyse(Map.of())).isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'old' of customer 'c-1': currency USD does not match CNY (crmkit does not convert"
                        + " currencies)");
    }

    @Test
    void rejectsPoliciesWithoutTheSections() {
        Policy tiersOnly = Policy.of(STANDARD.header(), STANDARD.section(TieringPolicy.class), STANDARD.source());
        assertThatThrownBy(() -> CustomerBaseAnalysis.of(tiersOnly, ValueEstimator.none()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Policy standard@2026.1 has no lifecycle section; the standard policy's is a starting point"
                        + " (crm policy show)");
    }
}
