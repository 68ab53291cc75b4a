package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/** What happened to a service case; the {@code event} column of complaint_events.csv. */
public enum CaseEventType {
    /** Staff responded to the customer for the first time, or again. */
    RESPONDED,
    /** A solution was proposed to the customer. */
    SOLUTION_PROPOSED,
    /** The problem was resolved. */
    RESOLVED,
    /** The customer gave feedback on the resolution. */
    FEEDBACK_RECEIVED,
    /** The case waits on the customer: no SLA clock runs. */
    PAUSED,
    /** The case no longer waits on the customer. */
    RESUMED,
    /** The case was opened again after resolution. */
    REOPENED,
    /** The case was closed. */
    CLOSED,
    /** The priority changed; the event's detail holds the new priority. */
    PRIORITY_CHANGED;

    /**
     * Parses the file spelling, ignoring case.
     *
     * @param text e.g. {@code "solution_proposed"}; not null
     * @return the type
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static CaseEventType parse(String text) {
        return Vocabulary.parse(CaseEventType.class, text, "case event");
    }

    /** @return the file spelling, e.g. {@code "solution_proposed"} */
    public String key() {
        return Vocabulary.key(this);
    }
}
