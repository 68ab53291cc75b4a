package org.crmkit.rules.segment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.SectionInput;

/**
 * Reads the {@code segmentation} section; every field has a default, so an absent section or
 * field means the standard value.
 */
final class SegmentationReader {
    private static final List<String> FIELDS = SegmentationSection.SHAPE.keys();
    private static final List<String> RFM_FIELDS = SegmentationSection.RFM.keys();
    private static final List<String> ABC_FIELDS = SegmentationSection.ABC.keys();

    private final Read read;

    private SegmentationReader(Read read) {
        this.read = read;
    }

    /**
     * Reads the section; an absent field means its standard value.
     *
     * @param input the document
     * @return the policy, or empty after problems
     */
    static Optional<SegmentationPolicy> read(SectionInput input) {
        return new SegmentationReader(input.read()).segmentation(input.node("segmentation"));
    }

    private Optional<SegmentationPolicy> segmentation(Optional<Node> section) {
        SegmentationPolicy standard = SegmentationPolicy.standard();
        if (section.isEmpty()) {
            return Optional.of(standard);
        }
        Optional<MapNode> map = read.map(section.get(), FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<RfmSettings> rfm = read.optional(map.get(), "rfm").map(this::rfm).orElse(Optional.of(standard.rfm()));
        Optional<AbcSettings> abc = read.optional(map.get(), "abc").map(this::abc).orElse(Optional.of(standard.abc()));
        if (rfm.isEmpty() || abc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SegmentationPolicy(rfm.get(), abc.get()));
    }

    private Optional<RfmSettings> rfm(Node node) {
        Optional<MapNode> map = read.map(node, RFM_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> bins = read.optional(map.get(), "bins").map(n -> read.integer(n, RfmSettings.MIN_BINS)
                .filter(value -> {
                    if (value > RfmSettings.MAX_BINS) {
                        read.problems().add(n, "must be at most " + RfmSettings.MAX_BINS + ", was " + value);
                        return false;
                    }
                    return true;
                })).orElse(Optional.of(RfmSettings.DEFAULT_BINS));
        Optional<RfmBinning> binning = read.optional(map.get(), "binning")
                .map(n -> read.keyword(n, RfmBinning.values(), RfmBinning::key, "binning"))
                .orElse(Optional.of(RfmBinning.INDEPENDENT));
        if (bins.isEmpty() || binning.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RfmSettings.of(bins.get(), binning.get()));
    }

    private Optional<AbcSettings> abc(Node node) {
        Optional<MapNode> map = read.map(node, ABC_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        AbcSettings standard = AbcSettings.standard();
        Optional<BigDecimal> a = read.optional(map.get(), "a").map(n -> share(n)).orElse(Optional.of(standard.aShare()));
        Optional<BigDecimal> b = read.optional(map.get(), "b").map(n -> share(n)).orElse(Optional.of(standard.bShare()));
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        if (a.get().compareTo(b.get()) >= 0) {
            read.problems().add(map.get().entries().getOrDefault("a", node), "must be below b ("
                    + b.get().toPlainString() + "), was " + a.get().toPlainString());
            return Optional.empty();
        }
        return Optional.of(AbcSettings.of(a.get(), b.get()));
    }

    private Optional<BigDecimal> share(Node node) {
        return read.decimal(node).filter(value -> {
            if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
                read.problems().add(node, "must be a share above 0 and at most 1, was " + value.toPlainString());
                return false;
            }
            return true;
        });
    }
}
