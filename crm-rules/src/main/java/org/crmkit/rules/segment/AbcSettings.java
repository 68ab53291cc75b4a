package org.crmkit.rules.segment;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * The cumulative shares of spend at which {@link AbcClassifier} closes class A and class B,
 * {@code 0 < aShare < bShare <= 1}. Immutable and thread-safe.
 *
 * @param aShare the share of total spend class A covers, e.g. {@code 0.70}; not null
 * @param bShare the share of total spend classes A and B cover together, e.g. {@code 0.90};
 *     with {@code 1} every customer who spent anything is A or B; not null
 */
public record AbcSettings(BigDecimal aShare, BigDecimal bShare) {

    /** Checks {@code 0 < aShare < bShare <= 1}. */
    public AbcSettings {
        Objects.requireNonNull(aShare, "aShare");
        Objects.requireNonNull(bShare, "bShare");
        if (aShare.signum() <= 0) {
            throw new InvalidValueException("ABC aShare must be more than 0, was " + aShare.toPlainString());
        }
        if (bShare.compareTo(aShare) <= 0) {
            throw new InvalidValueException("ABC bShare must be more than aShare " + aShare.toPlainString()
                    + ", was " + bShare.toPlainString());
        }
        if (bShare.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("ABC bShare must be at most 1, was " + bShare.toPlainString());
        }
    }

    /**
     * Creates settings.
     *
     * @param aShare the share of spend class A covers; not null
     * @param bShare the share of spend classes A and B cover; not null
     * @return the settings
     * @throws InvalidValueException unless {@code 0 < aShare < bShare <= 1}
     */
    public static AbcSettings of(BigDecimal aShare, BigDecimal bShare) {
        return new AbcSettings(aShare, bShare);
    }

    /** @return the customary split: A up to 70% of spend, B up to 90%, C the rest */
    public static AbcSettings standard() {
        return new AbcSettings(new BigDecimal("0.70"), new BigDecimal("0.90"));
    }
}
