package org.crmkit.rules.segment;

import java.util.Objects;

/**
 * The {@code segmentation} section of a policy: how RFM scores are binned and where the ABC
 * classes end. Immutable and thread-safe.
 *
 * @param rfm the RFM settings; not null
 * @param abc the ABC thresholds; not null
 */
public record SegmentationPolicy(RfmSettings rfm, AbcSettings abc) {

    /** Checks the invariants. */
    public SegmentationPolicy {
        Objects.requireNonNull(rfm, "rfm");
        Objects.requireNonNull(abc, "abc");
    }

    /** @return five independent RFM bins and ABC at 70% and 90% of spend, the source material's defaults */
    public static SegmentationPolicy standard() {
        return new SegmentationPolicy(RfmSettings.standard(), AbcSettings.standard());
    }
}
