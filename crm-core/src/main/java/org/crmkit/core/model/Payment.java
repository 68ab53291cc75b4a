package org.crmkit.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment received against an invoice (a refund is a negative one). Immutable and thread-safe.
 *
 * @param id the payment id; not null
 * @param invoiceId the invoice paid; not null
 * @param paidOn the day it was paid; not null
 * @param amount the amount paid; not null
 */
public record Payment(PaymentId id, InvoiceId invoiceId, LocalDate paidOn, Money amount) {
    /** Checks the invariants. */
    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(amount, "amount");
    }
}
