package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;

/**
 * Maps {@link LifecycleStageChanged} to and from rows of {@code crm_lifecycle_transition} and its
 * reasons in {@code crm_lifecycle_reason}. A transition is read with its reasons in one query, so
 * that a concurrent same-day replacement is seen whole or not at all.
 */
final class LifecycleTransitionRows {
    /** The transition columns in the order {@link #write} writes them. */
    static final String COLUMNS = "customer_id, as_of, from_stage, to_stage, policy_id, policy_version, win_back,"
            + " occurred_at, occurred_nanos";
    /** Each transition with its reasons, a row per reason and one without for a transition without reasons. */
    static final String SELECT = "SELECT t.customer_id, t.as_of, t.from_stage, t.to_stage, t.policy_id,"
            + " t.policy_version, t.win_back, t.occurred_at, t.occurred_nanos, r.reason"
            + " FROM crm_lifecycle_transition t LEFT JOIN crm_lifecycle_reason r"
            + " ON r.customer_id = t.customer_id AND r.as_of = t.as_of";
    /** How {@link #SELECT} must be ordered after its WHERE clause for {@link #read}. */
    static final String ORDER = " ORDER BY t.as_of, r.reason_number";
    static final String INSERT = "INSERT INTO crm_lifecycle_transition (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_REASON = ReasonRows.insert("crm_lifecycle_reason");

    /** One row of {@link #SELECT}: a transition still without its reasons, and one reason if any. */
    private record Line(LifecycleStageChanged transition, Optional<String> reason) {
    }

    private LifecycleTransitionRows() {
    }

    /**
     * Runs a query of one customer's transitions and puts each together with its reasons.
     *
     * @param connection the connection
     * @param sql {@link #SELECT}, a WHERE clause on one customer, then {@link #ORDER}
     * @param parameters one non-null value per marker
     * @return the transitions, oldest as-of day first
     * @throws SQLException on a database failure
     */
    static List<LifecycleStageChanged> read(Connection connection, String sql, Object... parameters)
            throws SQLException {
        List<Line> lines = Database.list(connection, sql, LifecycleTransitionRows::line, parameters);
        List<LifecycleStageChanged> transitions = new ArrayList<>();
        // The lines of one transition are adjacent: one customer's, ordered by as-of day.
        int first = 0;
        for (int i = 1; i <= lines.size(); i++) {
            LocalDate asOf = lines.get(first).transition().asOf();
            if (i == lines.size() || !lines.get(i).transition().asOf().equals(asOf)) {
                List<String> reasons = lines.subList(first, i).stream()
                        .flatMap(line -> line.reason().stream())
                        .toList();
                transitions.add(withReasons(lines.get(first).transition(), reasons));
                first = i;
            }
        }
        return List.copyOf(transitions);
    }

    private static Line line(ResultSet row) throws SQLException {
        String from = row.getString("from_stage");
        LifecycleStageChanged transition = new LifecycleStageChanged(
                CustomerId.of(row.getString("customer_id")),
                Optional.ofNullable(from).map(LifecycleStage::parse),
                LifecycleStage.parse(row.getString("to_stage")),
                row.getObject("as_of", LocalDate.class),
                PolicyRef.of(row.getString("policy_id"), row.getString("policy_version")),
                List.of(),
                row.getBoolean("win_back"),
                SqlValues.moment(row, "occurred"));
        return new Line(transition, Optional.ofNullable(row.getString("reason")));
    }

    private static LifecycleStageChanged withReasons(LifecycleStageChanged transition, List<String> reasons) {
        return new LifecycleStageChanged(transition.customerId(), transition.from(), transition.to(),
                transition.asOf(), transition.policy(), reasons, transition.winBack(), transition.occurredAt());
    }

    /**
     * Inserts a transition and its reasons.
     *
     * @param connection the connection, in a transaction
     * @param transition the transition, whose day and moment {@link #storable} accepted
     * @throws SQLException on a database failure
     */
    static void insert(Connection connection, LifecycleStageChanged transition) throws SQLException {
        try (PreparedStatement transitions = connection.prepareStatement(INSERT);
                PreparedStatement reasons = connection.prepareStatement(INSERT_REASON)) {
            BatchRows transitionRows = new BatchRows(transitions);
            BatchRows reasonRows = new BatchRows(reasons);
            write(transitionRows, reasonRows, transition);
            transitionRows.execute();
            reasonRows.execute();
        }
    }

    /**
     * Writes a transition's row, in the order of {@link #COLUMNS}, and its reasons' rows.
     *
     * @param transitions where the transition's row goes
     * @param reasons where its reasons' rows go
     * @param transition the transition, whose day and moment {@link #storable} accepted
     * @throws SQLException if a statement refuses a row
     */
    static void write(RowSink transitions, RowSink reasons, LifecycleStageChanged transition) throws SQLException {
        transitions.text(transition.customerId().value()).day(transition.asOf())
                .text(transition.from().map(LifecycleStage::key).orElse(null)).text(transition.to().key())
                .text(transition.policy().id()).text(transition.policy().version()).flag(transition.winBack())
                .moment(transition.occurredAt()).endRow();
        ReasonRows.write(reasons, transition.customerId(), transition.asOf(), transition.reasons());
    }

    /**
     * Checks that a transition's day and moment can be stored.
     *
     * @param transition the transition
     * @return its as-of day
     * @throws org.crmkit.core.InvalidValueException if the day or moment lies outside the years 1 to 9999
     */
    static LocalDate storable(LifecycleStageChanged transition) {
        String what = "Lifecycle transition of customer '" + transition.customerId() + "'";
        SqlValues.storableMoment(transition.occurredAt(), what + " occurredAt");
        return SqlValues.storableDay(transition.asOf(), what + " asOf");
    }
}
