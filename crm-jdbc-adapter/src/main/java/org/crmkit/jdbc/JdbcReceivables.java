package org.crmkit.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Invoice;
import org.crmkit.core.model.InvoiceId;
import org.crmkit.core.model.Payment;
import org.crmkit.core.port.Receivables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Receivables} on {@code crm_invoice} and {@code crm_payment}, or read-only on an ERP's
 * invoices or payments (each on its own) through a mapping.
 */
final class JdbcReceivables implements Receivables {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReceivables.class);

    private final Database database;
    private final Relation invoices;
    private final Relation payments;
    private final String selectInvoicesOfCustomer;
    private final String selectAllInvoices;
    private final String selectPaymentsOfInvoice;
    private final String selectAllPayments;
    private final Database.RowMapper<Invoice> invoiceMapper;
    private final Database.RowMapper<Payment> paymentMapper;

    JdbcReceivables(Database database, Relation invoices, Relation payments) {
        this.database = Objects.requireNonNull(database, "database");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.invoiceMapper = invoices.naming(InvoiceRows::map);
        this.paymentMapper = payments.naming(PaymentRows::map);
        Dialect dialect = database.dialect();
        String invoice = "SELECT " + InvoiceRows.COLUMNS + " FROM " + invoices.from();
        this.selectInvoicesOfCustomer = invoice + " WHERE customer_id = ? ORDER BY issued_on, " + dialect.byId("id");
        this.selectAllInvoices = invoice + " ORDER BY " + dialect.byId("customer_id") + ", issued_on, "
                + dialect.byId("id");
        String payment = "SELECT " + PaymentRows.COLUMNS + " FROM " + payments.from();
        this.selectPaymentsOfInvoice = payment + " WHERE invoice_id = ? ORDER BY paid_on, " + dialect.byId("id");
        this.selectAllPayments = payment + " ORDER BY " + dialect.byId("invoice_id") + ", paid_on, "
                + dialect.byId("id");
    }

    @Override
    public List<Invoice> invoicesOf(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return database.transaction("find the invoices of customer '" + customerId + "'",
                connection -> Database.list(connection, selectInvoicesOfCustomer, invoiceMapper,
                        invoices.parametersThen(customerId.value())));
    }

    @Override
    public List<Payment> paymentsOf(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return database.transaction("find the payments of invoice '" + invoiceId + "'",
                connection -> Database.list(connection, selectPaymentsOfInvoice, paymentMapper,
                        payments.parametersThen(invoiceId.value())));
    }

    @Override
    public void forEachInvoice(Consumer<? super Invoice> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the invoices", selectAllInvoices, invoices.parameters(), invoiceMapper, action);
    }

    @Override
    public void forEachPayment(Consumer<? super Payment> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the payments", selectAllPayments, payments.parameters(), paymentMapper, action);
    }

    @Override
    public void record(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        ReadOnly.refuse(invoices, "record invoice '" + invoice.id() + "'");
        database.transaction("record invoice '" + invoice.id() + "'", connection -> {
            Optional<Invoice> stored = Database.first(connection, InvoiceRows.SELECT + " WHERE id = ?",
                    InvoiceRows::map, invoice.id().value());
            if (Database.insertOnce(connection, stored, invoice, InvoiceRows.INSERT, InvoiceRows::bind,
                    () -> new InvalidValueException(
                            "Invoice '" + invoice.id() + "' is already recorded with other values"))) {
                LOG.debug("Recorded invoice {} of customer {}", invoice.id(), invoice.customerId());
            }
            return null;
        });
    }

    @Override
    public void record(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        ReadOnly.refuse(payments, "record payment '" + payment.id() + "'");
        database.transaction("record payment '" + payment.id() + "'", connection -> {
            Optional<Payment> stored = Database.first(connection, PaymentRows.SELECT + " WHERE id = ?",
                    PaymentRows::map, payment.id().value());
            if (Database.insertOnce(connection, stored, payment, PaymentRows.INSERT, PaymentRows::bind,
                    () -> new InvalidValueException(
                            "Payment '" + payment.id() + "' is already recorded with other values"))) {
                LOG.debug("Recorded payment {} of invoice {}", payment.id(), payment.invoiceId());
            }
            return null;
        });
    }
}
