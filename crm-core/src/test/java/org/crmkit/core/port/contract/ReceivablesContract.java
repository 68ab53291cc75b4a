package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Invoice;
import org.crmkit.core.model.InvoiceId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Payment;
import org.crmkit.core.model.PaymentId;
import org.crmkit.core.port.Receivables;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Receivables} implementation must show. An adapter's test extends
 * this class and implements {@link #newReceivables()}; test methods are public so that subclasses
 * in other packages inherit them.
 */
public abstract class ReceivablesContract {
    private static final CustomerId ACME = CustomerId.of("c-1");

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract Receivables newReceivables();

    private static Invoice invoice(String id, String customer, String issued, String amount) {
        LocalDate day = LocalDate.parse(issued);
        return new Invoice(InvoiceId.of(id), CustomerId.of(customer), day, day.plusDays(30), Money.of("CNY", amount));
    }

    private static Payment payment(String id, String invoice, String paid, String amount) {
        return new Payment(PaymentId.of(id), InvoiceId.of(invoice), LocalDate.parse(paid), Money.of("CNY", amount));
    }

    @Test
    public void findsNothingForACustomerWithoutInvoicesOrAnInvoiceWithoutPayments() {
        Receivables receivables = newReceivables();
        receivables.record(invoice("i-1", "c-1", "2026-03-01", "100.00"));

        assertThat(receivables.invoicesOf(CustomerId.of("c-2"))).isEmpty();
        assertThat(receivables.paymentsOf(InvoiceId.of("i-1"))).isEmpty();
    }

    @Test
    public void roundTripsEveryFieldOfInvoicesAndPayments() {
        Receivables receivables = newReceivables();
        Invoice invoice = new Invoice(InvoiceId.of("RE/2026'03/\"7\" 发票"), CustomerId.of("c-'1 上海"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                Money.of("EUR", "12345678901234567890.123456789012345678"));
        Payment payment = new Payment(PaymentId.of("ZA/2026'03/\"9\" 付款"), invoice.id(), LocalDate.of(2026, 3, 20),
                Money.of("EUR", "0.000000000000000001"));

        receivables.record(invoice);
        receivables.record(payment);

        assertThat(receivables.invoicesOf(invoice.customerId())).containsExactly(invoice);
        assertThat(receivables.paymentsOf(invoice.id())).containsExactly(payment);
        assertThat(receivables.invoicesOf(invoice.customerId()).get(0).dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(receivables.paymentsOf(invoice.id()).get(0).amount()).isEqualTo(Money.of("EUR",
                "0.000000000000000001"));
    }

    @Test
    public void keepsCreditNotesAndRefundsWithNegativeAmounts() {
        Receivables receivables = newReceivables();
        Invoice creditNote = invoice("cn-1", "c-1", "2026-03-05", "-40.00");
        Payment refund = payment("r-1", "cn-1", "2026-03-06", "-40.00");

        receivables.record(creditNote);
        receivables.record(refund);

        assertThat(receivables.invoicesOf(ACME)).containsExactly(creditNote);
        assertThat(receivables.paymentsOf(InvoiceId.of("cn-1"))).containsExactly(refund);
    }

    @Test
    public void listsACustomersInvoicesByIssueDayThenId() {
        Receivables receivables = newReceivables();
        receivables.record(invoice("i-3", "c-1", "2026-03-01", "1"));
        receivables.record(invoice("i-1", "c-1", "2026-03-02", "1"));
        receivables.record(invoice("i-2", "c-1", "2026-03-01", "1"));
        receivables.record(invoice("i-0", "c-2", "2026-02-01", "1"));

        assertThat(receivables.invoicesOf(ACME)).extracting(found -> found.id().value())
                .containsExactly("i-2", "i-3", "i-1");
    }

    @Test
    public void listsAnInvoicesPaymentsByDayThenId() {
        Receivables receivables = newReceivables();
        receivables.record(payment("p-3", "i-1", "2026-03-10", "10"));
        receivables.record(payment("p-1", "i-1", "2026-03-12", "10"));
        receivables.record(payment("p-2", "i-1", "2026-03-10", "10"));
        receivables.record(payment("p-0", "i-2", "2026-03-01", "10"));

        assertThat(receivables.paymentsOf(InvoiceId.of("i-1"))).extracting(found -> found.id().value())
                .containsExactly("p-2", "p-3", "p-1");
    }

    @Test
    public void recordingTheSameAgainChangesNothingAndAnotherUnderTheSameIdIsRefused() {
        Receivables receivables = newReceivables();
        Invoice invoice = invoice("i-1", "c-1", "2026-03-01", "100.00");
        Payment payment = payment("p-1", "i-1", "2026-03-10", "60.00");
        receivables.record(invoice);
        receivables.record(payment);

        receivables.record(invoice("i-1", "c-1", "2026-03-01", "100"));
        receivables.record(payment("p-1", "i-1", "2026-03-10", "60"));

        assertThatThrownBy(() -> receivables.record(invoice("i-1", "c-1", "2026-03-01", "101.00")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invoice 'i-1' is already recorded with other values");
        assertThatThrownBy(() -> receivables.record(payment("p-1", "i-1", "2026-03-11", "60.00")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Payment 'p-1' is already recorded with other values");
        assertThat(receivables.invoicesOf(ACME)).containsExactly(invoice);
        assertThat(receivables.paymentsOf(InvoiceId.of("i-1"))).containsExactly(payment);
    }

    @Test
    public void visitsEveryInvoiceCustomerByCustomerAndEveryPaymentInvoiceByInvoice() {
        Receivables receivables = newReceivables();
        // Ascending id order is String order: upper case before lower case, "c-10" before "c-2".
        receivables.record(invoice("i-5", "c-2", "2026-01-01", "1"));
        receivables.record(invoice("i-4", "c-10", "2026-03-01", "1"));
        receivables.record(invoice("i-3", "c-10", "2026-02-01", "1"));
        receivables.record(invoice("i-2", "C-3", "2026-04-01", "1"));
        receivables.record(payment("p-1", "i-2", "2026-04-02", "1"));
        receivables.record(payment("p-2", "i-10", "2026-02-02", "1"));
        receivables.record(payment("p-3", "i-10", "2026-02-01", "1"));
        receivables.record(payment("p-4", "I-9", "2026-05-01", "1"));
        List<String> invoices = new ArrayList<>();
        List<String> payments = new ArrayList<>();

        receivables.forEachInvoice(found -> invoices.add(found.customerId() + "/" + found.id()));
        receivables.forEachPayment(found -> payments.add(found.invoiceId() + "/" + found.id()));

        assertThat(invoices).containsExactly("C-3/i-2", "c-10/i-3", "c-10/i-4", "c-2/i-5");
        assertThat(payments).containsExactly("I-9/p-4", "i-10/p-3", "i-10/p-2", "i-2/p-1");
    }

    @Test
    public void visitsNothingWhenEmpty() {
        Receivables receivables = newReceivables();
        List<Object> visited = new ArrayList<>();

        receivables.forEachInvoice(visited::add);
        receivables.forEachPayment(visited::add);

        assertThat(visited).isEmpty();
    }
}
