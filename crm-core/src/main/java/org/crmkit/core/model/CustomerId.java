package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a customer.
 *
 * <p>Any non-blank string of at most 128 characters without surrounding white space or control
 * characters, so that keys from an existing ERP can be used unchanged. Immutable and thread-safe.
 *
 * @param value the identifier; not null
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
    /** Checks the invariants. */
    public CustomerId {
        Checks.identifier(value, "CustomerId");
    }

    /**
     * Creates an id.
     *
     * @param value the identifier; not null
     * @return the id
     * @throws org.crmkit.core.InvalidValueException if the value is blank or malformed
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
