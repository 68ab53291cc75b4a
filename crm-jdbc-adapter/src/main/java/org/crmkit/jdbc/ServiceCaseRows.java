package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;

/** Maps {@link ServiceCase} to and from rows of {@code crm_case}, and reads them from a mapped ERP's. */
final class ServiceCaseRows {
    /** The columns in the order {@link #map} reads and {@link #bindInsert} writes them. */
    static final String COLUMNS = "id, customer_id, opened_at, opened_nanos, opened_offset_seconds, kind, priority,"
            + " cause, channel";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_case";
    static final String INSERT = "INSERT INTO crm_case (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE crm_case SET customer_id = ?, opened_at = ?, opened_nanos = ?,"
            + " opened_offset_seconds = ?, kind = ?, priority = ?, cause = ?, channel = ? WHERE id = ?";

    private ServiceCaseRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row of {@link #SELECT}
     * @return the case, opened in the offset it was recorded in
     * @throws SQLException on a database failure
     */
    static ServiceCase map(ResultSet row) throws SQLException {
        return map(row, Moments.CRMKIT);
    }

    /**
     * Reads the current row of a relation.
     *
     * @param row positioned on a row of the {@link Relation#columns} of its relation
     * @param moments how the relation keeps moments
     * @return the case
     * @throws SQLException on a database failure
     */
    static ServiceCase map(ResultSet row, Moments moments) throws SQLException {
        String priority = row.getString("priority");
        String channel = row.getString("channel");
        return new ServiceCase(
                CaseId.of(row.getString("id")),
                CustomerId.of(row.getString("customer_id")),
                moments.read(row, "opened"),
                CaseKind.parse(row.getString("kind")),
                Optional.ofNullable(priority).map(Priority::parse),
                Optional.ofNullable(row.getString("cause")),
                Optional.ofNullable(channel).map(Channel::parse));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param serviceCase the case
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if the opening moment does not fit the schema
     */
    static void bindInsert(PreparedStatement statement, ServiceCase serviceCase) throws SQLException {
        statement.setString(1, serviceCase.id().value());
        bindFacts(statement, 2, serviceCase);
    }

    /**
     * Binds the values of {@link #UPDATE}.
     *
     * @param statement the prepared UPDATE
     * @param serviceCase the case
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if the opening moment does not fit the schema
     */
    static void bindUpdate(PreparedStatement statement, ServiceCase serviceCase) throws SQLException {
        int next = bindFacts(statement, 1, serviceCase);
        statement.setString(next, serviceCase.id().value());
    }

    private static int bindFacts(PreparedStatement statement, int first, ServiceCase serviceCase)
            throws SQLException {
        SqlValues.storableMoment(serviceCase.openedAt().toInstant(),
                "Service case '" + serviceCase.id() + "' openedAt");
        int i = first;
        statement.setString(i++, serviceCase.customerId().value());
        i = SqlValues.bindMomentWithOffset(statement, i, serviceCase.openedAt());
        statement.setString(i++, serviceCase.kind().key());
        statement.setString(i++, serviceCase.priority().map(Priority::key).orElse(null));
        statement.setString(i++, serviceCase.cause().orElse(null));
        statement.setString(i++, serviceCase.channel().map(Channel::key).orElse(null));
        return i;
    }
}
