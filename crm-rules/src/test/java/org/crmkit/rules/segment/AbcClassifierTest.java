package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmkit.rules.segment.Segments.cny;
import static org.crmkit.rules.segment.Segments.spender;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;

class AbcClassifierTest {

    @Test
    void classifiesByTheShareOfSpendBeforeEachCustomer() {
        /*
         * Total 1000. Share before = spend of customers who spent strictly more, over 1000.
         *   spend         500   200   100   100    50    30    20     0
         *   share before    0   .50   .70   .70   .90   .95   .98  1.00
         *   class           A     A     B     B     C     C     C     C   (A below .70, B below .90)
         *   cumulative    .50   .70   .80   .90   .95   .98  1.00  1.00
         */
        List<SegmentInput> eight = List.of(spender("h", "0"), spender("g", "20"), spender("f", "30"),
                spender("e", "50"), spender("d", "100"), spender("c", "100"), spender("b", "200"),
                spender("a", "500"));

        List<AbcResult> results = AbcClassifier.classify(eight, AbcSettings.standard());

        assertThat(results).extracting(result -> result.customerId().value(), AbcResult::abcClass,
                result -> result.higherSpendShare().toPlainString(), result -> result.cumulativeShare().toPlainString())
                .containsExactly(
                        tuple("a", AbcClass.A, "0.000000", "0.500000"),
                        tuple("b", AbcClass.A, "0.500000", "0.700000"),
                        tuple("c", AbcClass.B, "0.700000", "0.800000"),
                        tuple("d", AbcClass.B, "0.700000", "0.900000"),
                        tuple("e", AbcClass.C, "0.900000", "0.950000"),
                        tuple("f", AbcClass.C, "0.950000", "0.980000"),
                        tuple("g", AbcClass.C, "0.980000", "1.000000"),
                        tuple("h", AbcClass.C, "1.000000", "1.000000"));
        assertThat(results.get(0).spend()).isEqualTo(cny("500"));
    }

    @Test
    void keepsATieThatStraddlesTheAThresholdInTheBetterClass() {
        // The two customers at 300 both start at 0.40 < 0.70, although the second ends at 1.00.
        List<AbcResult> results = AbcClassifier.classify(
                List.of(spender("x", "300"), spender("y", "400"), spender("z", "300")), AbcSettings.standard());

        assertThat(results).extracting(result -> result.customerId().value(), AbcResult::abcClass)
                .containsExactly(tuple("y", AbcClass.A), tuple("x", AbcClass.A), tuple("z", AbcClass.A));
    }

    @Test
    void theTopSpenderIsAlwaysAEvenWhenItAloneHoldsMoreThanB() {
        // 95% before the second customer: past both thresholds, so it drops straight to C.
        List<AbcResult> results = AbcClassifier.classify(List.of(spender("big", "950"), spender("small", "50")),
                AbcSettings.standard());

        assertThat(results).extracting(AbcResult::abcClass).containsExactly(AbcClass.A, AbcClass.C);
    }

    @Test
    void paretoTheTwentyPercentOfCustomersHoldingSeventyPercentOfSpendAreA() {
        // 100 customers: 20 spend 350 (7000, 70%), 40 spend 50 (2000, 20%), 40 spend 25 (1000, 10%).
        List<SegmentInput> population = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String spend = i < 20 ? "350" : i < 60 ? "50" : "25";
            population.add(spender(String.format("c-%03d", i), spend));
        }

        List<AbcResult> results = AbcClassifier.classify(population, AbcSettings.standard());

