package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.ValueEstimate;
import org.crmkit.rules.segment.RfmScore;

/**
 * A row of {@code crm_customer_assessment} without its {@code since} day: what the assessment job
 * compares with the stored row to decide whether to write. Decimals are kept without trailing zeros,
 * so that a value read back equals the value computed whatever scale the database kept.
 */
record AssessmentRow(String customerId, String stage, boolean winBack, BigDecimal churnRisk, boolean highRisk,
        Optional<String> relationshipLevel, String relationshipType, Optional<String> rfm, String abc,
        Optional<BigDecimal> probabilityAlive, Optional<BigDecimal> lifetimeValue, BigDecimal valueAtRisk,
        String currency, PolicyRef policy, String reasons) {
    /** The columns, {@code customer_id} first (for {@link IdCursor}), in the order {@link #bindInsert} binds them. */
    static final String COLUMNS = "customer_id, stage, win_back, churn_risk, high_risk, relationship_level,"
            + " relationship_type, rfm, abc, p_alive, clv, value_at_risk, currency, policy_id, policy_version,"
            + " reasons, since";
    static final String INSERT = "INSERT INTO crm_customer_assessment (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE crm_customer_assessment SET stage = ?, win_back = ?, churn_risk = ?,"
            + " high_risk = ?, relationship_level = ?, relationship_type = ?, rfm = ?, abc = ?, p_alive = ?,"
            + " clv = ?, value_at_risk = ?, currency = ?, policy_id = ?, policy_version = ?, reasons = ?, since = ?"
            + " WHERE customer_id = ?";

    AssessmentRow {
        Objects.requireNonNull(customerId, "customerId");
        churnRisk = normal(churnRisk);
        probabilityAlive = probabilityAlive.map(AssessmentRow::normal);
        lifetimeValue = lifetimeValue.map(AssessmentRow::normal);
        valueAtRisk = normal(valueAtRisk);
    }

    private static BigDecimal normal(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // 100 stays 100, not 1E+2, for the databases' sake.
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * The row of an assessment.
     *
     * @param assessment the assessment
     * @param policy the policy that decided it
     * @return the row
     */
    static AssessmentRow of(CustomerAssessment assessment, PolicyRef policy) {
        return new AssessmentRow(assessment.customerId().value(), assessment.lifecycle().lifecycleStage().key(),
                assessment.lifecycle().winBack(), assessment.lifecycle().churnRisk().value(),
                assessment.onEarlyWarningList(), assessment.relationship().level().map(RelationshipLevel::key),
                assessment.relationship().relationshipType().key(), assessment.rfm().map(RfmScore::code),
                assessment.abc().abcClass().name(), assessment.value().map(ValueEstimate::probabilityAlive),
                assessment.value().map(ValueEstimate::lifetimeValue), assessment.valueAtRisk(),
                assessment.lifecycle().signals().metrics().spend().currency().getCurrencyCode(), policy,
                JsonStrings.write(assessment.reasons()));
    }

    /**
     * Reads a stored row, selected with {@link #COLUMNS}.
     *
     * @param row the result set at the row
     * @return the row's values
     */
    static AssessmentRow map(ResultSet row) throws SQLException {
        return new AssessmentRow(row.getString("customer_id"), row.getString("stage"), row.getBoolean("win_back"),
                row.getBigDecimal("churn_risk"), row.getBoolean("high_risk"),
                Optional.ofNullable(row.getString("relationship_level")), row.getString("relationship_type"),
                Optional.ofNullable(row.getString("rfm")), row.getString("abc"),
                Optional.ofNullable(row.getBigDecimal("p_alive")), Optional.ofNullable(row.getBigDecimal("clv")),
                row.getBigDecimal("value_at_risk"), row.getString("currency"),
                PolicyRef.of(row.getString("policy_id"), row.getString("policy_version")), row.getString("reasons"));
    }

    /** Adds the row, found on a day, to a batch of {@link #INSERT}. */
    void bindInsert(PreparedStatement insert, LocalDate since) throws SQLException {
        insert.setString(1, customerId);
        int next = bindValues(insert, 2);
        insert.setObject(next, since);
        insert.addBatch();
    }

    /** Adds the row, found on a day, to a batch of {@link #UPDATE}. */
    void bindUpdate(PreparedStatement update, LocalDate since) throws SQLException {
        int next = bindValues(update, 1);
        update.setObject(next, since);
        update.setString(next + 1, customerId);
        update.addBatch();
    }

    /** Binds the values from stage to reasons from an index on; returns the index after them. */
    private int bindValues(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        statement.setString(i++, stage);
        statement.setBoolean(i++, winBack);
        statement.setBigDecimal(i++, churnRisk);
        statement.setBoolean(i++, highRisk);
        statement.setString(i++, relationshipLevel.orElse(null));
        statement.setString(i++, relationshipType);
        statement.setString(i++, rfm.orElse(null));
        statement.setString(i++, abc);
        bindDecimal(statement, i++, probabilityAlive);
        bindDecimal(statement, i++, lifetimeValue);
        statement.setBigDecimal(i++, valueAtRisk);
        statement.setString(i++, currency);
        statement.setString(i++, policy.id());
        statement.setString(i++, policy.version());
        statement.setString(i++, reasons);
        return i;
    }

    private static void bindDecimal(PreparedStatement statement, int index, Optional<BigDecimal> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setBigDecimal(index, value.get());
        } else {
            statement.setNull(index, Types.NUMERIC);
        }
    }
}
