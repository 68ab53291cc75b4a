package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Identifies an interaction with a customer.
 *
 * <p>Any non-blank string of at most 128 characters without surrounding white space or control
 * characters, so that keys from an existing ERP can be used unchanged. Immutable and thread-safe.
 *
 * @param value the identifier; not null
 */
public record InteractionId(String value) implements Comparable<InteractionId> {
    /** Checks the invariants. */
    public InteractionId {
        Checks.identifier(value, "InteractionId");
    }

    /**
     * Creates an id.
     *
     * @param value the identifier; not null
     * @return the id
     * @throws org.crmkit.core.InvalidValueException if the value is blank or malformed
     */
    public static InteractionId of(String value) {
        return new InteractionId(value);
    }

    @Override
    public int compareTo(InteractionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
