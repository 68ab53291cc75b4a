package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.OptionalInt;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SurveyAnswer;

/** Maps {@link SurveyAnswer} to and from rows of {@code crm_survey_answer}. */
final class SurveyAnswerRows {
    /** The columns in the order {@link #map} reads and {@link #bind} writes them. */
    static final String COLUMNS = "customer_id, answered_at, answered_nanos, answered_offset_seconds, csat, nps";
    static final String SELECT = "SELECT " + COLUMNS + " FROM crm_survey_answer";
    static final String INSERT = "INSERT INTO crm_survey_answer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    private SurveyAnswerRows() {
    }

    /**
     * Reads the current row.
     *
     * @param row positioned on a row of {@link #SELECT}
     * @return the answer, with the moment in the offset it was recorded in
     * @throws SQLException on a database failure
     */
    static SurveyAnswer map(ResultSet row) throws SQLException {
        return new SurveyAnswer(
                CustomerId.of(row.getString("customer_id")),
                SqlValues.momentWithOffset(row, "answered"),
                score(row, "csat"),
                score(row, "nps"));
    }

    private static OptionalInt score(ResultSet row, String column) throws SQLException {
        int score = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
    }

    /**
     * Binds the values of {@link #INSERT}.
     *
     * @param statement the prepared INSERT
     * @param answer the answer, whose moment {@link #storableMoment} accepted
     * @throws SQLException on a database failure
     */
    static void bind(PreparedStatement statement, SurveyAnswer answer) throws SQLException {
        statement.setString(1, answer.customerId().value());
        SqlValues.bindMomentWithOffset(statement, 2, answer.answeredAt());
        bindScore(statement, 5, answer.csat());
        bindScore(statement, 6, answer.nps());
    }

    private static void bindScore(PreparedStatement statement, int index, OptionalInt score) throws SQLException {
        if (score.isPresent()) {
            statement.setInt(index, score.getAsInt());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    /**
     * Checks that an answer's moment can be stored.
     *
     * @param answer the answer
     * @return its moment
     * @throws org.crmkit.core.InvalidValueException if the moment lies outside the years 1 to 9999 in UTC
     */
    static Instant storableMoment(SurveyAnswer answer) {
        return SqlValues.storableMoment(answer.answeredAt().toInstant(),
                "Survey answer of customer '" + answer.customerId() + "' answeredAt");
    }
}
