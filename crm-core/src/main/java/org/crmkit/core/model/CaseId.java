package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a service case: a complaint or an inquiry.
 *
 * <p>Any non-blank string of at most 128 characters without surrounding white space or control
 * characters, so that keys from an existing ERP can be used unchanged. Immutable and thread-safe.
 *
 * @param value the identifier; not null
 */
public record CaseId(String value) implements Comparable<CaseId> {
    /** Checks the invariants. */
    public CaseId {
        Checks.identifier(value, "CaseId");
    }

    /**
     * Creates an id.
     *
     * @param value the identifier; not null
     * @return the id
     * @throws org.crmkit.core.InvalidValueException if the value is blank or malformed
     */
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public int compareTo(CaseId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
