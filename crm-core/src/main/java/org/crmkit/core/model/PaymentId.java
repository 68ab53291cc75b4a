package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a payment, as the ERP keys it.
 *
 * <p>Any non-blank string of at most 128 characters without surrounding white space or control
 * characters, so that keys from an existing ERP can be used unchanged. Immutable and thread-safe.
 *
 * @param value the identifier; not null
 */
public record PaymentId(String value) implements Comparable<PaymentId> {
    /** Checks the invariants. */
    public PaymentId {
        Checks.identifier(value, "PaymentId");
    }

    /**
     * Creates an id.
     *
     * @param value the identifier; not null
     * @return the id
     * @throws org.crmkit.core.InvalidValueException if the value is blank or malformed
     */
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public int compareTo(PaymentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
