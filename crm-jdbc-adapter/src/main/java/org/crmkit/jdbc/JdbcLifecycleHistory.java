package org.crmkit.jdbc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.port.LifecycleHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LifecycleHistory} on {@code crm_lifecycle_transition} and {@code crm_lifecycle_reason},
 * guarded by {@code crm_lifecycle_head}.
 */
final class JdbcLifecycleHistory implements LifecycleHistory {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcLifecycleHistory.class);

    private static final String CURRENT = LifecycleTransitionRows.SELECT + " WHERE t.customer_id = ? AND t.as_of ="
            + " (SELECT MAX(as_of) FROM crm_lifecycle_transition WHERE customer_id = ?)"
            + LifecycleTransitionRows.ORDER;
    private static final String HISTORY = LifecycleTransitionRows.SELECT + " WHERE t.customer_id = ?"
            + LifecycleTransitionRows.ORDER;
    /** Deletes the reasons too, by the cascading foreign key. */
    private static final String DELETE_SAME_DAY =
            "DELETE FROM crm_lifecycle_transition WHERE customer_id = ? AND as_of = ?";

    private final Database database;
    private final AsOfHead head = new AsOfHead("crm_lifecycle_head", "Lifecycle transition");

    JdbcLifecycleHistory(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<LifecycleStageChanged> current(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return database.transaction("find the lifecycle stage of customer '" + customerId + "'",
                connection -> LifecycleTransitionRows.read(connection, CURRENT, customerId.value(),
                        customerId.value()).stream().findFirst());
    }

    @Override
    public List<LifecycleStageChanged> history(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return database.transaction("read the lifecycle history of customer '" + customerId + "'",
                connection -> LifecycleTransitionRows.read(connection, HISTORY, customerId.value()));
    }

    @Override
    public void record(LifecycleStageChanged transition) {
        Objects.requireNonNull(transition, "transition");
        CustomerId customerId = transition.customerId();
        LocalDate asOf = LifecycleTransitionRows.storable(transition);
        database.transaction("record the lifecycle transition of customer '" + customerId + "' as of " + asOf,
                connection -> {
                    // Writers of one customer take turns; an older day is refused.
                    head.claim(connection, customerId, asOf);
                    Database.update(connection, DELETE_SAME_DAY, customerId.value(), asOf);
                    LifecycleTransitionRows.insert(connection, transition);
                    LOG.debug("Recorded lifecycle transition of customer {} as of {} to {}", customerId, asOf,
                            transition.to().key());
                    return null;
                });
    }
}
