package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;

/** Maps {@link Purchase} to and from rows of {@code crm_purchase}. */
final class PurchaseRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "id, customer_id, order_date, amount, currency, category, quantity, quantity_scale";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_purchase";
    static final String INSERT = "INSERT INTO crm_purchase (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private PurchaseRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row of {@link #SELECT}
     * @return the purchase
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a value is not one crmkit accepts
     */
    static Purchase map(ResultSet row) throws SQLException {
        BigDecimal quantity = row.getBigDecimal("quantity");
        // The column has 18 decimal places; the scale column restores the one the value was given with.
        Optional<BigDecimal> exactQuantity = quantity == null ? Optional.empty()
                : Optional.of(quantity.setScale(row.getInt("quantity_scale"), RoundingMode.UNNECESSARY));
        PurchaseId id = PurchaseId.of(row.getString("id"));
        return new Purchase(
                id,
                CustomerId.of(row.getString("customer_id")),
                row.getObject("order_date", LocalDate.class),
                Money.of(SqlValues.currency(row, "Purchase '" + id + "'"), row.getBigDecimal("amount")),
                Optional.ofNullable(row.getString("category")),
                exactQuantity);
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param purchase the purchase
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a value does not fit the schema
     */
    static void bind(PreparedStatement statement, Purchase purchase) throws SQLException {
        String what = "Purchase '" + purchase.id() + "'";
        statement.setString(1, purchase.id().value());
        statement.setString(2, purchase.customerId().value());
        statement.setObject(3, SqlValues.storableDay(purchase.orderDate(), what + " orderDate"));
        statement.setBigDecimal(4, SqlValues.storableDecimal(purchase.amount().amount(), what + " amount"));
        statement.setString(5, purchase.amount().currency().getCurrencyCode());
        statement.setString(6, purchase.category().orElse(null));
        if (purchase.quantity().isPresent()) {
            BigDecimal quantity = SqlValues.storableDecimal(purchase.quantity().get(), what + " quantity");
            statement.setBigDecimal(7, quantity);
            statement.setInt(8, quantity.scale());
        } else {
            statement.setNull(7, Types.NUMERIC);
            statement.setNull(8, Types.INTEGER);
        }
    }
}
