package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Invoice;
import org.crmkit.core.model.InvoiceId;
import org.crmkit.core.model.Payment;
import org.crmkit.core.model.PaymentId;
import org.crmkit.core.port.Receivables;

final class InMemoryReceivables implements Receivables {
    private static final Comparator<Invoice> BY_CUSTOMER_DAY_ID = Comparator.comparing(Invoice::customerId)
            .thenComparing(Invoice::issuedOn).thenComparing(Invoice::id);
    private static final Comparator<Payment> BY_INVOICE_DAY_ID = Comparator.comparing(Payment::invoiceId)
            .thenComparing(Payment::paidOn).thenComparing(Payment::id);

    private final Map<InvoiceId, Invoice> invoices = new HashMap<>();
    private final Map<CustomerId, List<Invoice>> invoicesByCustomer = new HashMap<>();
    private final Map<PaymentId, Payment> payments = new HashMap<>();
    private final Map<InvoiceId, List<Payment>> paymentsByInvoice = new HashMap<>();

    @Override
    public synchronized List<Invoice> invoicesOf(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<Invoice> found = new ArrayList<>(invoicesByCustomer.getOrDefault(customerId, List.of()));
        found.sort(BY_CUSTOMER_DAY_ID);
        return List.copyOf(found);
    }

    @Override
    public synchronized List<Payment> paymentsOf(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        List<Payment> found = new ArrayList<>(paymentsByInvoice.getOrDefault(invoiceId, List.of()));
        found.sort(BY_INVOICE_DAY_ID);
        return List.copyOf(found);
    }

    @Override
    public void forEachInvoice(Consumer<? super Invoice> action) {
        Objects.requireNonNull(action, "action");
        List<Invoice> all;
        synchronized (this) {
            all = new ArrayList<>(invoices.values());
        }
        all.sort(BY_CUSTOMER_DAY_ID);
        all.forEach(action);
    }

    @Override
    public void forEachPayment(Consumer<? super Payment> action) {
        Objects.requireNonNull(action, "action");
        List<Payment> all;
        synchronized (this) {
            all = new ArrayList<>(payments.values());
        }
        all.sort(BY_INVOICE_DAY_ID);
        all.forEach(action);
    }

    @Override
    public synchronized void record(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        Invoice existing = invoices.putIfAbsent(invoice.id(), invoice);
        if (existing == null) {
            invoicesByCustomer.computeIfAbsent(invoice.customerId(), id -> new ArrayList<>()).add(invoice);
        } else if (!existing.equals(invoice)) {
            throw new InvalidValueException("Invoice '" + invoice.id() + "' is already recorded with other values");
        }
    }

    @Override
    public synchronized void record(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        Payment existing = payments.putIfAbsent(payment.id(), payment);
        if (existing == null) {
            paymentsByInvoice.computeIfAbsent(payment.invoiceId(), id -> new ArrayList<>()).add(payment);
        } else if (!existing.equals(payment)) {
            throw new InvalidValueException("Payment '" + payment.id() + "' is already recorded with other values");
        }
    }
}
