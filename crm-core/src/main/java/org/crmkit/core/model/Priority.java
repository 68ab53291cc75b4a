package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/** The urgency of a service case, P1 (most urgent) to P4. */
public enum Priority {
    /** Most urgent. */
    P1,
    /** Urgent. */
    P2,
    /** Normal. */
    P3,
    /** Least urgent. */
    P4;

    /**
     * Parses {@code P1}..{@code P4}, ignoring case.
     *
     * @param text e.g. {@code "P2"}; not null
     * @return the priority
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static Priority parse(String text) {
        return Vocabulary.parse(Priority.class, text, "priority");
    }

    /** @return the file spelling, e.g. {@code "p2"} in lower case as all keys are */
    public String key() {
        return Vocabulary.key(this);
    }
}
