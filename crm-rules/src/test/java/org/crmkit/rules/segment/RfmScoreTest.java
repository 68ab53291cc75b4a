package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmScoreTest {
    private static final CustomerId ID = CustomerId.of("c-1");

    @ParameterizedTest
    @CsvSource({"5, 4, 5, 545, 545", "1, 1, 1, 111, 111", "9, 9, 9, 999, 999",
            "1, 10, 1, 201, 1101", "10, 10, 10, 1110, 101010", "2, 1, 10, 220, 2110"})
    void combinesTheScoresIntoANumberAndACode(int r, int f, int m, int combined, String code) {
        RfmScore score = new RfmScore(ID, r, f, m);

        assertThat(score.combined()).isEqualTo(combined);
        assertThat(score.code()).isEqualTo(code);
    }

    @Test
    void combinedScoresDifferForEveryTripleAndSortByRecencyThenFrequencyThenMonetary() {
        // Exhaustive over 1..10: the claim in combined()'s Javadoc for ten bins.
        List<RfmScore> lexicographic = new ArrayList<>();
        for (int r = 1; r <= 10; r++) {
            for (int f = 1; f <= 10; f++) {
                for (int m = 1; m <= 10; m++) {
                    lexicographic.add(new RfmScore(ID, r, f, m));
                }
            }
        }

        assertThat(lexicographic).extracting(RfmScore::combined).isSorted().doesNotHaveDuplicates();
        assertThat(lexicographic).extracting(RfmScore::code).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 1, recency, 0", "1, 11, 1, frequency, 11", "1, 1, -3, monetary, -3"})
    void rejectsScoresOutsideOneToTen(int r, int f, int m, String what, int bad) {
        assertThatThrownBy(() -> new RfmScore(ID, r, f, m)).isInstanceOf(InvalidValueException.class)
                .hasMessage(what + " score of customer 'c-1' must be between 1 and 10, was " + bad);
    }
}
