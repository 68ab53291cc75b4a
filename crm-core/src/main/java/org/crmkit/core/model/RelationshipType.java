package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/**
 * The kind of relationship: transactional (buys when needed), relational (a lasting habit) or
 * strategic (tied by agreement). The policy's {@code relationship} section decides which applies.
 */
public enum RelationshipType {
    /** Buys when needed, nothing more. */
    TRANSACTIONAL,
    /** Buys regularly over a long time. */
    RELATIONAL,
    /** Tied to the company by a strategic agreement or joint plans. */
    STRATEGIC;

    /**
     * Parses the file spelling, ignoring case.
     *
     * @param text e.g. {@code "transactional"}; not null
     * @return the constant
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static RelationshipType parse(String text) {
        return Vocabulary.parse(RelationshipType.class, text, "relationship type");
    }

    /** @return the file spelling, e.g. {@code "transactional"} */
    public String key() {
        return Vocabulary.key(this);
    }
}
