package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
        /** The columns, in the order {@link #bindInsert} binds them. */
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

        /** Adds the row, found on a day, to a batch of {@link #INSERT}. */
        void bindInsert(PreparedStatement insert, LocalDate since) throws SQLException {
            insert.setString(1, caseId);
            int next = bindValues(insert, 2);
            insert.setObject(next, since);
            insert.addBatch();
        }

        /** Adds the row, found on a day, to a batch of {@link #UPDATE}. */
        void bindUpdate(PreparedStatement update, LocalDate since) throws SQLException {
            int next = bindValues(update, 1);
            update.setObject(next, since);
            update.setString(next + 1, caseId);
            update.addBatch();
        }

        private int bindValues(PreparedStatement statement, int first) throws SQLException {
            int i = first;
            statement.setString(i++, customerId);
            statement.setString(i++, policy.id());
            statement.setString(i++, policy.version());
            statement.setString(i++, tier.orElse(null));
            statement.setString(i++, priority.orElse(null));
            statement.setString(i++, target.orElse(null));
            statement.setInt(i++, reopenings);
            statement.setBoolean(i++, paused);
            statement.setBoolean(i++, closed);
            return i;
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
        /** The columns, {@code case_id} and {@code milestone} first, in the order {@link #bindInsert} binds them. */
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

        /** Adds the row, found on a day, to a batch of {@link #INSERT}. */
        void bindInsert(PreparedStatement insert, LocalDate since) throws SQLException {
            insert.setString(1, caseId);
            insert.setString(2, milestone);
            int next = bindValues(insert, 3);
            insert.setObject(next, since);
            insert.addBatch();
        }

        /** Adds the row, found on a day, to a batch of {@link #UPDATE}. */
        void bindUpdate(PreparedStatement update, LocalDate since) throws SQLException {
            int next = bindValues(update, 1);
            update.setObject(next, since);
            update.setString(next + 1, caseId);
            update.setString(next + 2, milestone);
            update.addBatch();
        }

        private int bindValues(PreparedStatement statement, int first) throws SQLException {
            int i = first;
            statement.setInt(i++, number);
            statement.setInt(i++, cycle);
            i = SqlValues.bindMoment(statement, i, startedAt);
            i = SqlValues.bindMoment(statement, i, dueAt);
            i = bindOptionalMoment(statement, i, metAt);
            statement.setBoolean(i++, metByClosing);
            statement.setString(i++, status);
            statement.setBigDecimal(i++, seconds(elapsed));
            statement.setBigDecimal(i++, seconds(paused));
            if (remaining.isPresent()) {
                statement.setBigDecimal(i++, seconds(remaining.get()));
            } else {
                statement.setNull(i++, Types.NUMERIC);
            }
            i = bindOptionalMoment(statement, i, warningAt);
            statement.setBoolean(i++, warningSent);
            statement.setBoolean(i++, breachSent);
            statement.setBoolean(i++, metSent);
            return i;
        }
    }

    private static int bindOptionalMoment(PreparedStatement statement, int index, Optional<Instant> moment)
            throws SQLException {
        if (moment.isPresent()) {
            return SqlValues.bindMoment(statement, index, moment.get());
        }
        statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setNull(index + 1, Types.INTEGER);
        return index + 2;
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
