package org.crmkit.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.OrderLine;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.OrderLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link OrderLines} on {@code crm_order_line}, or read-only on an ERP's order lines through a mapping. */
final class JdbcOrderLines implements OrderLines {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOrderLines.class);

    private final Database database;
    private final Relation relation;
    private final String selectByOrder;
    private final String selectAllInOrderIdOrder;
    private final Database.RowMapper<OrderLine> mapper;

    JdbcOrderLines(Database database, Relation relation) {
        this.database = Objects.requireNonNull(database, "database");
        this.relation = Objects.requireNonNull(relation, "relation");
        this.mapper = relation.naming(OrderLineRows::map);
        String select = "SELECT " + OrderLineRows.COLUMNS + " FROM " + relation.from();
        this.selectByOrder = select + " WHERE order_id = ? ORDER BY line_number";
        this.selectAllInOrderIdOrder = select + " ORDER BY " + database.dialect().byId("order_id") + ", line_number";
    }

    @Override
    public List<OrderLine> findByOrder(PurchaseId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return database.transaction("find the lines of order '" + orderId + "'",
                connection -> Database.list(connection, selectByOrder, mapper, relation.parametersThen(orderId.value())));
    }

    @Override
    public void forEach(Consumer<? super OrderLine> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the order lines", selectAllInOrderIdOrder, relation.parameters(), mapper, action);
    }

    @Override
    public void record(OrderLine line) {
        Objects.requireNonNull(line, "line");
        String what = "line " + line.lineNumber() + " of order '" + line.orderId() + "'";
        ReadOnly.refuse(relation, "record " + what);
        database.transaction("record " + what, connection -> {
            Optional<OrderLine> stored = Database.first(connection, OrderLineRows.SELECT
                    + " WHERE order_id = ? AND line_number = ?", OrderLineRows::map, line.orderId().value(),
                    line.lineNumber());
            if (Database.insertOnce(connection, stored, line, OrderLineRows.INSERT, OrderLineRows::bind,
                    () -> new InvalidValueException("Line " + line.lineNumber() + " of order '" + line.orderId()
                            + "' is already recorded with other values"))) {
                LOG.debug("Recorded {}", what);
            }
            return null;
        });
    }
}
