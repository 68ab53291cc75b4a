package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.crmkit.core.model.InvoiceId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Payment;
import org.crmkit.core.model.PaymentId;

/** Maps {@link Payment} to and from rows of {@code crm_payment}, and reads them from a mapped ERP's. */
final class PaymentRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "id, invoice_id, paid_on, amount, currency";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_payment";
    static final String INSERT = "INSERT INTO crm_payment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";

    private PaymentRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row with {@link #COLUMNS}
     * @return the payment
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a value is not one crmkit accepts
     */
    static Payment map(ResultSet row) throws SQLException {
        PaymentId id = PaymentId.of(row.getString("id"));
        return new Payment(id, InvoiceId.of(row.getString("invoice_id")), row.getObject("paid_on", LocalDate.class),
                Money.of(SqlValues.currency(row, "Payment '" + id + "'"), row.getBigDecimal("amount")));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param payment the payment
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a value does not fit the schema
     */
    static void bind(PreparedStatement statement, Payment payment) throws SQLException {
        String what = "Payment '" + payment.id() + "'";
        statement.setString(1, payment.id().value());
        statement.setString(2, payment.invoiceId().value());
        statement.setObject(3, SqlValues.storableDay(payment.paidOn(), what + " paidOn"));
        statement.setBigDecimal(4, SqlValues.storableDecimal(payment.amount().amount(), what + " amount"));
        statement.setString(5, payment.amount().currency().getCurrencyCode());
    }
}