        assertThat(results.subList(0, 20)).allSatisfy(result -> {
            assertThat(result.abcClass()).isEqualTo(AbcClass.A);
            assertThat(result.spend()).isEqualTo(cny("350"));
        });
        assertThat(results.subList(20, 60)).extracting(AbcResult::abcClass).containsOnly(AbcClass.B);
        assertThat(results.subList(60, 100)).extracting(AbcResult::abcClass).containsOnly(AbcClass.C);
        assertThat(AbcSummary.of(results).lines()).extracting(AbcSummary.Line::describe).containsExactly(
                "A: 20 customers (20.00%), 70.00% of spend",
                "B: 40 customers (40.00%), 20.00% of spend",
                "C: 40 customers (40.00%), 10.00% of spend");
    }

    @Test
    void putsCustomersWithoutSpendInC() {
        List<AbcResult> results = AbcClassifier.classify(List.of(spender("a", "10"), spender("b", "0")),
                AbcSettings.of(new BigDecimal("0.5"), BigDecimal.ONE));

        assertThat(results).extracting(AbcResult::abcClass).containsExactly(AbcClass.A, AbcClass.C);
    }

    @Test
    void putsEverybodyInCWithZeroSharesWhenNobodySpentAnything() {
        List<AbcResult> results = AbcClassifier.classify(List.of(spender("a", "0"), spender("b", "0")),
                AbcSettings.standard());

        assertThat(results).extracting(result -> result.customerId().value(), AbcResult::abcClass,
                result -> result.cumulativeShare().toPlainString())
                .containsExactly(tuple("a", AbcClass.C, "0.000000"), tuple("b", AbcClass.C, "0.000000"));
    }

    @Test
    void withBShareOneEverybodyWhoSpentIsAOrB() {
        List<AbcResult> results = AbcClassifier.classify(
                List.of(spender("a", "90"), spender("b", "9"), spender("c", "1"), spender("d", "0")),
                AbcSettings.of(new BigDecimal("0.5"), BigDecimal.ONE));

        assertThat(results).extracting(AbcResult::abcClass)
                .containsExactly(AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C);
    }

    @Test
    void decidesOnExactAmountsNotOnTheRoundedShares() {
        // Before the second customer lies exactly 2/3 of the spend, below an A share of 0.6666667;
        // the share shown, 0.666667, is above it, so comparing rounded shares would say B.
        AbcSettings settings = AbcSettings.of(new BigDecimal("0.6666667"), new BigDecimal("0.9"));

        List<AbcResult> results = AbcClassifier.classify(List.of(spender("a", "2"), spender("b", "1")), settings);

        assertThat(results.get(1).higherSpendShare()).isEqualByComparingTo("0.666667");
        assertThat(results.get(1).abcClass()).isEqualTo(AbcClass.A);
        assertThat(AbcClassifier.classify(List.of(spender("a", "2"), spender("b", "1")),
                AbcSettings.of(new BigDecimal("0.6666666"), new BigDecimal("0.9"))).get(1).abcClass())
                .isEqualTo(AbcClass.B);
    }

    @Test
    void classifiesAMapOfSpendsLikeTheInputsItComesFrom() {
        Map<CustomerId, Money> spends = new LinkedHashMap<>();
        spends.put(CustomerId.of("b"), cny("10"));
        spends.put(CustomerId.of("a"), cny("10"));
        spends.put(CustomerId.of("never-bought"), cny("0"));

        List<AbcResult> results = AbcClassifier.classify(spends, AbcSettings.standard());

        assertThat(results).extracting(result -> result.customerId().value(), AbcResult::abcClass).containsExactly(
                tuple("a", AbcClass.A), tuple("b", AbcClass.A), tuple("never-bought", AbcClass.C));
        assertThat(results).isEqualTo(AbcClassifier.classify(
                List.of(spender("b", "10"), spender("a", "10"), spender("never-bought", "0")), AbcSettings.standard()));
    }

    @Test
    void classifiesAnEmptyPopulationAsNobody() {
        assertThat(AbcClassifier.classify(Map.of(), AbcSettings.standard())).isEmpty();
    }

    @Test
    void rejectsSpendInTwoCurrenciesNamingTheCustomer() {
        Map<CustomerId, Money> spends = Map.of(CustomerId.of("a"), cny("10"), CustomerId.of("b"),
                Money.of("EUR", "10"));

        assertThatThrownBy(() -> AbcClassifier.classify(spends, AbcSettings.standard()))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("spend of customer 'b': currency EUR does not match CNY (crmkit does not convert currencies)");
    }

    @Test
    void rejectsNegativeSpend() {
        Map<CustomerId, Money> spends = Map.of(CustomerId.of("refunded"), cny("-10"));

        assertThatThrownBy(() -> AbcClassifier.classify(spends, AbcSettings.standard()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("spend of customer 'refunded' must not be negative, was -10.00 CNY");
    }

    @Test
    void rejectsACustomerListedTwice() {
        assertThatThrownBy(() -> AbcClassifier.classify(List.of(spender("a", "1"), spender("a", "2")),
                AbcSettings.standard()))
                .isInstanceOf(InvalidValueException.class).hasMessage("customer 'a' appears more than once");
    }
}
