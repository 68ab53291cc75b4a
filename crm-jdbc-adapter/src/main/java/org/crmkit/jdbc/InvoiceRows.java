package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Invoice;
import org.crmkit.core.model.InvoiceId;
import org.crmkit.core.model.Money;

/** Maps {@link Invoice} to and from rows of {@code crm_invoice}, and reads them from a mapped ERP's. */
final class InvoiceRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "id, customer_id, issued_on, due_on, amount, currency";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_invoice";
    static final String INSERT = "INSERT INTO crm_invoice (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    private InvoiceRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row with {@link #COLUMNS}
     * @return the invoice
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a value is not one crmkit accepts
     */
    static Invoice map(ResultSet row) throws SQLException {
        InvoiceId id = InvoiceId.of(row.getString("id"));
        return new Invoice(id, CustomerId.of(row.getString("customer_id")), row.getObject("issued_on", LocalDate.class),
                row.getObject("due_on", LocalDate.class),
                Money.of(SqlValues.currency(row, "Invoice '" + id + "'"), row.getBigDecimal("amount")));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param invoice the invoice
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a value does not fit the schema
     */
    static void bind(PreparedStatement statement, Invoice invoice) throws SQLException {
        String what = "Invoice '" + invoice.id() + "'";
        statement.setString(1, invoice.id().value());
        statement.setString(2, invoice.customerId().value());
        statement.setObject(3, SqlValues.storableDay(invoice.issuedOn(), what + " issuedOn"));
        statement.setObject(4, SqlValues.storableDay(invoice.dueOn(), what + " dueOn"));
        statement.setBigDecimal(5, SqlValues.storableDecimal(invoice.amount().amount(), what + " amount"));
        statement.setString(6, invoice.amount().currency().getCurrencyCode());
    }
}
