package org.crmkit.jdbc;

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
    /** The columns in the order {@link #map} reads and {@link #write} writes them. */
    static final String COLUMNS = "customer_id, as_of, tier, policy_id, policy_version, evaluations_below,"
            + " recorded_at, recorded_nanos";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_tier_assignment";
    static final String INSERT = "INSERT INTO crm_tier_assignment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    /** A customer's current (latest) assignment, binding the customer's id. */
    static final String CURRENT = SELECT + " WHERE customer_id = ? ORDER BY as_of DESC FETCH FIRST 1 ROWS ONLY";

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
     * Writes an assignment's row, in the order of {@link #COLUMNS}, checking that its day and moment
     * can be stored.
     *
     * @param sink where the row goes
     * @param assignment the assignment
     * @throws org.crmkit.core.InvalidValueException if the day or moment lies outside the years 1 to 9999
     * @throws SQLException if a statement refuses the row
     */
    static void write(RowSink sink, TierAssignment assignment) throws SQLException {
        String what = "Tier assignment of customer '" + assignment.customerId() + "'";
        Instant recordedAt = SqlValues.storableMoment(assignment.recordedAt(), what + " recordedAt");
        sink.text(assignment.customerId().value()).day(SqlValues.storableDay(assignment.asOf(), what + " asOf"))
                .text(assignment.tier().map(Tier::name).orElse(null)).text(assignment.policy().id())
                .text(assignment.policy().version()).number(assignment.evaluationsBelow()).moment(recordedAt)
                .endRow();
    }
}
