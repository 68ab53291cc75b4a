package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmkit.rules.segment.Segments.buyer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;

class RfmScorerTest {
    /*
     * Ten customers. Scores with 5 bins are 1 + floor(5 * worse / 10), worse = customers strictly worse.
     *
     *        recency  worse R | frequency worse F | monetary worse M | code
     *   c01      2      9   5 |    13       9   5 |   5000     9   5 | 555
     *   c02      5      7   4 |     8       8   5 |   1200     7   4 | 454
     *   c03      5      7   4 |     5       7   4 |   3000     8   5 | 445
     *   c04     10      6   4 |     3       5   3 |    800     5   3 | 433
     *   c05     30      4   3 |     3       5   3 |    800     5   3 | 333
     *   c06     30      4   3 |     2       4   3 |    450     4   3 | 333
     *   c07     60      3   2 |     1       0   1 |    300     3   2 | 212
     *   c08     90      2   2 |     1       0   1 |    150     2   2 | 212
     *   c09    180      1   1 |     1       0   1 |    100     1   1 | 111
     *   c10    365      0   1 |     1       0   1 |     50     0   1 | 111
     *
     * Ties spanning a bin boundary stay together: c02/c03 sit at positions 7 and 8 of the recency
     * order (bins 4 and 5) and both score 4; the four one-time buyers fill bin 1 and spill into
     * bin 2, so nobody has F = 2; c04/c05 at 800 straddle bins 3 and 4 and both score 3.
     */
    private static final List<SegmentInput> TEN = List.of(
            buyer("c01", 2, 13, "5000"),
            buyer("c02", 5, 8, "1200"),
            buyer("c03", 5, 5, "3000"),
            buyer("c04", 10, 3, "800"),
            buyer("c05", 30, 3, "800"),
            buyer("c06", 30, 2, "450"),
            buyer("c07", 60, 1, "300"),
            buyer("c08", 90, 1, "150"),
            buyer("c09", 180, 1, "100"),
            buyer("c10", 365, 1, "50"));

    @Test
    void scoresEachDimensionOverThePopulationWithIndependentBins() {
        List<RfmScore> scores = RfmScorer.score(TEN, RfmSettings.standard());

        assertThat(scores).extracting(score -> score.customerId().value(), RfmScore::code).containsExactly(
                tuple("c01", "555"),
                tuple("c02", "454"),
                tuple("c03", "445"),
                tuple("c04", "433"),
                tuple("c05", "333"),
                tuple("c06", "333"),
                tuple("c07", "212"),
                tuple("c08", "212"),
                tuple("c09", "111"),
                tuple("c10", "111"));
        assertThat(scores.get(1)).isEqualTo(new RfmScore(CustomerId.of("c02"), 4, 5, 4));
        assertThat(scores.get(1).combined()).isEqualTo(454);
    }

    @Test
    void ranksFrequencyWithinRecencyBinsAndMonetaryWithinBothWithNestedBins() {
        /*
         * R as above. F is ranked within each R bin, M within each (R, F) bin:
         *   R5 {c01}:                      alone, F 1; alone in (5,1), M 1          -> 511
         *   R4 {c04 f3, c03 f5, c02 f8}:   worse 0, 1, 2 of 3 -> F 1, 2, 4;
         *                                  each alone in its (R,F) bin, M 1         -> 411, 421, 441
         *   R3 {c06 f2, c05 f3}:           worse 0, 1 of 2 -> F 1, 3; M 1           -> 311, 331
         *   R2 {c07 f1, c08 f1}:           tie, F 1; in (2,1) c08 150, c07 300
         *                                  worse 0, 1 of 2 -> M 1, 3                -> 213, 211
         *   R1 {c09 f1, c10 f1}:           tie, F 1; c10 50, c09 100 -> M 1, 3      -> 113, 111
         */
        List<RfmScore> scores = RfmScorer.score(TEN, RfmSettings.of(5, RfmBinning.NESTED));

        assertThat(scores).extracting(RfmScore::code)
                .containsExactly("511", "441", "421", "411", "331", "311", "213", "211", "113", "111");
    }

