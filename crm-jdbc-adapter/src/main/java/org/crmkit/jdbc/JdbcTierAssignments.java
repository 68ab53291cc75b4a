package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.TierAssignments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TierAssignments} on {@code crm_tier_assignment}, guarded by {@code crm_tier_head}. */
final class JdbcTierAssignments implements TierAssignments {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTierAssignments.class);

    private static final String CURRENT = TierAssignmentRows.SELECT
            + " WHERE customer_id = ? ORDER BY as_of DESC FETCH FIRST 1 ROWS ONLY";
    private static final String LATEST_BEFORE = TierAssignmentRows.SELECT
            + " WHERE customer_id = ? AND as_of < ? ORDER BY as_of DESC FETCH FIRST 1 ROWS ONLY";
    private static final String HISTORY = TierAssignmentRows.SELECT + " WHERE customer_id = ? ORDER BY as_of";
    private static final String CLAIM_HEAD =
            "UPDATE crm_tier_head SET latest_as_of = ? WHERE customer_id = ? AND latest_as_of <= ?";
    private static final String READ_HEAD = "SELECT latest_as_of FROM crm_tier_head WHERE customer_id = ?";
    private static final String INSERT_HEAD = "INSERT INTO crm_tier_head (customer_id, latest_as_of) VALUES (?, ?)";
    private static final String DELETE_SAME_DAY = "DELETE FROM crm_tier_assignment WHERE customer_id = ? AND as_of = ?";

    private final Database database;

    JdbcTierAssignments(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<TierAssignment> current(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return database.transaction("find the tier assignment of customer '" + customerId + "'",
                connection -> Database.first(connection, CURRENT, TierAssignmentRows::map, customerId.value()));
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
    public void record(TierAssignment assignment) {
        Objects.requireNonNull(assignment, "assignment");
        CustomerId customerId = assignment.customerId();
        LocalDate asOf = SqlValues.storableDay(assignment.asOf(),
                "Tier assignment of customer '" + customerId + "' asOf");
        database.transaction("record the tier assignment of customer '" + customerId + "' as of " + asOf,
                connection -> {
                    // Updating the head row locks it until commit: writers of one customer take turns.
                    int claimed = Database.update(connection, CLAIM_HEAD, asOf, customerId.value(), asOf);
                    if (claimed == 0) {
                        Optional<LocalDate> latest = readHead(connection, customerId);
                        if (latest.isEmpty()) {
                            // The first assignment; a concurrent first one makes this fail and run again.
                            Database.update(connection, INSERT_HEAD, customerId.value(), asOf);
                        } else if (Database.update(connection, CLAIM_HEAD, asOf, customerId.value(), asOf) == 0) {
                            // Claimed again because a concurrent first assignment may have committed the
                            // head after the UPDATE above took its snapshot; now only a later day refuses.
                            throw new ConcurrentUpdateException("Tier assignment of customer '" + customerId
                                    + "' as of " + asOf + " is older than the stored one as of "
                                    + readHead(connection, customerId).orElse(latest.get()));
                        }
                    }
                    Database.update(connection, DELETE_SAME_DAY, customerId.value(), asOf);
                    try (PreparedStatement insert = connection.prepareStatement(TierAssignmentRows.INSERT)) {
                        TierAssignmentRows.bind(insert, assignment);
                        insert.executeUpdate();
                    }
                    LOG.debug("Recorded tier assignment of customer {} as of {}", customerId, asOf);
                    return null;
                });
    }

    private static Optional<LocalDate> readHead(Connection connection, CustomerId customerId) throws SQLException {
        return Database.first(connection, READ_HEAD, row -> row.getObject(1, LocalDate.class), customerId.value());
    }
}
