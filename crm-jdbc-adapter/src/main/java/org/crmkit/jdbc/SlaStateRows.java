package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;

/**
 * The rows of {@code crm_case_sla} and {@code crm_case_sla_milestone} without their {@code since}
 * day: what the SLA job compares with the stored rows to decide whether to write.
 */
final class SlaStateRows {
    private SlaStateRows() {
    }

    /** A row of {@code crm_case_sla}. */
    record CaseRow(String caseId, String customerId, PolicyRef policy, Optional<String> tier,
            Optional<String> priority, Optional<String> target, int reopenings, boolean paused, boolean closed) {
        /** The columns, in the order {@link #insert} writes them. */
        static final String COLUMNS = "case_id, customer_id, policy_id, policy_version, tier, priority, target,"
                + " reopenings, paused, closed, since";
        static final String SELECT = "SELECT " + COLUMNS + " FROM crm_case_sla";
        static final String INSERT = "INSERT INTO crm_case_sla (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)";
        static final String UPDATE = "UPDATE crm_case_sla SET customer_id = ?, policy_id = ?, policy_version = ?,"
                + " tier = ?, priority = ?, target = ?, reopenings = ?, paused = ?, closed = ?, since = ?"
                + " WHERE case_id = ?";

        CaseRow {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(policy, "policy");
        }

        /** @return the row of an evaluation */
        static CaseRow of(CaseSla sla) {
            return new CaseRow(sla.serviceCase().id().value(), sla.serviceCase().customerId().value(), sla.policy(),
                    sla.tier().map(Tier::name), sla.priority().map(Priority::key), sla.target(), sla.reopenings(),
                    sla.paused(), sla.closed());
        }

        /** Reads a stored row, selected with {@link #SELECT}. */
        static CaseRow map(ResultSet row) throws SQLException {
            return new CaseRow(row.getString("case_id"), row.getString("customer_id"),
                    PolicyRef.of(row.getString("policy_id"), row.getString("policy_version")),
                    Optional.ofNullable(row.getString("tier")), Optional.ofNullable(row.getString("priority")),
                    Optional.ofNullable(row.getString("target")), row.getInt("reopenings"), row.getBoolean("paused"),
                    row.getBoolean("closed"));
        }

        /** Writes the row, found on a day, in the order of {@link #COLUMNS}: for {@link #INSERT}. */
        void insert(RowSink sink, LocalDate since) throws SQLException {
            values(sink.text(caseId)).day(since).endRow();
        }

        /** Writes the row, found on a day, in the order of {@link #UPDATE}'s markers. */
        void update(RowSink sink, LocalDate since) throws SQLException {
            values(sink).day(since).text(caseId).endRow();
        }

        private RowSink values(RowSink sink) throws SQLException {
            return sink.text(customerId).text(policy.id()).text(policy.version()).text(tier.orElse(null))
                    .text(priority.orElse(null)).text(target.orElse(null)).number(reopenings).flag(paused)
                    .flag(closed);
        }
    }

