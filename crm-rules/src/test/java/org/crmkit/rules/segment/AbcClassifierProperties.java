package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

class AbcClassifierProperties {

    @Test
    void everyCustomerIsClassifiedOnceHighestSpendFirst() {
        Property.forAll(populations(), settings()).check((population, settings) -> {
            List<AbcResult> results = AbcClassifier.classify(population, settings);

            assertThat(results).extracting(AbcResult::customerId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(population.stream().map(SegmentInput::customerId).toList());
            assertThat(results).extracting(AbcResult::spend).isSortedAccordingTo((a, b) -> b.compareTo(a));
            assertThat(results).extracting(AbcResult::cumulativeShare).isSorted();
            assertThat(results).extracting(AbcResult::higherSpendShare).isSorted();
        });
    }

    @Test
    void aHigherSpendNeverGetsAWorseClassAndEqualSpendsShareOne() {
        Property.forAll(populations(), settings()).check((population, settings) -> {
            List<AbcResult> results = AbcClassifier.classify(population, settings);

            for (AbcResult one : results) {
                for (AbcResult other : results) {
                    int bySpend = one.spend().compareTo(other.spend());
                    if (bySpend > 0) {
                        assertThat(one.abcClass()).isLessThanOrEqualTo(other.abcClass());
                    } else if (bySpend == 0) {
                        assertThat(one.abcClass()).isEqualTo(other.abcClass());
                    }
                }
            }
        });
    }

    @Test
    void classAIsTheSmallestGroupOfTopSpendersHoldingTheAShareAndAWithBTheBShare() {
        Property.forAll(populations(), settings()).check((population, settings) -> {
            List<AbcResult> results = AbcClassifier.classify(population, settings);
            BigDecimal total = spendOf(results, AbcClass.C);

            checkTopGroup(results, AbcClass.A, settings.aShare().multiply(total));
            checkTopGroup(results, AbcClass.B, settings.bShare().multiply(total));
        });
    }

    /**
     * The classes up to {@code worst} are the top spenders: what was spent before the last of
     * them is below the limit, and unless only customers without spend are left, they hold at
     * least the limit.
     */
    private static void checkTopGroup(List<AbcResult> results, AbcClass worst, BigDecimal limit) {
        List<AbcResult> top = results.stream().filter(result -> result.abcClass().compareTo(worst) <= 0).toList();
        if (top.isEmpty()) {
            assertThat(results).allSatisfy(result -> assertThat(result.spend().isZero()).isTrue());
            return;
        }
        AbcResult last = top.get(top.size() - 1);
        BigDecimal before = results.stream().filter(result -> result.spend().compareTo(last.spend()) > 0)
                .map(result -> result.spend().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(before).isLessThan(limit);
        boolean othersSpent = results.stream()
                .anyMatch(result -> result.abcClass().compareTo(worst) > 0 && !result.spend().isZero());
        if (othersSpent) {
            assertThat(spendOf(results, worst)).isGreaterThanOrEqualTo(limit);
        }
    }

    @Test
    void customersWithoutSpendAreC() {
        Property.forAll(populations(), settings()).check((population, settings) ->
                assertThat(AbcClassifier.classify(population, settings)).filteredOn(result -> result.spend().isZero())
                        .allSatisfy(result -> assertThat(result.abcClass()).isEqualTo(AbcClass.C)));
    }

    @Test
    void permutingTheInputChangesNothing() {
        Property.forAll(populations(), settings(), Gens.longs()).check((population, settings, seed) ->
                assertThat(AbcClassifier.classify(Segments.shuffled(population, seed), settings))
                        .isEqualTo(AbcClassifier.classify(population, settings)));
    }

    @Test
    void theSummaryCountsEveryCustomerAndAllSpend() {
        Property.forAll(populations(), settings()).check((population, settings) -> {
            AbcSummary summary = AbcSummary.of(AbcClassifier.classify(population, settings));

            assertThat(summary.lines().stream().mapToInt(AbcSummary.Line::customers).sum())
                    .isEqualTo(population.size());
            if (population.stream().anyMatch(input -> !input.monetary().isZero())) {
                // Three shares each rounded half-even to 0.0001 miss 1 by at most 0.00015.
                BigDecimal shares = summary.lines().stream().map(AbcSummary.Line::spendShare)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(shares).isBetween(new BigDecimal("0.99985"), new BigDecimal("1.00015"));
            }
        });
    }

    /** Spend of the customers in the classes up to and including {@code worst}. */
    private static BigDecimal spendOf(List<AbcResult> results, AbcClass worst) {
        return results.stream().filter(result -> result.abcClass().compareTo(worst) <= 0)
                .map(result -> result.spend().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Gen<AbcSettings> settings() {
        return Gens.integers(1, 100).set(2, 2).map(percents -> {
            List<Integer> sorted = percents.stream().sorted().toList();
            return AbcSettings.of(BigDecimal.valueOf(sorted.get(0), 2), BigDecimal.valueOf(sorted.get(1), 2));
        });
    }

    /** Few distinct spends, zero among them, so that ties across thresholds are common. */
    static Gen<List<SegmentInput>> populations() {
        Gen<Integer> spends = Gens.frequency(
                Gens.weighted(1, Gens.constant(0)),
                Gens.weighted(4, Gens.integers(1, 30)),
                Gens.weighted(1, Gens.integers(100, 100_000)));
        return spends.list(0, 60).map(amounts -> {
            List<SegmentInput> population = new ArrayList<>();
            for (int i = 0; i < amounts.size(); i++) {
                population.add(SegmentInput.of(CustomerId.of("c-" + i), 1, 1,
                        Segments.cny(BigDecimal.valueOf(amounts.get(i) * 10L, 2).toPlainString())));
            }
            return population;
        });
    }
}
