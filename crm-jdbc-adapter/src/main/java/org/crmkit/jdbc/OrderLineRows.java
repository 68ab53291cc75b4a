package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.OrderLine;
import org.crmkit.core.model.PurchaseId;

/** Maps {@link OrderLine} to and from rows of {@code crm_order_line}, and reads them from a mapped ERP's. */
final class OrderLineRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "order_id, line_number, product_id, category, quantity, unit_price, amount, currency";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_order_line";
    static final String INSERT = "INSERT INTO crm_order_line (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private OrderLineRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row with {@link #COLUMNS}
     * @return the line
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a value is not one crmkit accepts
     */
    static OrderLine map(ResultSet row) throws SQLException {
        PurchaseId order = PurchaseId.of(row.getString("order_id"));
        int number = row.getInt("line_number");
        String currency = SqlValues.currency(row, "Line " + number + " of order '" + order + "'");
        return new OrderLine(order, number, row.getString("product_id"), Optional.ofNullable(row.getString("category")),
                row.getBigDecimal("quantity"), Money.of(currency, row.getBigDecimal("unit_price")),
                Money.of(currency, row.getBigDecimal("amount")));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param line the line
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a number does not fit the schema
     */
    static void bind(PreparedStatement statement, OrderLine line) throws SQLException {
        String what = "Line " + line.lineNumber() + " of order '" + line.orderId() + "'";
        statement.setString(1, line.orderId().value());
        statement.setInt(2, line.lineNumber());
        statement.setString(3, line.productId());
        statement.setString(4, line.category().orElse(null));
        statement.setBigDecimal(5, SqlValues.storableDecimal(line.quantity(), what + " quantity"));
        statement.setBigDecimal(6, SqlValues.storableDecimal(line.unitPrice().amount(), what + " unitPrice"));
        statement.setBigDecimal(7, SqlValues.storableDecimal(line.amount().amount(), what + " amount"));
        statement.setString(8, line.amount().currency().getCurrencyCode());
    }
}
