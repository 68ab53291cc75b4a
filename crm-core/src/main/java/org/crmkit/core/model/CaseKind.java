package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/** What a service case is; the {@code kind} column of complaints.csv. */
public enum CaseKind {
    /** A complaint: the customer is dissatisfied. */
    COMPLAINT,
    /** An inquiry: the customer asks a question. */
    INQUIRY;

    /**
     * Parses the file spelling, ignoring case.
     *
     * @param text e.g. {@code "complaint"}; not null
     * @return the kind
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static CaseKind parse(String text) {
        return Vocabulary.parse(CaseKind.class, text, "case kind");
    }

    /** @return the file spelling, e.g. {@code "complaint"} */
    public String key() {
        return Vocabulary.key(this);
    }
}
