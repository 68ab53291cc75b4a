package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;

/** Maps {@link CaseEvent} to and from rows of {@code crm_case_event}, and reads them from a mapped ERP's. */
final class CaseEventRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "case_id, sequence_number, occurred_at, occurred_nanos, occurred_offset_seconds,"
            + " event_type, detail";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_case_event";
    static final String INSERT = "INSERT INTO crm_case_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    private CaseEventRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row of {@link #SELECT}
     * @return the event, in the offset it was recorded in
     * @throws SQLException on a database failure
     */
    static CaseEvent map(ResultSet row) throws SQLException {
        return map(row, Moments.CRMKIT);
    }

    /**
     * The columns a relation reads, by how it keeps moments.
     *
     * @param moments how the relation keeps moments
     * @return the column list
     */
    static String columns(Moments moments) {
        // Not Relation#columns: a mapped relation's sequence_number is only ordered by, never read.
        return moments.kind() == Moments.Kind.CRMKIT ? COLUMNS : "case_id, occurred_at, event_type, detail";
    }

    /**
     * Reads the current row of a relation.
     *
     * @param row positioned on a row of {@link #columns}
     * @param moments how the relation keeps moments
     * @return the event
     * @throws SQLException on a database failure
     */
    static CaseEvent map(ResultSet row, Moments moments) throws SQLException {
        return new CaseEvent(
                CaseId.of(row.getString("case_id")),
                moments.read(row, "occurred"),
                CaseEventType.parse(row.getString("event_type")),
                Optional.ofNullable(row.getString("detail")));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param event the event
     * @param sequenceNumber its place in the case's history, from 1
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if the moment does not fit the schema
     */
    static void bind(PreparedStatement statement, CaseEvent event, int sequenceNumber) throws SQLException {
        storableMoment(event);
        statement.setString(1, event.caseId().value());
        statement.setInt(2, sequenceNumber);
        SqlValues.bindMomentWithOffset(statement, 3, event.occurredAt());
        statement.setString(6, event.type().key());
        statement.setString(7, event.detail().orElse(null));
    }

    /**
     * Checks that an event's moment can be stored.
     *
     * @param event the event
     * @return its moment
     * @throws org.crmkit.core.InvalidValueException if the moment lies outside the years 1 to 9999 in UTC
     */
    static Instant storableMoment(CaseEvent event) {
        return SqlValues.storableMoment(event.occurredAt().toInstant(),
                "Event '" + event.type().key() + "' of case '" + event.caseId() + "' occurredAt");
    }
}
