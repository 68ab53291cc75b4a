package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.tiering.TierDecision;

/**
 * The rows one chunk of the tiering job writes, and their writing: for each customer whose tier or
 * grace count changed, the customer's head moved to the day (inserted for a first assignment), the
 * assignment, its reasons and, for a change of tier, the outbox event with the same reasons, rendered
 * once. On PostgreSQL each table's rows go in one {@code COPY ... FROM STDIN} through the driver's
 * copy API (see {@link PostgresCopy}), elsewhere, or without the driver's API, in JDBC batches; the
 * heads of customers assigned before are moved by one {@code UPDATE} either way. Heads are written
 * first, as every writer of assignments claims the head first. Not thread-safe.
 */
final class TierChunkRows {
    /** How a chunk's rows reach the database. */
    enum Writing {
        /** {@code COPY} where the database is PostgreSQL and the driver's copy API is there; else batches. */
        COPY_WHERE_POSSIBLE,
        /** JDBC batches on every database. */
        BATCHES
    }

    private static final String INSERT_REASON = "INSERT INTO crm_tier_reason (customer_id, as_of, reason_number, reason)"
            + " VALUES (?, ?, ?, ?)";
    private static final String INSERT_HEAD = "INSERT INTO crm_tier_head (customer_id, latest_as_of) VALUES (?, ?)";
    /** The days of customers' heads. */
    private static final String HEAD_DAYS = "SELECT customer_id, latest_as_of FROM crm_tier_head WHERE customer_id = ANY(?)";
    /** Locks the heads of customers assigned before, which the chunk then moves. */
    private static final String LOCK_HEADS = "SELECT customer_id FROM crm_tier_head WHERE customer_id = ANY(?) FOR UPDATE";
    /** A customer's latest assignment, for the message of a conflict. */
    private static final String LATEST = TierAssignmentRows.SELECT
            + " WHERE customer_id = ? ORDER BY as_of DESC FETCH FIRST 1 ROWS ONLY";
    /** The stored current assignment of customers, through their heads. */
    private static final String CURRENT = "SELECT a.customer_id, a.as_of, a.tier, a.policy_id, a.policy_version,"
            + " a.evaluations_below, a.recorded_at, a.recorded_nanos FROM crm_tier_head h JOIN crm_tier_assignment a"
            + " ON a.customer_id = h.customer_id AND a.as_of = h.latest_as_of WHERE h.customer_id = ANY(?)";
    /** Moves heads checked to be at the assignment read, so before the day. */
    private static final String MOVE_HEADS = "UPDATE crm_tier_head SET latest_as_of = ? WHERE customer_id = ANY(?)";
    private static final String COPY_HEADS = "COPY crm_tier_head (customer_id, latest_as_of) FROM STDIN";
    private static final String COPY_ASSIGNMENTS = "COPY crm_tier_assignment (" + TierAssignmentRows.COLUMNS
            + ") FROM STDIN";
    private static final String COPY_REASONS = "COPY crm_tier_reason (customer_id, as_of, reason_number, reason)"
            + " FROM STDIN";
    private static final String COPY_EVENTS = "COPY crm_outbox (event_key, event_type, " + JdbcEventOutbox.EVENT_COLUMNS
            + ") FROM STDIN";

    private final LocalDate asOf;
    /** Every customer of the chunk, changed or not, in order. */
    private final List<TierDecision> decisions = new ArrayList<>();
    /** The stored assignment each customer was decided against, at the same index. */
    private final List<Optional<TierAssignment>> read = new ArrayList<>();
    private final List<TierAssignment> assignments = new ArrayList<>();
    /** The reasons of each assignment, at the same index. */
    private final List<List<String>> reasons = new ArrayList<>();
    private final List<TierChanged> events = new ArrayList<>();
    /** Customers without a stored assignment before: their heads are inserted. */
    private final List<String> firstHeads = new ArrayList<>();
    /** Customers with a stored assignment before: their heads are moved to the day. */
    private final List<String> movedHeads = new ArrayList<>();

