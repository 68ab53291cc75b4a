package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.TierAssignments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TierAssignments} on {@code crm_tier_assignment}, guarded by {@code crm_tier_head}. */
final class JdbcTierAssignments implements TierAssignments {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTierAssignments.class);

    private static final String LATEST_BEFORE = TierAssignmentRows.SELECT
            + " WHERE customer_id = ? AND as_of < ? ORDER BY as_of DESC FETCH FIRST 1 ROWS ONLY";
    private static final String HISTORY = TierAssignmentRows.SELECT + " WHERE customer_id = ? ORDER BY as_of";
    private static final String DELETE_SAME_DAY = "DELETE FROM crm_tier_assignment WHERE customer_id = ? AND as_of = ?";
    /** The reasons the nightly job wrote with an assignment go with it (no foreign key cascades since version 8). */
    private static final String DELETE_SAME_DAY_REASONS = "DELETE FROM crm_tier_reason WHERE customer_id = ? AND as_of = ?";

    private final Database database;
    private final String selectUpToInCustomerOrder;
    private final AsOfHead head = new AsOfHead("crm_tier_head", "Tier assignment");

    JdbcTierAssignments(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.selectUpToInCustomerOrder = TierAssignmentRows.SELECT + " WHERE as_of <= ? ORDER BY "
                + database.dialect().byId("customer_id") + ", as_of";
    }

    @Override
    public Optional<TierAssignment> current(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return database.transaction("find the tier assignment of customer '" + customerId + "'",
                connection -> Database.first(connection, TierAssignmentRows.CURRENT, TierAssignmentRows::map,
                        customerId.value()));
    }

    @Override
    public Optional<TierAssignment> latestBefore(CustomerId customerId, LocalDate asOf) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        return database.transaction("find the tier assignment of customer '" + customerId + "' before " + asOf,
                connection -> Database.first(connection, LATEST_BEFORE, TierAssignmentRows::map,
                        customerId.value(), SqlValues.dayBound(asOf)));
    }

    @Override
    public List<TierAssignment> history(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return database.transaction("read the tier history of customer '" + customerId + "'",
                connection -> Database.list(connection, HISTORY, TierAssignmentRows::map, customerId.value()));
    }

    @Override
    public void forEachHistory(LocalDate asOf, Consumer<? super List<TierAssignment>> action) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(action, "action");
        // The rows come customer by customer: one customer's history is handed over whole.
        List<TierAssignment> history = new ArrayList<>();
        database.forEach("visit the tier histories as of " + asOf, selectUpToInCustomerOrder,
                List.of(SqlValues.dayBound(asOf)), TierAssignmentRows::map, assignment -> {
                    if (!history.isEmpty() && !history.get(0).customerId().equals(assignment.customerId())) {
                        action.accept(List.copyOf(history));
                        history.clear();
                    }
                    history.add(assignment);
                });
        if (!history.isEmpty()) {
            action.accept(List.copyOf(history));
        }
    }

    @Override
    public void record(TierAssignment assignment) {
        Objects.requireNonNull(assignment, "assignment");
        record(assignment, false, Optional.empty());
    }

    /** Checks the current assignment after claiming the head, which no other writer then changes before the commit. */
    @Override
    public void record(TierAssignment assignment, Optional<TierAssignment> readCurrent) {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(readCurrent, "readCurrent");
        record(assignment, true, readCurrent);
    }

    private void record(TierAssignment assignment, boolean check, Optional<TierAssignment> readCurrent) {
        CustomerId customerId = assignment.customerId();
        LocalDate asOf = SqlValues.storableDay(assignment.asOf(),
                "Tier assignment of customer '" + customerId + "' asOf");
        database.transaction("record the tier assignment of customer '" + customerId + "' as of " + asOf,
                connection -> {
                    // Writers of one customer take turns; an older day is refused.
                    head.claim(connection, customerId, asOf);
                    if (check) {
                        Optional<TierAssignment> stored = Database.first(connection, TierAssignmentRows.CURRENT,
                                TierAssignmentRows::map, customerId.value());
                        if (!stored.equals(readCurrent)) {
                            throw new ConcurrentUpdateException(TierAssignments.changedSinceRead(customerId, asOf,
                                    readCurrent, stored) + "; nothing was recorded");
                        }
                    }
                    Database.update(connection, DELETE_SAME_DAY_REASONS, customerId.value(), asOf);
                    Database.update(connection, DELETE_SAME_DAY, customerId.value(), asOf);
                    try (PreparedStatement insert = connection.prepareStatement(TierAssignmentRows.INSERT)) {
                        BatchRows row = new BatchRows(insert);
                        TierAssignmentRows.write(row, assignment);
                        row.execute();
                    }
                    LOG.debug("Recorded tier assignment of customer {} as of {}", customerId, asOf);
                    return null;
                });
    }
}
