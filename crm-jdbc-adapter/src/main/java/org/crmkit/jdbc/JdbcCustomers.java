package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.port.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Customers} on {@code crm_customer}. */
final class JdbcCustomers implements Customers {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCustomers.class);

    private final Database database;
    private final String selectAllInIdOrder;

    JdbcCustomers(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.selectAllInIdOrder = CustomerRows.SELECT + " ORDER BY " + database.dialect().byId("id");
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return database.transaction("find customer '" + id + "'", connection -> Database.first(connection,
                CustomerRows.SELECT + " WHERE id = ?", CustomerRows::map, id.value()));
    }

    @Override
    public void forEach(Consumer<? super Customer> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the customers", selectAllInIdOrder, List.of(), CustomerRows::map, action);
    }

    @Override
    public void save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        database.transaction("save customer '" + customer.id() + "'", connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement(CustomerRows.UPDATE)) {
                CustomerRows.bindUpdate(update, customer);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                // A concurrent first save of the same id fails here with a unique violation;
                // the transaction is then run again and updates that row.
                try (PreparedStatement insert = connection.prepareStatement(CustomerRows.INSERT)) {
                    CustomerRows.bindInsert(insert, customer);
                    insert.executeUpdate();
                }
            }
            LOG.debug("Saved customer {}", customer.id());
            return null;
        });
    }

    @Override
    public long count() {
        return database.transaction("count the customers", connection -> Database.first(connection,
                "SELECT COUNT(*) FROM crm_customer", row -> row.getLong(1)).orElse(0L));
    }
}
