package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

class RfmScorerProperties {

    @Test
    void everyCustomerGetsOneScoreBetweenOneAndBinsInEachDimension() {
        Property.forAll(populations(), settings()).check((population, settings) -> {
            List<RfmScore> scores = RfmScorer.score(population, settings);

            assertThat(scores).extracting(RfmScore::customerId)
                    .containsExactlyElementsOf(population.stream().map(SegmentInput::customerId).sorted().toList());
            assertThat(scores).allSatisfy(score -> {
                assertThat(score.recency()).isBetween(1, settings.bins());
                assertThat(score.frequency()).isBetween(1, settings.bins());
                assertThat(score.monetary()).isBetween(1, settings.bins());
            });
            if (!population.isEmpty()) {
                // The worst value of a group always scores 1, so every dimension uses score 1.
                assertThat(scores).anyMatch(score -> score.recency() == 1)
                        .anyMatch(score -> score.frequency() == 1).anyMatch(score -> score.monetary() == 1);
            }
        });
    }

    @Test
    void equalValuesInTheSameGroupGetEqualScores() {
        Property.forAll(populations(), settings()).check((population, settings) ->
                comparePairs(population, settings, (valueOrder, score, otherScore) -> {
                    if (valueOrder == 0) {
                        assertThat(score).isEqualTo(otherScore);
                    }
                }));
    }

    @Test
    void aBetterValueNeverScoresLowerWithinItsGroup() {
        Property.forAll(populations(), settings()).check((population, settings) ->
                comparePairs(population, settings, (valueOrder, score, otherScore) -> {
                    if (valueOrder > 0) {
                        assertThat(score).isGreaterThanOrEqualTo(otherScore);
                    }
                }));
    }

    @Test
    void permutingTheInputChangesNoScore() {
        Property.forAll(populations(), settings(), Gens.longs()).check((population, settings, seed) ->
                assertThat(RfmScorer.score(Segments.shuffled(population, seed), settings))
                        .isEqualTo(RfmScorer.score(population, settings)));
    }

    @Test
    void distinctValuesFillEveryBinWithSizesDifferingByAtMostOne() {
        Property.forAll(Gens.integers(0, 80), Gens.integers(2, 10), Gens.longs()).check((n, bins, seed) -> {
            List<Integer> values = Segments.shuffled(IntStream.range(0, n).boxed().toList(), seed);
            List<SegmentInput> population = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int value = values.get(i);
                population.add(SegmentInput.of(CustomerId.of("c-" + i), value, value, Segments.cny(value + ".50")));
            }

            List<RfmScore> scores = RfmScorer.score(population, RfmSettings.of(bins, RfmBinning.INDEPENDENT));

            for (Function<RfmScore, Integer> dimension : List.<Function<RfmScore, Integer>>of(
                    RfmScore::recency, RfmScore::frequency, RfmScore::monetary)) {
                Map<Integer, Long> sizes = scores.stream()
                        .collect(Collectors.groupingBy(dimension, Collectors.counting()));
                for (int score = 1; score <= bins; score++) {
                    assertThat(sizes.getOrDefault(score, 0L))
                            .isBetween((long) n / bins, (long) (n + bins - 1) / bins);
                }
            }
        });
    }

    /** What {@link #comparePairs} reports for two customers in one dimension. */
    @FunctionalInterface
    private interface PairCheck {
        /**
         * @param valueOrder positive when the first customer's value is better, zero when equal
         * @param score the first customer's score
         * @param otherScore the second customer's score
         */
        void check(int valueOrder, int score, int otherScore);
    }

    /**
     * Scores the population, then checks every ordered pair of customers in every dimension in
     * which they are ranked against each other: all of them with independent bins; with nested
     * bins frequency only within one recency score and monetary value within one (R, F) pair.
     */
    private static void comparePairs(List<SegmentInput> population, RfmSettings settings, PairCheck pairCheck) {
        Map<CustomerId, RfmScore> scores = byCustomer(RfmScorer.score(population, settings));
        boolean nested = settings.binning() == RfmBinning.NESTED;
        for (SegmentInput one : population) {
            for (SegmentInput other : population) {
                RfmScore a = scores.get(one.customerId());
                RfmScore b = scores.get(other.customerId());
                // Fewer days since the last purchase is the better recency.
                pairCheck.check(Integer.compare(other.recencyDays(), one.recencyDays()), a.recency(), b.recency());
                if (!nested || a.recency() == b.recency()) {
                    pairCheck.check(Integer.compare(one.frequency(), other.frequency()), a.frequency(), b.frequency());
                }
                if (!nested || (a.recency() == b.recency() && a.frequency() == b.frequency())) {
                    pairCheck.check(one.monetary().compareTo(other.monetary()), a.monetary(), b.monetary());
                }
            }
        }
    }

    private static Map<CustomerId, RfmScore> byCustomer(List<RfmScore> scores) {
        return scores.stream().collect(Collectors.toMap(RfmScore::customerId, Function.identity()));
    }

    static Gen<RfmSettings> settings() {
        Gen<Integer> bins = Gens.integers(RfmSettings.MIN_BINS, RfmSettings.MAX_BINS);
        Gen<RfmBinning> binnings = Gens.of(RfmBinning.class);
        return source -> RfmSettings.of(bins.generate(source), binnings.generate(source));
    }

    /** Small value ranges, so that ties, and ties across bin boundaries, are common. */
    static Gen<List<SegmentInput>> populations() {
        Gen<Integer> recencies = Gens.integers(0, 60);
        Gen<Integer> frequencies = Gens.integers(0, 8);
        Gen<Integer> cents = Gens.integers(0, 40);
        Gen<int[]> values = source -> new int[] {recencies.generate(source), frequencies.generate(source),
                cents.generate(source)};
        return values.list(0, 60).map(rows -> {
            List<SegmentInput> population = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int[] row = rows.get(i);
                population.add(SegmentInput.of(CustomerId.of("c-" + i), row[0], row[1],
                        Money.of("CNY", BigDecimal.valueOf(row[2] * 25L, 1))));
            }
            return population;
        });
    }
}
