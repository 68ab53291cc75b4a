package org.crmkit.rules.segment;

import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * How {@link RfmScorer} scores: the number of bins per dimension and how the bins are formed.
 * Immutable and thread-safe.
 *
 * @param bins the number of scores per dimension, {@value #MIN_BINS} to {@value #MAX_BINS};
 *     scores run from 1 (worst) to {@code bins} (best)
 * @param binning independent or nested bins; not null
 */
public record RfmSettings(int bins, RfmBinning binning) {
    /** Fewest bins: one bin would give everybody the same score. */
    public static final int MIN_BINS = 2;
    /** Most bins: deciles, the finest split in common use; finer bins mostly sort noise. */
    public static final int MAX_BINS = 10;
    /** The customary number of bins: quintiles. */
    public static final int DEFAULT_BINS = 5;

    /** Checks the invariants. */
    public RfmSettings {
        Objects.requireNonNull(binning, "binning");
        if (bins < MIN_BINS || bins > MAX_BINS) {
            throw new InvalidValueException(
                    "RFM bins must be between " + MIN_BINS + " and " + MAX_BINS + ", was " + bins);
        }
    }

    /**
     * Creates settings.
     *
     * @param bins the number of scores per dimension, {@value #MIN_BINS} to {@value #MAX_BINS}
     * @param binning independent or nested bins; not null
     * @return the settings
     * @throws InvalidValueException if {@code bins} is out of range
     */
    public static RfmSettings of(int bins, RfmBinning binning) {
        return new RfmSettings(bins, binning);
    }

    /** @return quintiles ({@value #DEFAULT_BINS} bins), each dimension binned independently */
    public static RfmSettings standard() {
        return new RfmSettings(DEFAULT_BINS, RfmBinning.INDEPENDENT);
    }
}
