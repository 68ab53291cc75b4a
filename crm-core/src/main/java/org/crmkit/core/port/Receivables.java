package org.crmkit.core.port;

import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Invoice;
import org.crmkit.core.model.InvoiceId;
import org.crmkit.core.model.Payment;

/** What customers were invoiced and what they paid: the invoices and the payments against them. */
public interface Receivables {
    /**
     * A customer's invoices.
     *
     * @param customerId the customer; not null
     * @return the invoices ordered by issue day, then id; empty if none
     */
    List<Invoice> invoicesOf(CustomerId customerId);

    /**
     * The payments against an invoice.
     *
     * @param invoiceId the invoice; not null
     * @return the payments ordered by day paid, then id; empty if none
     */
    List<Payment> paymentsOf(InvoiceId invoiceId);

    /**
     * Visits every invoice, customer by customer in ascending customer id order, each customer's
     * as {@link #invoicesOf} lists them. Implementations may stream from storage, so the action
     * must not call back into this port.
     *
     * @param action called once per invoice; not null
     */
    void forEachInvoice(Consumer<? super Invoice> action);

    /**
     * Visits every payment, invoice by invoice in ascending invoice id order, each invoice's as
     * {@link #paymentsOf} lists them. Implementations may stream from storage, so the action must
     * not call back into this port.
     *
     * @param action called once per payment; not null
     */
    void forEachPayment(Consumer<? super Payment> action);

    /**
     * Records an invoice. Recording the same invoice again changes nothing, so imports can be re-run.
     *
     * @param invoice the invoice; not null
     * @throws org.crmkit.core.InvalidValueException if another invoice with the same id is recorded
     */
    void record(Invoice invoice);

    /**
     * Records a payment. Recording the same payment again changes nothing, so imports can be re-run.
     *
     * @param payment the payment; not null
     * @throws org.crmkit.core.InvalidValueException if another payment with the same id is recorded
     */
    void record(Payment payment);
}