    TierChunkRows(LocalDate asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Adds a customer whose tier and grace count are those of the stored assignment: nothing is
     * written, but the assignment is checked to be still the stored one.
     *
     * @param decision the decision, of the chunk's day
     * @param previous the stored assignment it was decided against
     */
    void unchanged(TierDecision decision, Optional<TierAssignment> previous) {
        decisions.add(decision);
        read.add(previous);
    }

    /**
     * Adds a changed customer's rows: the head, the assignment with its reasons, and the event.
     *
     * @param decision the decision, of the chunk's day
     * @param previous the stored assignment it was decided against
     * @param recordedAt the run's time, of the assignment and the event
     * @param event the change of tier against the previous assignment, if any
     */
    void changed(TierDecision decision, Optional<TierAssignment> previous, Instant recordedAt,
            Optional<TierChanged> event) {
        unchanged(decision, previous);
        // The event holds the decision's reasons already: render them once, for both.
        List<String> explained = event.map(TierChanged::reasons).orElseGet(decision::reasons);
        assignments.add(decision.toAssignment(recordedAt));
        reasons.add(explained);
        event.ifPresent(events::add);
        (previous.isPresent() ? movedHeads : firstHeads).add(decision.customerId().value());
    }

    /** @return the assignment rows to write */
    long changes() {
        return assignments.size();
    }

    /** @return the outbox events to write */
    long events() {
        return events.size();
    }

    /**
     * Checks, with optimistic locking, that what is stored of every customer of the chunk is still
     * what its decision read ({@link #check}), then writes the rows, in the caller's transaction.
     * The heads the chunk moves are locked before the check, so that no other writer changes them
     * before the commit; a first head is inserted, and a concurrent first one makes the insert fail.
     *
     * @param connection the chunk's connection, in a transaction
     * @param dialect the database's dialect
     * @param writing whether COPY may be used
     * @throws ConcurrentUpdateException naming the first customer whose stored assignment another
     *     writer changed since the run read it, and the day; nothing is then written
     * @throws SQLException on a database failure, e.g. a unique-key violation when a concurrent
     *     writer inserted a head or an assignment first, which {@link Database#transaction} answers
     *     by checking again
     */
    void write(Connection connection, Dialect dialect, Writing writing) throws SQLException {
        if (decisions.isEmpty()) {
            return;
        }
        check(connection, dialect);
        if (assignments.isEmpty()) {
            return;
        }
        moveHeads(connection, dialect);
        if (writing == Writing.COPY_WHERE_POSSIBLE && dialect == Dialect.POSTGRESQL && PostgresCopy.available(connection)) {
            copy(connection);
        } else {
            batches(connection);
        }
    }

    /**
     * Compares what is stored with what each decision read. A customer whose head moves (changed,
     * assigned before) is compared whole, its locked head's assignment with the one read; every
     * other customer, who gets no row or a first one, by its head's day alone, which another
     * writer's assignment moves or creates (a same-day replacement of the assignment read leaves
     * it, and such a customer gets no row that could build on it).
     */
    private void check(Connection connection, Dialect dialect) throws SQLException {
        Set<String> moved = new HashSet<>(movedHeads);
        List<String> others = new ArrayList<>(decisions.size());
        for (TierDecision decision : decisions) {
            if (!moved.contains(decision.customerId().value())) {
                others.add(decision.customerId().value());
            }
        }
        Map<String, LocalDate> heads = new HashMap<>();
        Map<String, TierAssignment> current = new HashMap<>();
        if (!others.isEmpty()) {
            try (PreparedStatement days = connection.prepareStatement(HEAD_DAYS)) {
                bindIds(days, 1, dialect, others);
                try (ResultSet rows = days.executeQuery()) {
                    while (rows.next()) {
                        heads.put(rows.getString(1), rows.getObject(2, LocalDate.class));
                    }
                }
            }
        }
        if (!movedHeads.isEmpty()) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_HEADS)) {
                bindIds(lock, 1, dialect, movedHeads);
                lock.executeQuery().close();
            }
            try (PreparedStatement assignments = connection.prepareStatement(CURRENT)) {
                bindIds(assignments, 1, dialect, movedHeads);
                try (ResultSet rows = assignments.executeQuery()) {
                    while (rows.next()) {
                        TierAssignment assignment = TierAssignmentRows.map(rows);
                        current.put(assignment.customerId().value(), assignment);
                    }
                }
            }
        }
        for (int i = 0; i < decisions.size(); i++) {
            String customer = decisions.get(i).customerId().value();
            Optional<TierAssignment> before = read.get(i);
            boolean same = moved.contains(customer) ? before.equals(Optional.ofNullable(current.get(customer)))
                    : Objects.equals(before.map(TierAssignment::asOf).orElse(null), heads.get(customer));
            if (!same) {
                Optional<TierAssignment> now = Database.first(connection, LATEST, TierAssignmentRows::map, customer);
                throw new ConcurrentUpdateException(TierAssignments.changedSinceRead(
                        decisions.get(i).toAssignment(Instant.EPOCH), before, now) + "; the tiering run as of " + asOf
                        + " wrote nothing of its chunk through customer '"
                        + decisions.get(decisions.size() - 1).customerId().value() + "' and stays incomplete");
            }
        }
    }

    private void moveHeads(Connection connection, Dialect dialect) throws SQLException {
        if (movedHeads.isEmpty()) {
            return;
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE_HEADS)) {
            move.setObject(1, asOf);
            bindIds(move, 2, dialect, movedHeads);
            move.executeUpdate();
        }
    }

    /** Binds customer ids as an array, for {@code = ANY(?)}, which both databases answer from the primary key. */
    private static void bindIds(PreparedStatement statement, int index, Dialect dialect, List<String> ids)
            throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf(
                dialect == Dialect.POSTGRESQL ? "varchar" : "VARCHAR", ids.toArray(String[]::new)));
    }

    private void copy(Connection connection) throws SQLException {
        CopyText heads = new CopyText();
        for (String customer : firstHeads) {
            heads.text(customer).day(asOf).endRow();
        }
        PostgresCopy.copyIn(connection, COPY_HEADS, heads);
        CopyText rows = new CopyText();
        CopyText reasonRows = new CopyText();
        for (int i = 0; i < assignments.size(); i++) {
            TierAssignment assignment = assignments.get(i);
            String customer = assignment.customerId().value();
            rows.text(customer).day(assignment.asOf()).text(assignment.tier().map(Tier::name).orElse(null))
                    .text(assignment.policy().id()).text(assignment.policy().version())
                    .number(assignment.evaluationsBelow()).moment(assignment.recordedAt()).endRow();
            int number = 0;
            for (String reason : reasons.get(i)) {
                reasonRows.text(customer).day(assignment.asOf()).number(++number).text(reason).endRow();
            }
        }
        PostgresCopy.copyIn(connection, COPY_ASSIGNMENTS, rows);
        PostgresCopy.copyIn(connection, COPY_REASONS, reasonRows);
        CopyText eventRows = new CopyText();
        for (TierChanged event : events) {
            eventRows.text(JdbcEventOutbox.key(event)).text(JdbcEventOutbox.TIER_CHANGED)
                    .text(event.customerId().value()).day(event.asOf())
                    .text(event.from().map(Tier::name).orElse(null)).text(event.to().map(Tier::name).orElse(null))
                    .text(event.direction().name()).text(event.policy().id()).text(event.policy().version())
                    .text(JsonStrings.write(event.reasons())).moment(event.occurredAt()).endRow();
        }
        PostgresCopy.copyIn(connection, COPY_EVENTS, eventRows);
    }

    private void batches(Connection connection) throws SQLException {
        try (PreparedStatement heads = connection.prepareStatement(INSERT_HEAD);
                PreparedStatement rows = connection.prepareStatement(TierAssignmentRows.INSERT);
                PreparedStatement reasonRows = connection.prepareStatement(INSERT_REASON);
                PreparedStatement eventRows = connection.prepareStatement(JdbcEventOutbox.INSERT)) {
            for (String customer : firstHeads) {
                heads.setString(1, customer);
                heads.setObject(2, asOf);
                heads.addBatch();
            }
            for (int i = 0; i < assignments.size(); i++) {
                TierAssignment assignment = assignments.get(i);
                TierAssignmentRows.bind(rows, assignment);
                rows.addBatch();
                int number = 0;
                for (String reason : reasons.get(i)) {
                    reasonRows.setString(1, assignment.customerId().value());
                    reasonRows.setObject(2, assignment.asOf());
                    reasonRows.setInt(3, ++number);
                    reasonRows.setString(4, reason);
                    reasonRows.addBatch();
                }
            }
            for (TierChanged event : events) {
                JdbcEventOutbox.add(event, eventRows);
            }
            if (!firstHeads.isEmpty()) {
                heads.executeBatch();
            }
            rows.executeBatch();
            reasonRows.executeBatch();
            if (!events.isEmpty()) {
                eventRows.executeBatch();
            }
        }
    }
}
