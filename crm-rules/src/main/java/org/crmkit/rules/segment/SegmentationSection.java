package org.crmkit.rules.segment;

import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.share;
import static org.crmkit.rules.internal.section.Shape.whole;
import static org.crmkit.rules.internal.section.Shape.words;

import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;

/**
 * Declares the {@code segmentation} section of a policy file, for the policy loader; applications
 * read the section with {@code policy.section(SegmentationPolicy.class)}.
 *
 * <p>Public only so that the registration in {@code org.crmkit.rules.internal.PolicySections} can name
 * it; its declaration is package-private, so that no type of the loader is part of the API.
 */
public final class SegmentationSection {
    static final Shape.Fields RFM = fields("RFM scoring.")
            .optional("bins", whole(RfmSettings.MIN_BINS, RfmSettings.MAX_BINS, "Bins per dimension (default "
                    + RfmSettings.DEFAULT_BINS + ")."))
            .optional("binning", words(RfmBinning.values(), RfmBinning::key, "How bins are cut (default "
                    + RfmBinning.INDEPENDENT.key() + ")."))
            .build();

    static final Shape.Fields ABC = fields("ABC classes by share of spend.")
            .optional("a", share("Share of spend that class A covers, above 0 and below b (default 0.70)."))
            .optional("b", share("Share of spend that classes A and B cover (default 0.90)."))
            .build();

    static final Shape.Fields SHAPE = fields("RFM binning and ABC thresholds.")
            .optional("rfm", RFM)
            .optional("abc", ABC)
            .build();

    /** Without one, or for a field left out, the standard values. */
    static final PolicySection<SegmentationPolicy> SECTION = PolicySection.of(SegmentationPolicy.class)
            .description("Segmentation: RFM scores and ABC classes.")
            .key("segmentation", SHAPE).standard(SegmentationPolicy::standard).reader(SegmentationReader::read)
            .build();

    private SegmentationSection() {
    }
}