    /**
     * A row of {@code crm_case_sla_milestone}, with which of the milestone's events of its cycle are
     * in the outbox.
     */
    record MilestoneRow(String caseId, String milestone, int number, int cycle, Instant startedAt, Instant dueAt,
            Optional<Instant> metAt, boolean metByClosing, String status, Duration elapsed, Duration paused,
            Optional<Duration> remaining, Optional<Instant> warningAt, boolean warningSent, boolean breachSent,
            boolean metSent) {
        /** The columns, {@code case_id} and {@code milestone} first, in the order {@link #insert} writes them. */
        static final String COLUMNS = "case_id, milestone, milestone_number, cycle, started_at, started_nanos, due_at,"
                + " due_nanos, met_at, met_nanos, met_by_closing, status, elapsed_seconds, paused_seconds,"
                + " remaining_seconds, warning_at, warning_nanos, warning_sent, breach_sent, met_sent, since";
        static final String SELECT = "SELECT " + COLUMNS + " FROM crm_case_sla_milestone";
        static final String INSERT = "INSERT INTO crm_case_sla_milestone (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        static final String UPDATE = "UPDATE crm_case_sla_milestone SET milestone_number = ?, cycle = ?,"
                + " started_at = ?, started_nanos = ?, due_at = ?, due_nanos = ?, met_at = ?, met_nanos = ?,"
                + " met_by_closing = ?, status = ?, elapsed_seconds = ?, paused_seconds = ?, remaining_seconds = ?,"
                + " warning_at = ?, warning_nanos = ?, warning_sent = ?, breach_sent = ?, met_sent = ?, since = ?"
                + " WHERE case_id = ? AND milestone = ?";
        static final String DELETE = "DELETE FROM crm_case_sla_milestone WHERE case_id = ? AND milestone = ?";

        MilestoneRow {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(milestone, "milestone");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(metAt, "metAt");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(paused, "paused");
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(warningAt, "warningAt");
        }

        /**
         * The row of a milestone's status.
         *
         * @param sla the case's evaluation
         * @param number the milestone's place in the target, from 1
         * @param status the milestone's status
         * @param warningSent whether the cycle's warning is in the outbox
         * @param breachSent whether the cycle's breach is in the outbox
         * @param metSent whether the cycle's met milestone is in the outbox
         * @return the row
         */
        static MilestoneRow of(CaseSla sla, int number, MilestoneStatus status, boolean warningSent,
                boolean breachSent, boolean metSent) {
            return new MilestoneRow(sla.serviceCase().id().value(), status.name(), number, status.cycle(),
                    status.startedAt(), status.dueAt(), status.metAt(), status.metByClosing(), status.status().key(),
                    status.elapsed(), status.paused(), status.remaining(), status.warningAt(), warningSent,
                    breachSent, metSent);
        }

        /** Reads a stored row, selected with {@link #SELECT}. */
        static MilestoneRow map(ResultSet row) throws SQLException {
            return new MilestoneRow(row.getString("case_id"), row.getString("milestone"),
                    row.getInt("milestone_number"), row.getInt("cycle"), SqlValues.moment(row, "started"),
                    SqlValues.moment(row, "due"), optionalMoment(row, "met"), row.getBoolean("met_by_closing"),
                    row.getString("status"), duration(row.getBigDecimal("elapsed_seconds")),
                    duration(row.getBigDecimal("paused_seconds")),
                    Optional.ofNullable(row.getBigDecimal("remaining_seconds")).map(SlaStateRows::duration),
                    optionalMoment(row, "warning"), row.getBoolean("warning_sent"), row.getBoolean("breach_sent"),
                    row.getBoolean("met_sent"));
        }

        /** Writes the row, found on a day, in the order of {@link #COLUMNS}: for {@link #INSERT}. */
        void insert(RowSink sink, LocalDate since) throws SQLException {
            values(sink.text(caseId).text(milestone)).day(since).endRow();
        }

        /** Writes the row, found on a day, in the order of {@link #UPDATE}'s markers. */
        void update(RowSink sink, LocalDate since) throws SQLException {
            values(sink).day(since).text(caseId).text(milestone).endRow();
        }

        private RowSink values(RowSink sink) throws SQLException {
            return sink.number(number).number(cycle).moment(startedAt).moment(dueAt).moment(metAt.orElse(null))
                    .flag(metByClosing).text(status).decimal(seconds(elapsed)).decimal(seconds(paused))
                    .decimal(remaining.map(SlaStateRows::seconds).orElse(null)).moment(warningAt.orElse(null))
                    .flag(warningSent).flag(breachSent).flag(metSent);
        }
    }

    private static Optional<Instant> optionalMoment(ResultSet row, String name) throws SQLException {
        return row.getObject(name + "_at") == null ? Optional.empty() : Optional.of(SqlValues.moment(row, name));
    }

    /**
     * A duration in seconds, exact to the nanosecond.
     *
     * @param duration the duration
     * @return the seconds, with 9 decimal places
     */
    static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    }

    /**
     * A duration from its seconds, as {@link #seconds} writes them.
     *
     * @param seconds the seconds, with at most 9 decimal places
     * @return the duration
     */
    static Duration duration(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).intValueExact();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }
}
