package org.crmkit.jdbc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.port.InteractionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link InteractionLog} on {@code crm_interaction}, or read-only on an ERP's interactions through a mapping. */
final class JdbcInteractionLog implements InteractionLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcInteractionLog.class);

    private final Database database;
    private final Relation relation;
    private final String selectByCustomerAndMoments;
    private final String selectMomentsInCustomerOrder;
    private final Database.RowMapper<Interaction> mapper;

    JdbcInteractionLog(Database database, Relation relation) {
        this.database = Objects.requireNonNull(database, "database");
        this.relation = Objects.requireNonNull(relation, "relation");
        Moments moments = relation.moments();
        this.mapper = relation.naming(row -> InteractionRows.map(row, moments));
        String select = "SELECT " + relation.columns(InteractionRows.COLUMNS) + " FROM " + relation.from() + " WHERE ";
        this.selectByCustomerAndMoments = select + "customer_id = ? AND " + moments.rangeCondition("occurred")
                + " ORDER BY " + moments.order("occurred") + ", " + database.dialect().byId("id");
        this.selectMomentsInCustomerOrder = select + moments.rangeCondition("occurred")
                + " ORDER BY " + database.dialect().byId("customer_id") + ", " + moments.order("occurred") + ", "
                + database.dialect().byId("id");
    }

    @Override
    public List<Interaction> findByCustomer(CustomerId customerId, Instant from, Instant until) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return database.transaction("find the interactions of customer '" + customerId + "'",
                connection -> Database.list(connection, selectByCustomerAndMoments, mapper, relation.parametersThen(
                        relation.moments().rangeParameters(List.of(customerId.value()), from, until))));
    }

    @Override
    public void forEach(Instant from, Instant until, Consumer<? super Interaction> action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(action, "action");
        database.forEach("visit the interactions in a time range", selectMomentsInCustomerOrder,
                Arrays.asList(relation.parametersThen(relation.moments().rangeParameters(from, until))),
                mapper, action);
    }

    @Override
    public void record(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        ReadOnly.refuse(relation, "record interaction '" + interaction.id() + "'");
        database.transaction("record interaction '" + interaction.id() + "'", connection -> {
            Optional<Interaction> stored = Database.first(connection, InteractionRows.SELECT + " WHERE id = ?",
                    InteractionRows::map, interaction.id().value());
            if (Database.insertOnce(connection, stored, interaction, InteractionRows.INSERT, InteractionRows::bind,
                    () -> new InvalidValueException(
                            "Interaction '" + interaction.id() + "' is already recorded with other values"))) {
                LOG.debug("Recorded interaction {} of customer {}", interaction.id(), interaction.customerId());
            }
            return null;
        });
    }
}
