package org.crmkit.rules.segment;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which customers a score is ranked against; the keys are the spelling in policy files.
 *
 * <p>Both use the same quantile rule ({@link RfmScorer}); they differ only in the group a
 * customer's frequency and monetary value are compared within.
 */
public enum RfmBinning {
    /** Recency, frequency and monetary value are each binned over the whole population. */
    INDEPENDENT("independent"),
    /**
     * The classic nested (Hughes/Stone) method: recency is binned over the whole population,
     * frequency within each recency bin, and monetary value within each (recency, frequency)
     * bin, so that every combination of scores is about equally populated.
     */
    NESTED("nested");

    private final String key;

    RfmBinning(String key) {
        this.key = key;
    }

    /** @return the spelling in policy files, e.g. {@code "nested"} */
    public String key() {
        return key;
    }

    /**
     * Finds a binning by its policy spelling.
     *
     * @param key e.g. {@code "independent"}; not null
     * @return the binning, or empty if none has that spelling
     */
    public static Optional<RfmBinning> byKey(String key) {
        return Arrays.stream(values()).filter(binning -> binning.key.equals(key)).findFirst();
    }

    /** @return the policy spellings of all binnings, comma-separated */
    public static String knownKeys() {
        return Arrays.stream(values()).map(RfmBinning::key).collect(Collectors.joining(", "));
    }
}
