package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbcSettingsTest {

    @Test
    void standardClosesAAtSeventyAndBAtNinetyPercent() {
        assertThat(AbcSettings.standard().aShare()).isEqualByComparingTo("0.70");
        assertThat(AbcSettings.standard().bShare()).isEqualByComparingTo("0.90");
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.02", "0.5, 1", "0.8, 1.00"})
    void acceptsSharesInOrderUpToOne(String a, String b) {
        assertThat(AbcSettings.of(new BigDecimal(a), new BigDecimal(b)).bShare()).isEqualByComparingTo(b);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0    | 0.9  | ABC aShare must be more than 0, was 0",
            "-0.1 | 0.9  | ABC aShare must be more than 0, was -0.1",
            "0.9  | 0.7  | ABC bShare must be more than aShare 0.9, was 0.7",
            "0.70 | 0.7  | ABC bShare must be more than aShare 0.70, was 0.7",
            "0.7  | 1.01 | ABC bShare must be at most 1, was 1.01"})
    void rejectsSharesOutOfOrder(String a, String b, String message) {
        assertThatThrownBy(() -> AbcSettings.of(new BigDecimal(a), new BigDecimal(b)))
                .isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void rejectsMissingShares() {
        assertThatThrownBy(() -> AbcSettings.of(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("bShare");
    }
}
