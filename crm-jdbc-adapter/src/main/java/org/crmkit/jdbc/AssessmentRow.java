package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    /** The columns, {@code customer_id} first (for {@link IdCursor}), in the order {@link #insert} writes them. */
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

    /**
     * Writes the row, found on a day, in the order of {@link #COLUMNS}: for {@link #INSERT} or a {@code COPY}.
     *
     * @param sink where the row goes
     * @param since the day the values were found
     * @throws SQLException if a statement refuses a value
     */
    void insert(RowSink sink, LocalDate since) throws SQLException {
        values(sink.text(customerId)).day(since).endRow();
    }

    /**
     * Writes the row, found on a day, in the order of {@link #UPDATE}'s markers.
     *
     * @param sink where the row goes
     * @param since the day the values were found
     * @throws SQLException if a statement refuses a value
     */
    void update(RowSink sink, LocalDate since) throws SQLException {
        values(sink).day(since).text(customerId).endRow();
    }

    /** Writes the values from stage to reasons: the one place that lists them. */
    private RowSink values(RowSink sink) throws SQLException {
        return sink.text(stage).flag(winBack).decimal(churnRisk).flag(highRisk).text(relationshipLevel.orElse(null))
                .text(relationshipType).text(rfm.orElse(null)).text(abc).decimal(probabilityAlive.orElse(null))
                .decimal(lifetimeValue.orElse(null)).decimal(valueAtRisk).text(currency).text(policy.id())
                .text(policy.version()).text(reasons);
    }
}
