package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Identifies an invoice, as the ERP keys it.
 *
 * <p>Any non-blank string of at most 128 characters without surrounding white space or control
 * characters, so that keys from an existing ERP can be used unchanged. Immutable and thread-safe.
 *
 * @param value the identifier; not null
 */
public record InvoiceId(String value) implements Comparable<InvoiceId> {
    /** Checks the invariants. */
    public InvoiceId {
        Checks.identifier(value, "InvoiceId");
    }

    /**
     * Creates an id.
     *
     * @param value the identifier; not null
     * @return the id
     * @throws org.crmkit.core.InvalidValueException if the value is blank or malformed
     */
    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }

    @Override
    public int compareTo(InvoiceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
