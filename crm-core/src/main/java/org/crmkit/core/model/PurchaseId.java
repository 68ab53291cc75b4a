package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a purchase (an order line or an order, whatever the ERP records as one purchase).
 *
 * <p>Any non-blank string of at most 128 characters without surrounding white space or control
 * characters, so that keys from an existing ERP can be used unchanged. Immutable and thread-safe.
 *
 * @param value the identifier; not null
 */
public record PurchaseId(String value) implements Comparable<PurchaseId> {
    /** Checks the invariants. */
    public PurchaseId {
        Checks.identifier(value, "PurchaseId");
    }

    /**
     * Creates an id.
     *
     * @param value the identifier; not null
     * @return the id
     * @throws org.crmkit.core.InvalidValueException if the value is blank or malformed
     */
    public static PurchaseId of(String value) {
        return new PurchaseId(value);
    }

    @Override
    public int compareTo(PurchaseId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
