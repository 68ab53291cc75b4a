package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.StaffId;

/** Maps {@link Interaction} to and from rows of {@code crm_interaction}. */
final class InteractionRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "id, customer_id, occurred_at, occurred_nanos, occurred_offset_seconds, channel,"
            + " kind, staff_id, outcome";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_interaction";
    static final String INSERT = "INSERT INTO crm_interaction (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private InteractionRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row of {@link #SELECT}
     * @return the interaction, with the moment in the offset it was recorded in
     * @throws SQLException on a database failure
     */
    static Interaction map(ResultSet row) throws SQLException {
        return map(row, Moments.CRMKIT);
    }

    /**
     * Reads the current row of a relation.
     *
     * @param row positioned on a row of the {@link Relation#columns} of its relation
     * @param moments how the relation keeps moments
     * @return the interaction
     * @throws SQLException on a database failure
     */
    static Interaction map(ResultSet row, Moments moments) throws SQLException {
        String staff = row.getString("staff_id");
        return new Interaction(
                InteractionId.of(row.getString("id")),
                CustomerId.of(row.getString("customer_id")),
                moments.read(row, "occurred"),
                Channel.parse(row.getString("channel")),
                InteractionKind.parse(row.getString("kind")),
                Optional.ofNullable(staff).map(StaffId::of),
                Optional.ofNullable(row.getString("outcome")));
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param interaction the interaction
     * @throws SQLException on a database failure
     * @throws org.crmkit.core.InvalidValueException if the moment does not fit the schema
     */
    static void bind(PreparedStatement statement, Interaction interaction) throws SQLException {
        SqlValues.storableMoment(interaction.occurredAt().toInstant(),
                "Interaction '" + interaction.id() + "' occurredAt");
        statement.setString(1, interaction.id().value());
        statement.setString(2, interaction.customerId().value());
        SqlValues.bindMomentWithOffset(statement, 3, interaction.occurredAt());
        statement.setString(6, interaction.channel().key());
        statement.setString(7, interaction.kind().key());
        statement.setString(8, interaction.staffId().map(StaffId::value).orElse(null));
        statement.setString(9, interaction.outcome().orElse(null));
    }
}
