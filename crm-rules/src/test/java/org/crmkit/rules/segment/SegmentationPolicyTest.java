package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.rules.MinimalPolicy;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentationPolicyTest {
    @Test
    void anAbsentSectionOrFieldMeansTheStandardValue() {
        Policy none = MinimalPolicy.with("");
        Policy some = MinimalPolicy.with("segmentation:\n  rfm: {binning: nested}\n  abc: {b: 0.95}\n");

        assertThat(none.section(SegmentationPolicy.class)).isEqualTo(SegmentationPolicy.standard());
        assertThat(some.section(SegmentationPolicy.class).rfm()).isEqualTo(RfmSettings.of(5, RfmBinning.NESTED));
        assertThat(some.section(SegmentationPolicy.class).abc().aShare()).isEqualByComparingTo("0.70");
        assertThat(some.section(SegmentationPolicy.class).abc().bShare()).isEqualByComparingTo("0.95");
        assertThat(PolicyLoader.standard().section(SegmentationPolicy.class)).isEqualTo(SegmentationPolicy.standard());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "STRUCTURE | rfm: {bins: 11}         | acme.yaml:10: segmentation.rfm.bins: must be at most 10, was 11",
        "STRUCTURE | rfm: {bins: 1}          | acme.yaml:10: segmentation.rfm.bins: must be at least 2, was 1",
        "STRUCTURE | rfm: {binning: sorted}  | acme.yaml:10: segmentation.rfm.binning: unknown binning 'sorted',"
                + " expected one of independent, nested",
        "MEANING   | abc: {a: 0.9, b: 0.8}   | acme.yaml:10: segmentation.abc.a: must be below b (0.8), was 0.9",
        "STRUCTURE | abc: {a: 0, b: 0.8}     | acme.yaml:10: segmentation.abc.a: must be a share above 0 and at most 1,"
                + " was 0",
        "STRUCTURE | abc: {c: 0.99}          | acme.yaml:10: segmentation.abc.c: unknown field, expected one of a, b",
    })
    void rejectsBadSettingsWithALocatedMessage(PolicyDocuments.Broken broken, String line, String expected) {
        MinimalPolicy.assertRejected("segmentation:\n  " + line + "\n", broken, expected);
    }
}
