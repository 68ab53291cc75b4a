package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

class RfmScorerProperties {

    @Property
    void everyCustomerGetsOneScoreBetweenOneAndBinsInEachDimension(
            @ForAll("populations") List<SegmentInput> population, @ForAll("settings") RfmSettings settings) {
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
    }

    @Property
    void equalValuesInTheSameGroupGetEqualScores(@ForAll("populations") List<SegmentInput> population,
            @ForAll("settings") RfmSettings settings) {
        Map<CustomerId, RfmScore> scores = byCustomer(RfmScorer.score(population, settings));
        boolean nested = settings.binning() == RfmBinning.NESTED;

        for (SegmentInput one : population) {
            for (SegmentInput other : population) {
                RfmScore a = scores.get(one.customerId());
                RfmScore b = scores.get(other.customerId());
                if (one.recencyDays() == other.recencyDays()) {
                    assertThat(a.recency()).isEqualTo(b.recency());
                }
                if (sameFrequencyGroup(a, b, nested) && one.frequency() == other.frequency()) {
                    assertThat(a.frequency()).isEqualTo(b.frequency());
                }
                if (sameMonetaryGroup(a, b, nested) && one.monetary().equals(other.monetary())) {
                    assertThat(a.monetary()).isEqualTo(b.monetary());
                }
            }
        }
    }

    @Property
    void aBetterValueNeverScoresLowerWithinItsGroup(@ForAll("populations") List<SegmentInput> population,
            @ForAll("settings") RfmSettings settings) {
        Map<CustomerId, RfmScore> scores = byCustomer(RfmScorer.score(population, settings));
        boolean nested = settings.binning() == RfmBinning.NESTED;

        for (SegmentInput better : population) {
            for (SegmentInput worse : population) {
                RfmScore a = scores.get(better.customerId());
                RfmScore b = scores.get(worse.customerId());
                if (better.recencyDays() < worse.recencyDays()) {
                    assertThat(a.recency()).isGreaterThanOrEqualTo(b.recency());
                }
                if (sameFrequencyGroup(a, b, nested) && better.frequency() > worse.frequency()) {
                    assertThat(a.frequency()).isGreaterThanOrEqualTo(b.frequency());
                }
                if (sameMonetaryGroup(a, b, nested) && better.monetary().compareTo(worse.monetary()) > 0) {
                    assertThat(a.monetary()).isGreaterThanOrEqualTo(b.monetary());
                }
            }
        }
    }

    @Property
    void permutingTheInputChangesNoScore(@ForAll("populations") List<SegmentInput> population,
            @ForAll("settings") RfmSettings settings, @ForAll long seed) {
        List<SegmentInput> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(RfmScorer.score(shuffled, settings)).isEqualTo(RfmScorer.score(population, settings));
    }

    @Property
    void distinctValuesFillEveryBinWithSizesDifferingByAtMostOne(@ForAll @IntRange(min = 0, max = 80) int n,
            @ForAll @IntRange(min = 2, max = 10) int bins, @ForAll long seed) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i);
        }
        Collections.shuffle(values, new Random(seed));
        List<SegmentInput> population = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = values.get(i);
            population.add(SegmentInput.of(CustomerId.of("c-" + i), value, value, Segments.cny(value + ".50")));
        }

        List<RfmScore> scores = RfmScorer.score(population, RfmSettings.of(bins, RfmBinning.INDEPENDENT));

        for (Function<RfmScore, Integer> dimension : List.<Function<RfmScore, Integer>>of(
                RfmScore::recency, RfmScore::frequency, RfmScore::monetary)) {
            Map<Integer, Long> sizes = scores.stream().collect(Collectors.groupingBy(dimension, Collectors.counting()));
            for (int score = 1; score <= bins; score++) {
                assertThat(sizes.getOrDefault(score, 0L)).isBetween((long) n / bins, (long) (n + bins - 1) / bins);
            }
        }
    }

    /** Frequency is ranked against everybody, or with nested bins against the same recency score. */
    private static boolean sameFrequencyGroup(RfmScore a, RfmScore b, boolean nested) {
        return !nested || a.recency() == b.recency();
    }

    /** Monetary value is ranked against everybody, or with nested bins against the same R and F scores. */
    private static boolean sameMonetaryGroup(RfmScore a, RfmScore b, boolean nested) {
        return !nested || (a.recency() == b.recency() && a.frequency() == b.frequency());
    }

    private static Map<CustomerId, RfmScore> byCustomer(List<RfmScore> scores) {
        return scores.stream().collect(Collectors.toMap(RfmScore::customerId, Function.identity()));
    }

    @Provide
    Arbitrary<RfmSettings> settings() {
        return Combinators.combine(Arbitraries.integers().between(RfmSettings.MIN_BINS, RfmSettings.MAX_BINS),
                Arbitraries.of(RfmBinning.class)).as(RfmSettings::of);
    }

    /** Small value ranges, so that ties, and ties across bin boundaries, are common. */
    @Provide
    Arbitrary<List<SegmentInput>> populations() {
        Arbitrary<int[]> values = Combinators.combine(Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 40))
                .as((recency, frequency, cents) -> new int[] {recency, frequency, cents});
        return values.list().ofMaxSize(60).map(rows -> {
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
