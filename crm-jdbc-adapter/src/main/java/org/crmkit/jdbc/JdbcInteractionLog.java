package org.crmkit.jdbc;

import java.time.Instant;
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

/** {@link InteractionLog} on {@code crm_interaction}. */
final class JdbcInteractionLog implements InteractionLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcInteractionLog.class);

    private final Database database;
    private final String selectByCustomerAndMoments;
    private final String selectMomentsInCustomerOrder;

    JdbcInteractionLog(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.selectByCustomerAndMoments = InteractionRows.SELECT
                + " WHERE customer_id = ? AND " + SqlValues.momentRangeCondition("occurred_at", "occurred_nanos")
                + " ORDER BY occurred_at, occurred_nanos, " + database.dialect().byId("id");
        this.selectMomentsInCustomerOrder = InteractionRows.SELECT
                + " WHERE " + SqlValues.momentRangeCondition("occurred_at", "occurred_nanos")
                + " ORDER BY " + database.dialect().byId("customer_id") + ", occurred_at, occurred_nanos, "
                + database.dialect().byId("id");
    }

    @Override
    public List<Interaction> findByCustomer(CustomerId customerId, Instant from, Instant until) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return database.transaction("find the interactions of customer '" + customerId + "'",
                connection -> Database.list(connection, selectByCustomerAndMoments, InteractionRows::map,
                        SqlValues.momentRangeParameters(List.of(customerId.value()), from, until)));
    }

    @Override
    public void forEach(Instant from, Instant until, Consumer<? super Interaction> action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(action, "action");
        database.forEach("visit the interactions in a time range", selectMomentsInCustomerOrder,
                List.of(SqlValues.momentRangeParameters(from, until)), InteractionRows::map, action);
    }

    @Override
    public void record(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
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
