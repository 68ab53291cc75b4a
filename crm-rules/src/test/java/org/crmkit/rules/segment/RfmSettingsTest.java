package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RfmSettingsTest {

    @Test
    void standardIsQuintilesBinnedIndependently() {
        assertThat(RfmSettings.standard()).isEqualTo(RfmSettings.of(5, RfmBinning.INDEPENDENT));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 9, 10})
    void acceptsTwoToTenBins(int bins) {
        assertThat(RfmSettings.of(bins, RfmBinning.NESTED).bins()).isEqualTo(bins);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 11, 100})
    void rejectsOtherBinCounts(int bins) {
        assertThatThrownBy(() -> RfmSettings.of(bins, RfmBinning.INDEPENDENT))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("RFM bins must be between 2 and 10, was " + bins);
    }

    @Test
    void rejectsAMissingBinning() {
        assertThatThrownBy(() -> RfmSettings.of(5, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("binning");
    }

    @Test
    void binningsAreSpelledInLowerCaseInPolicies() {
        assertThat(RfmBinning.INDEPENDENT.key()).isEqualTo("independent");
        assertThat(RfmBinning.byKey("nested")).contains(RfmBinning.NESTED);
        assertThat(RfmBinning.byKey("NESTED")).isEmpty();
        assertThat(RfmBinning.knownKeys()).isEqualTo("independent, nested");
    }
}
