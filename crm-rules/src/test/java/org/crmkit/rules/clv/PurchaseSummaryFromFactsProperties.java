package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

/** A summary from a customer's facts is the summary {@link PurchaseSummaries#fromPurchases} gives. */
class PurchaseSummaryFromFactsProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final Customer CUSTOMER = Customer.of(CustomerId.of("c-1"), "Customer", LocalDate.of(2019, 1, 1));

    @Test
    void factsGiveTheSummaryOfThePurchases() {
        Property.forAll(purchases(), Gens.of(ClvTimeUnit.class)).check((purchases, unit) -> {
            MetricsQuery metrics = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF), ZoneOffset.UTC,
                    Money.currency("CNY"));
            CustomerFacts facts = FactsCalculator.compute(CUSTOMER, purchases, List.of(), List.of(),
                    FactsQuery.all(metrics, Set.of()));

            Optional<PurchaseSummary> fromFacts = PurchaseSummaries.fromFacts(facts, unit);
            List<PurchaseSummary> fromPurchases = PurchaseSummaries.fromPurchases(purchases, AS_OF, unit);

            assertThat(fromFacts.isPresent()).isEqualTo(!fromPurchases.isEmpty());
            fromFacts.ifPresent(summary -> {
                PurchaseSummary expected = fromPurchases.get(0);
                assertThat(summary.frequency()).isEqualTo(expected.frequency());
                assertThat(summary.recency()).isEqualTo(expected.recency());
                assertThat(summary.age()).isEqualTo(expected.age());
                assertThat(summary.averageRepeatValue()).isEqualByComparingTo(expected.averageRepeatValue());
            });
        });
    }

    /** Purchases over three years around the as-of day, several on a day now and then. */
    private static Gen<List<Purchase>> purchases() {
        Gen<Integer> days = Gens.integers(-3 * 365, 30);
        Gen<BigDecimal> amounts = Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("5000"), 2)
                .withEdgeCases(BigDecimal.ZERO);
        Gen<Purchase> purchase = source -> Purchase.of(PurchaseId.of("p"), CUSTOMER.id(),
                AS_OF.plusDays(days.generate(source)), Money.of("CNY", amounts.generate(source)));
        return purchase.list(0, 12).map(drafts -> {
            List<Purchase> numbered = new ArrayList<>();
            for (Purchase draft : drafts) {
                numbered.add(Purchase.of(PurchaseId.of("p" + numbered.size()), draft.customerId(), draft.orderDate(),
                        draft.amount()));
            }
            return numbered;
        });
    }
}
