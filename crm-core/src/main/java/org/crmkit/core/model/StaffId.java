package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a member of staff, such as an account manager.
 *
 * <p>Any non-blank string of at most 128 characters without surrounding white space or control
 * characters, so that keys from an existing ERP can be used unchanged. Immutable and thread-safe.
 *
 * @param value the identifier; not null
 */
public record StaffId(String value) implements Comparable<StaffId> {
    /** Checks the invariants. */
    public StaffId {
        Checks.identifier(value, "StaffId");
    }

    /**
     * Creates an id.
     *
     * @param value the identifier; not null
     * @return the id
     * @throws org.crmkit.core.InvalidValueException if the value is blank or malformed
     */
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public int compareTo(StaffId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
