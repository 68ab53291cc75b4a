package org.crmkit.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.rules.clv.CdnowData;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.PurchaseModelKind;
import org.junit.jupiter.api.Test;

class ClvEstimatorTest {
    /** What the estimator's model gave each customer, and its notes. */
    private record Estimates(Map<CustomerId, ValueEstimate> byCustomer, List<String> notes) {
        Optional<ValueEstimate> of(CustomerId id) {
            return Optional.ofNullable(byCustomer.get(id));
        }
    }

    /** Streams the customers' facts through a fitting and then the fitted model, as the analysis does. */
    private static Estimates estimate(ClvEstimator estimator, List<Purchase> purchases, LocalDate asOf) {
        InMemoryStore store = InMemoryStore.create();
        purchases.stream().map(Purchase::customerId).distinct().forEach(id ->
                store.customers().save(Customer.of(id, "Customer " + id, LocalDate.of(1990, 1, 1))));
        purchases.forEach(store.purchases()::record);
        Currency currency = purchases.isEmpty() ? Money.currency("CNY") : purchases.get(0).amount().currency();
        FactsQuery query = FactsQuery.all(new MetricsQuery(asOf, DateWindow.trailingMonths(12, asOf), ZoneOffset.UTC,
                currency), Set.of());
        ValueEstimator.Fitting fitting = estimator.fitting(asOf);
        store.facts().forEach(query, fitting::add);
        ValueEstimator.ValueModel model = fitting.fit();
        Map<CustomerId, ValueEstimate> byCustomer = new HashMap<>();
        store.facts().forEach(query, facts -> model.estimate(facts)
                .ifPresent(estimate -> byCustomer.put(facts.customerId(), estimate)));
        return new Estimates(byCustomer, model.notes());
    }

    /** The published study's setting: weeks, a 39-week horizon, no discounting. */
    private static final ClvPolicy STUDY = new ClvPolicy(PurchaseModelKind.BGNBD, ClvTimeUnit.WEEKS, 39, BigDecimal.ZERO,
            ClvPolicy.DEFAULT_MIN_CUSTOMERS);

    @Test
    void fitsTheCdnowSampleFromRawPurchasesAsThePublishedStudyDid() {
        List<Purchase> purchases = CdnowData.samplePurchases(CdnowData.folder());

        Estimates estimates = estimate(ClvEstimator.of(STUDY), purchases, CdnowData.CALIBRATION_END);

        assertThat(estimates.byCustomer()).hasSize(2357);
        assertThat(estimates.notes().get(0)).startsWith("bgnbd fitted on 2,357 customers: r=0.2426, alpha=4.41");
        assertThat(estimates.notes().get(1)).startsWith("gamma_gamma fitted on 946 customers: p=6.2");
        // Customer 1 of the sample is the published example: x = 2, t_x = 30.43, T = 38.86 weeks.
        ValueEstimate first = estimates.of(CustomerId.of("1")).orElseThrow();
        assertThat(first.probabilityAlive()).isCloseTo(new BigDecimal("0.7266"), within(new BigDecimal("0.001")));
        assertThat(first.expectedPurchases()).isCloseTo(new BigDecimal("1.226"), within(new BigDecimal("0.002")));
        assertThat(first.aliveByAssumption()).isFalse();
        // Under BG/NBD a customer without repeat purchase is alive by construction: no evidence.
        assertThat(estimates.byCustomer().values()).filteredOn(ValueEstimate::aliveByAssumption).hasSize(2357 - 946)
                .allSatisfy(estimate -> assertThat(estimate.probabilityAlive()).isEqualByComparingTo("1"));
        // Undiscounted, lifetime value is the expected purchases times the expected value per purchase.
        assertThat(first.lifetimeValue()).isCloseTo(first.expectedPurchases().multiply(first.expectedAverageValue()),
                within(new BigDecimal("0.05")));
    }

    @Test
    void repeatBuyersWhoPaidNothingForTheirRepeatsAreLeftOutOfTheSpendModelButStillEstimated() {
        List<Purchase> purchases = new ArrayList<>(CdnowData.samplePurchases(CdnowData.folder()));
        for (String day : List.of("1997-01-10", "1997-02-10", "1997-03-01")) {
            purchases.add(Purchase.of(PurchaseId.of("free-" + day), CustomerId.of("free"), LocalDate.parse(day),
                    Money.of("USD", day.equals("1997-01-10") ? "25.00" : "0.00")));
        }

        Estimates estimates = estimate(ClvEstimator.of(STUDY), purchases, CdnowData.CALIBRATION_END);

        assertThat(estimates.notes().get(0)).startsWith("bgnbd fitted on 2,358 customers: ");
        assertThat(estimates.notes().get(1)).startsWith("gamma_gamma fitted on 946 customers: p=6.2");
        ValueEstimate free = estimates.of(CustomerId.of("free")).orElseThrow();
        assertThat(free.aliveByAssumption()).isFalse();
        assertThat(free.expectedAverageValue()).isPositive();
    }

    @Test
    void estimatesNothingWhenNobodyBoughtTwiceAndSaysWhy() {
        List<Purchase> once = List.of(
                Purchase.of(PurchaseId.of("p1"), CustomerId.of("c-1"), LocalDate.of(2026, 1, 5), Money.of("CNY", "100")),
                Purchase.of(PurchaseId.of("p2"), CustomerId.of("c-2"), LocalDate.of(2026, 2, 5), Money.of("CNY", "100")));

        ClvPolicy anySize = new ClvPolicy(PurchaseModelKind.BGNBD, ClvTimeUnit.WEEKS, 52, BigDecimal.ZERO, 1);

        Estimates estimates = estimate(ClvEstimator.of(anySize), once, LocalDate.of(2026, 6, 30));

        assertThat(estimates.byCustomer()).isEmpty();
        assertThat(estimates.notes()).singleElement().asString().startsWith("no purchase model: bgnbd cannot be fitted, ");
    }

    @Test
    void estimatesNothingForFewerCustomersThanThePolicyFitsOn() {
        List<Purchase> purchases = List.of(
                Purchase.of(PurchaseId.of("p1"), CustomerId.of("c-1"), LocalDate.of(2026, 1, 5), Money.of("CNY", "100")),
                Purchase.of(PurchaseId.of("p2"), CustomerId.of("c-1"), LocalDate.of(2026, 2, 5), Money.of("CNY", "100")));

        Estimates estimates = estimate(ClvEstimator.of(ClvPolicy.standard()), purchases, LocalDate.of(2026, 6, 30));

        assertThat(estimates.byCustomer()).isEmpty();
        assertThat(estimates.notes()).containsExactly("no purchase model: 1 customers with a purchase, fewer than the 100"
                + " the policy fits models on (clv.min_customers)");
    }

    @Test
    void ignoresPurchasesAfterTheAsOfDay() {
        Estimates estimates = estimate(ClvEstimator.of(ClvPolicy.standard()), List.of(
                Purchase.of(PurchaseId.of("p1"), CustomerId.of("c-1"), LocalDate.of(2026, 7, 5), Money.of("CNY", "100"))),
                LocalDate.of(2026, 6, 30));

        assertThat(estimates.notes()).containsExactly("no purchase model: no purchase up to 2026-06-30");
    }
}