    @Test
    void keepsATieThatSpansABinBoundaryInTheLowerBinWithThreeBins() {
        // Six customers, three bins of two. The three at 2 purchases take positions 1..3 (bins 1 and
        // 2) and share the bin of the first: 1 + floor(3 * 1 / 6) = 1. Bin 2 stays empty.
        List<SegmentInput> six = List.of(buyer("a", 1, 1, "10"), buyer("b", 1, 2, "10"), buyer("c", 1, 2, "10"),
                buyer("d", 1, 2, "10"), buyer("e", 1, 3, "10"), buyer("f", 1, 4, "10"));

        assertThat(RfmScorer.score(six, RfmSettings.of(3, RfmBinning.INDEPENDENT)))
                .extracting(RfmScore::frequency).containsExactly(1, 1, 1, 1, 3, 3);
    }

    @Test
    void splitsDistinctValuesIntoBinsWhoseSizesDifferByAtMostOne() {
        // Seven spends, three bins: 1 + floor(3 * i / 7) for i = 0..6 gives 1 1 1 2 2 3 3.
        List<SegmentInput> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(buyer("c" + i, 1, 1, String.valueOf(10 * (i + 1))));
        }

        assertThat(RfmScorer.score(seven, RfmSettings.of(3, RfmBinning.INDEPENDENT)))
                .extracting(RfmScore::monetary).containsExactly(1, 1, 1, 2, 2, 3, 3);
    }

    @Test
    void scoresTheMostRecentBuyersHighest() {
        List<SegmentInput> three = List.of(buyer("old", 300, 1, "1"), buyer("new", 0, 1, "1"),
                buyer("mid", 20, 1, "1"));

        assertThat(RfmScorer.score(three, RfmSettings.of(3, RfmBinning.INDEPENDENT)))
                .extracting(score -> score.customerId().value(), RfmScore::recency)
                .containsExactly(tuple("mid", 2),
                        tuple("new", 3),
                        tuple("old", 1));
    }

    @Test
    void givesEverybodyOneWhenNobodyDiffers() {
        List<SegmentInput> alike = List.of(buyer("a", 5, 2, "100"), buyer("b", 5, 2, "100.00"));

        assertThat(RfmScorer.score(alike, RfmSettings.standard())).extracting(RfmScore::code)
                .containsExactly("111", "111");
    }

    @Test
    void returnsScoresInCustomerIdOrderWhateverTheInputOrder() {
        List<SegmentInput> reversed = new ArrayList<>(TEN);
        Collections.reverse(reversed);

        assertThat(RfmScorer.score(reversed, RfmSettings.standard()))
                .isEqualTo(RfmScorer.score(TEN, RfmSettings.standard()));
    }

    @Test
    void scoresAnEmptyPopulationAsNobody() {
        assertThat(RfmScorer.score(List.of(), RfmSettings.standard())).isEmpty();
    }

    @Test
    void rejectsACustomerListedTwice() {
        List<SegmentInput> twice = List.of(buyer("c-1", 1, 1, "1"), buyer("c-1", 2, 2, "2"));

        assertThatThrownBy(() -> RfmScorer.score(twice, RfmSettings.standard()))
                .isInstanceOf(InvalidValueException.class).hasMessage("customer 'c-1' appears more than once");
    }

    @Test
    void rejectsSpendInTwoCurrenciesNamingTheCustomer() {
        List<SegmentInput> mixed = List.of(buyer("c-2", 1, 1, "1"),
                SegmentInput.of(CustomerId.of("c-1"), 1, 1, Money.of("EUR", "5")));

        assertThatThrownBy(() -> RfmScorer.score(mixed, RfmSettings.standard()))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("monetary of customer 'c-2': currency CNY does not match EUR"
                        + " (crmkit does not convert currencies)");
    }
}
