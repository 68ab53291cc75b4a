package org.crmkit.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.port.PurchaseHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PurchaseHistory} on {@code crm_purchase}, or read-only on an ERP's orders through a mapping.
 * Returns and credit notes (negative amounts) are not purchases: they are left out here, and only
 * reduce the spend of the facts.
 */
final class JdbcPurchaseHistory implements PurchaseHistory {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPurchaseHistory.class);

    private final Database database;
    private final Relation relation;
    private final String selectByCustomerAndDays;

    JdbcPurchaseHistory(Database database, Relation relation) {
        this.database = Objects.requireNonNull(database, "database");
        this.relation = Objects.requireNonNull(relation, "relation");
        this.selectByCustomerAndDays = "SELECT " + PurchaseRows.COLUMNS + " FROM " + relation.from()
                + " WHERE customer_id = ? AND order_date >= ? AND order_date <= ? AND amount >= 0"
                + " ORDER BY order_date, " + database.dialect().byId("id");
    }

    @Override
    public List<Purchase> findByCustomer(CustomerId customerId, DateWindow days) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(days, "days");
        return database.transaction("find the purchases of customer '" + customerId + "'",
                connection -> Database.list(connection, selectByCustomerAndDays, relation.naming(PurchaseRows::map),
                        relation.parametersThen(customerId.value(), SqlValues.dayBound(days.start()),
                                SqlValues.dayBound(days.end()))));
    }

    @Override
    public void record(Purchase purchase) {
        Objects.requireNonNull(purchase, "purchase");
        ReadOnly.refuse(relation, "record purchase '" + purchase.id() + "'");
        database.transaction("record purchase '" + purchase.id() + "'", connection -> {
            Optional<Purchase> stored = Database.first(connection, PurchaseRows.SELECT + " WHERE id = ?",
                    PurchaseRows::map, purchase.id().value());
            if (Database.insertOnce(connection, stored, purchase, PurchaseRows.INSERT, PurchaseRows::bind,
                    () -> new InvalidValueException(
                            "Purchase '" + purchase.id() + "' is already recorded with other values"))) {
                LOG.debug("Recorded purchase {} of customer {}", purchase.id(), purchase.customerId());
            }
            return null;
        });
    }
}
