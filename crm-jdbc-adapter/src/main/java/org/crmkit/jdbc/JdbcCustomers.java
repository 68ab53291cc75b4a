package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.port.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Customers} on {@code crm_customer}, or read-only on an ERP's customers through a mapping
 * ({@link Relation#mapped()}).
 */
final class JdbcCustomers implements Customers {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCustomers.class);

    private final Database database;
    private final Relation relation;
    private final String select;
    private final String selectAllInIdOrder;

    JdbcCustomers(Database database, Relation relation) {
        this.database = Objects.requireNonNull(database, "database");
        this.relation = Objects.requireNonNull(relation, "relation");
        this.select = "SELECT " + CustomerRows.COLUMNS + " FROM " + relation.from();
        this.selectAllInIdOrder = select + " ORDER BY " + database.dialect().byId("id");
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return database.transaction("find customer '" + id + "'", connection -> Database.first(connection,
                select + " WHERE id = ?", relation.naming(CustomerRows::map), relation.parametersThen(id.value())));
    }

    @Override
    public void forEach(Consumer<? super Customer> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the customers", selectAllInIdOrder, relation.parameters(),
                relation.naming(CustomerRows::map), action);
    }

    @Override
    public void save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        ReadOnly.refuse(relation, "save customer '" + customer.id() + "'");
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
                "SELECT COUNT(*) FROM " + relation.from(), row -> row.getLong(1), relation.parametersThen())
                .orElse(0L));
    }
}
