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
        recordOnce(invoices, "invoice '" + invoice.id() + "'", InvoiceRows.SELECT, invoice.id().value(), invoice,
                InvoiceRows.INSERT, InvoiceRows::bind, InvoiceRows::map);
    }

    @Override
    public void record(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        recordOnce(payments, "payment '" + payment.id() + "'", PaymentRows.SELECT, payment.id().value(), payment,
                PaymentRows.INSERT, PaymentRows::bind, PaymentRows::map);
    }

    /** Inserts a fact under its id unless it is there, refusing another under the id, as the port says. */
    private <T> void recordOnce(Relation relation, String what, String select, String id, T fact, String insert,
            Database.Binder<? super T> binder, Database.RowMapper<T> mapper) {
        ReadOnly.refuse(relation, "record " + what);
        database.transaction("record " + what, connection -> {
            Optional<T> stored = Database.first(connection, select + " WHERE id = ?", mapper, id);
            if (Database.insertOnce(connection, stored, fact, insert, binder, () -> new InvalidValueException(
                    Character.toUpperCase(what.charAt(0)) + what.substring(1) + " is already recorded with other"
                            + " values"))) {
                LOG.debug("Recorded {}", what);
            }
            return null;
        });
    }
}
