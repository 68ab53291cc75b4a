package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/**
 * The depth of a relationship, lowest first: trust, value, emotion, vision. A customer holds a
 * level only if the evidence of that level and of every lower one holds; the evidence is the
 * policy's {@code relationship} section.
 */
public enum RelationshipLevel {
    /** Commitments are kept and the customer buys again. */
    TRUST,
    /** The customer gets more than the product: value-added services or several categories. */
    VALUE,
    /** The customer is attached: referrals, events, new-product tests, promoter answers. */
    EMOTION,
    /** The customer plans the future with the company: a strategic agreement or joint planning. */
    VISION;

    /**
     * Parses the file spelling, ignoring case.
     *
     * @param text e.g. {@code "trust"}; not null
     * @return the constant
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static RelationshipLevel parse(String text) {
        return Vocabulary.parse(RelationshipLevel.class, text, "relationship level");
    }

    /** @return the file spelling, e.g. {@code "trust"} */
    public String key() {
        return Vocabulary.key(this);
    }
}
