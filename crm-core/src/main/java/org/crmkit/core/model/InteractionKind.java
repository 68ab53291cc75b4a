package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/** What an interaction with a customer was; the vocabulary of the interchange formats. */
public enum InteractionKind {
    /** The customer asked about products or prices; prospects are recognised by these. */
    INQUIRY,
    /** A visit, on site or by video. */
    VISIT,
    /** A phone call. */
    CALL,
    /** A message sent or received. */
    MESSAGE,
    /** A meeting. */
    MEETING,
    /** A survey answered. */
    SURVEY,
    /** The customer referred someone. */
    REFERRAL,
    /** The customer took part in an event. */
    EVENT,
    /** The customer used a free trial. */
    TRIAL,
    /** Anything else. */
    OTHER;

    /**
     * Parses the file spelling, ignoring case.
     *
     * @param text e.g. {@code "inquiry"}; not null
     * @return the kind
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static InteractionKind parse(String text) {
        return Vocabulary.parse(InteractionKind.class, text, "interaction kind");
    }

    /** @return the file spelling, e.g. {@code "inquiry"} */
    public String key() {
        return Vocabulary.key(this);
    }
}
