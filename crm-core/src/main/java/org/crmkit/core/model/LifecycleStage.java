package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/**
 * A customer's stage in the lifecycle of the source material, in lifecycle order:
 * acquisition, growth, maturity, decline (the early warning) and churned (win-back). Which
 * customer is in which stage is the policy's {@code lifecycle} section.
 */
public enum LifecycleStage {
    /** Won recently or not yet buying: no purchase yet, or a first purchase within a few months. */
    ACQUISITION,
    /** Buying more: spend trending up. */
    GROWTH,
    /** A stable relationship. */
    MATURITY,
    /** Early warning: the churn risk is high. */
    DECLINE,
    /** Gone: no purchase for long, or hardly likely to be alive; a win-back candidate. */
    CHURNED;

    /**
     * Parses the file spelling, ignoring case.
     *
     * @param text e.g. {@code "acquisition"}; not null
     * @return the constant
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static LifecycleStage parse(String text) {
        return Vocabulary.parse(LifecycleStage.class, text, "lifecycle stage");
    }

    /** @return the file spelling, e.g. {@code "acquisition"} */
    public String key() {
        return Vocabulary.key(this);
    }
}
