package org.crmkit.core.model;

import java.time.LocalDate;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * An invoice issued to a customer: what the customer owes, and by when. A credit note is an
 * invoice with a negative amount. Immutable and thread-safe.
 *
 * @param id the invoice id; not null
 * @param customerId the customer invoiced; not null
 * @param issuedOn the day it was issued; not null
 * @param dueOn the day it is due, not before it was issued; not null
 * @param amount the amount invoiced; not null
 */
public record Invoice(InvoiceId id, CustomerId customerId, LocalDate issuedOn, LocalDate dueOn, Money amount) {
    /**
     * Checks the invariants.
     *
     * @throws InvalidValueException if it is due before it was issued
     */
    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(amount, "amount");
        if (dueOn.isBefore(issuedOn)) {
            throw new InvalidValueException("Invoice '" + id + "' is due on " + dueOn + ", before it was issued on "
                    + issuedOn);
        }
    }
}
