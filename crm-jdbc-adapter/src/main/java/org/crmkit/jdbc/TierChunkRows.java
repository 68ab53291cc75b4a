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
final class TierChunkRows implements JobChunks.Rows {
    /** How a chunk's rows reach the database. */
    enum Writing {
        /** {@code COPY} where the database is PostgreSQL and the driver's copy API is there; else batches. */
        COPY_WHERE_POSSIBLE,
        /** JDBC batches on every database. */
        BATCHES
    }

    private static final String INSERT_REASON = ReasonRows.insert("crm_tier_reason");
    private static final String INSERT_HEAD = "INSERT INTO crm_tier_head (customer_id, latest_as_of) VALUES (?, ?)";
    /** The days of customers' heads. */
    private static final String HEAD_DAYS = "SELECT customer_id, latest_as_of FROM crm_tier_head WHERE customer_id = ANY(?)";
    /** Locks the heads of customers assigned before, which the chunk then moves. */
    private static final String LOCK_HEADS = "SELECT customer_id FROM crm_tier_head WHERE customer_id = ANY(?) FOR UPDATE";
    /** The stored current assignment of customers, through their heads. */
    private static final String CURRENT_BY_HEADS = "SELECT a.customer_id, a.as_of, a.tier, a.policy_id, a.policy_version,"
            + " a.evaluations_below, a.recorded_at, a.recorded_nanos FROM crm_tier_head h JOIN crm_tier_assignment a"
            + " ON a.customer_id = h.customer_id AND a.as_of = h.latest_as_of WHERE h.customer_id = ANY(?)";
    /** Moves heads checked to be at the assignment read, so before the day. */
    private static final String MOVE_HEADS = "UPDATE crm_tier_head SET latest_as_of = ? WHERE customer_id = ANY(?)";
    private static final String COPY_HEADS = "COPY crm_tier_head (customer_id, latest_as_of) FROM STDIN";
    private static final String COPY_ASSIGNMENTS = "COPY crm_tier_assignment (" + TierAssignmentRows.COLUMNS
            + ") FROM STDIN";
    private static final String COPY_REASONS = "COPY crm_tier_reason (" + ReasonRows.COLUMNS + ") FROM STDIN";
    private static final String COPY_EVENTS = "COPY crm_outbox (event_key, event_type, " + JdbcEventOutbox.EVENT_COLUMNS
            + ") FROM STDIN";

    private final LocalDate asOf;
    private final Dialect dialect;
    private final Writing writing;
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

    /**
     * @param asOf the chunk's day
     * @param dialect the database's dialect
     * @param writing whether COPY may be used
     */
    TierChunkRows(LocalDate asOf, Dialect dialect, Writing writing) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.writing = Objects.requireNonNull(writing, "writing");
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
    @Override
    public long changes() {
        return assignments.size();
    }

    /** @return the outbox events to write */
    @Override
    public long events() {
        return events.size();
    }

    /**
     * Checks, with optimistic locking, that what is stored of every customer of the chunk is still
     * what its decision read ({@link #check}), then writes the rows, in the caller's transaction.
     * The heads the chunk moves are locked before the check, so that no other writer changes them
     * before the commit; a first head is inserted, and a concurrent first one makes the insert fail.
     *
     * @param connection the chunk's connection, in a transaction
     * @throws ConcurrentUpdateException naming the first customer whose stored assignment another
     *     writer changed since the run read it, and the day; nothing is then written
     * @throws SQLException on a database failure, e.g. a unique-key violation when a concurrent
     *     writer inserted a head or an assignment first, which {@link Database#transaction} answers
     *     by checking again
     */
    @Override
    public void write(Connection connection) throws SQLException {
        check(connection);
        if (assignments.isEmpty()) {
            return;
        }
        moveHeads(connection);
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
    private void check(Connection connection) throws SQLException {
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
                bindIds(days, 1, others);
                try (ResultSet rows = days.executeQuery()) {
                    while (rows.next()) {
                        heads.put(rows.getString(1), rows.getObject(2, LocalDate.class));
                    }
                }
            }
        }
        if (!movedHeads.isEmpty()) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_HEADS)) {
                bindIds(lock, 1, movedHeads);
                lock.executeQuery().close();
            }
            try (PreparedStatement assignments = connection.prepareStatement(CURRENT_BY_HEADS)) {
                bindIds(assignments, 1, movedHeads);
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
                Optional<TierAssignment> now = Database.first(connection, TierAssignmentRows.CURRENT, TierAssignmentRows::map,
                        customer);
                throw new ConcurrentUpdateException(TierAssignments.changedSinceRead(decisions.get(i).customerId(),
                        asOf, before, now) + "; the tiering run as of " + asOf
                        + " wrote nothing of its chunk through customer '"
                        + decisions.get(decisions.size() - 1).customerId().value() + "' and stays incomplete");
            }
        }
    }

    private void moveHeads(Connection connection) throws SQLException {
        if (movedHeads.isEmpty()) {
            return;
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE_HEADS)) {
            move.setObject(1, asOf);
            bindIds(move, 2, movedHeads);
            move.executeUpdate();
        }
    }

    /** Binds customer ids as an array, for {@code = ANY(?)}, which both databases answer from the primary key. */
    private void bindIds(PreparedStatement statement, int index, List<String> ids)
            throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf(
                dialect == Dialect.POSTGRESQL ? "varchar" : "VARCHAR", ids.toArray(String[]::new)));
    }

    private void copy(Connection connection) throws SQLException {
        CopyText heads = new CopyText();
        CopyText rows = new CopyText();
        CopyText reasonRows = new CopyText();
        CopyText eventRows = new CopyText();
        fill(heads, rows, reasonRows, eventRows);
        PostgresCopy.copyIn(connection, COPY_HEADS, heads);
        PostgresCopy.copyIn(connection, COPY_ASSIGNMENTS, rows);
        PostgresCopy.copyIn(connection, COPY_REASONS, reasonRows);
        PostgresCopy.copyIn(connection, COPY_EVENTS, eventRows);
    }

    private void batches(Connection connection) throws SQLException {
        try (PreparedStatement headInserts = connection.prepareStatement(INSERT_HEAD);
                PreparedStatement assignmentInserts = connection.prepareStatement(TierAssignmentRows.INSERT);
                PreparedStatement reasonInserts = connection.prepareStatement(INSERT_REASON);
                PreparedStatement eventInserts = connection.prepareStatement(JdbcEventOutbox.INSERT)) {
            BatchRows heads = new BatchRows(headInserts);
            BatchRows rows = new BatchRows(assignmentInserts);
            BatchRows reasonRows = new BatchRows(reasonInserts);
            BatchRows eventRows = new BatchRows(eventInserts);
            fill(heads, rows, reasonRows, eventRows);
            heads.execute();
            rows.execute();
            reasonRows.execute();
            eventRows.execute();
        }
    }

    /** Writes the chunk's rows, each table's to its sink: the one place that lists their values. */
    private void fill(RowSink heads, RowSink rows, RowSink reasonRows, RowSink eventRows) throws SQLException {
        for (String customer : firstHeads) {
            heads.text(customer).day(asOf).endRow();
        }
        for (int i = 0; i < assignments.size(); i++) {
            TierAssignment assignment = assignments.get(i);
            TierAssignmentRows.write(rows, assignment);
            ReasonRows.write(reasonRows, assignment.customerId(), assignment.asOf(), reasons.get(i));
        }
        for (TierChanged event : events) {
            JdbcEventOutbox.write(eventRows, event);
        }
    }
}
