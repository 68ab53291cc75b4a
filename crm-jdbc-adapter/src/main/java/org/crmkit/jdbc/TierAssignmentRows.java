package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;

/** Maps {@link TierAssignment} to and from rows of {@code crm_tier_assignment}. */
final class TierAssignmentRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "customer_id, as_of, tier, policy_id, policy_version, evaluations_below,"
            + " recorded_at, recorded_nanos";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_tier_assignment";
    static final String INSERT = "INSERT INTO crm_tier_assignment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private TierAssignmentRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row of {@link #SELECT}
     * @return the assignment
     * @throws SQLException on a database failure
     */
    static TierAssignment map(ResultSet row) throws SQLException {
        String tier = row.getString("tier");
        return new TierAssignment(
                CustomerId.of(row.getString("customer_id")),
                Optional.ofNullable(tier).map(Tier::of),
                row.getObject("as_of", LocalDate.class),
                PolicyRef.of(row.getString("policy_id"), row.getString("policy_version")),
                row.getInt("evaluations_below"),
                SqlValues.moment(row, "recorded"));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param assignment the assignment
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if a day or moment does not fit the schema
     */
    static void bind(PreparedStatement statement, TierAssignment assignment) throws SQLException {
        String what = "Tier assignment of customer '" + assignment.customerId() + "'";
        Instant recordedAt = SqlValues.storableMoment(assignment.recordedAt(), what + " recordedAt");
        statement.setString(1, assignment.customerId().value());
        statement.setObject(2, SqlValues.storableDay(assignment.asOf(), what + " asOf"));
        statement.setString(3, assignment.tier().map(Tier::name).orElse(null));
        statement.setString(4, assignment.policy().id());
        statement.setString(5, assignment.policy().version());
        statement.setInt(6, assignment.evaluationsBelow());
        SqlValues.bindMoment(statement, 7, recordedAt);
    }
}
