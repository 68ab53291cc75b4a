package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.job.TieringRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TieringJob} on the store's tables: facts from {@link JdbcFactsSource}, previous assignments
 * streamed from {@code crm_tier_assignment}, results written chunk by chunk by {@link TierChunkRows}:
 * with {@code COPY} on PostgreSQL, JDBC batches on H2.
 */
final class JdbcTieringJob implements TieringJob {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTieringJob.class);
    static final String JOB = "tiering";

    private static final String RUN_COLUMNS = "as_of, policy_id, policy_version, status, started_at, started_nanos,"
            + " finished_at, finished_nanos, last_customer_id, customers, changes, events";
    private static final String FIND_RUN = "SELECT " + RUN_COLUMNS + " FROM crm_job_run WHERE job = ? AND as_of = ?";
    private static final String RUNNING_RUN = "SELECT " + RUN_COLUMNS + " FROM crm_job_run WHERE job = ?"
            + " AND status <> 'COMPLETE' ORDER BY started_at DESC, started_nanos DESC FETCH FIRST 1 ROWS ONLY";
    private static final String LAST_COMPLETE = "SELECT " + RUN_COLUMNS + " FROM crm_job_run WHERE job = ?"
            + " AND status = 'COMPLETE' ORDER BY as_of DESC FETCH FIRST 1 ROWS ONLY";
    private static final String INSERT_RUN = "INSERT INTO crm_job_run (job, " + RUN_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, NULL, NULL, NULL, 0, 0, 0)";
    private static final String RESUME_RUN = "UPDATE crm_job_run SET status = 'RUNNING' WHERE job = ? AND as_of = ?";
    private static final String PROGRESS = "UPDATE crm_job_run SET last_customer_id = ?, customers = customers + ?,"
            + " changes = changes + ?, events = events + ? WHERE job = ? AND as_of = ? AND status = 'RUNNING'";
    private static final String COMPLETE = "UPDATE crm_job_run SET status = 'COMPLETE', finished_at = ?,"
            + " finished_nanos = ? WHERE job = ? AND as_of = ? AND status = 'RUNNING'";
    private static final String FAIL = "UPDATE crm_job_run SET status = 'FAILED' WHERE job = ? AND as_of = ?"
            + " AND status = 'RUNNING'";
    private static final String COUNT_LATER = "SELECT COUNT(*) FROM crm_tier_assignment WHERE as_of > ?";
    private static final String COUNT_SAME_DAY = "SELECT COUNT(*) FROM crm_tier_assignment WHERE as_of = ?";

    private final Database database;
    private final JdbcFactsSource facts;
    private final PolicyHeader header;
    private final TierEngine engine;
    private final Clock clock;
    private final int customersPerChunk;
    private final Consumer<? super TierDecision> each;
    private final String previousAssignments;
    private final TierChunkRows.Writing writing;

    JdbcTieringJob(Database database, JdbcFactsSource facts, Policy policy, Clock clock, int customersPerChunk,
            Consumer<? super TierDecision> each) {
        this(database, facts, policy, clock, customersPerChunk, each, TierChunkRows.Writing.COPY_WHERE_POSSIBLE);
    }

    /** A job that writes as told: tests compare COPY with batches on PostgreSQL. */
    JdbcTieringJob(Database database, JdbcFactsSource facts, Policy policy, Clock clock, int customersPerChunk,
            Consumer<? super TierDecision> each, TierChunkRows.Writing writing) {
        this.database = Objects.requireNonNull(database, "database");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.header = Objects.requireNonNull(policy, "policy").header();
        this.engine = TierEngine.of(policy);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (customersPerChunk < 1) {
            throw new InvalidValueException("customersPerChunk must be at least 1, was " + customersPerChunk);
        }
        this.customersPerChunk = customersPerChunk;
        this.each = Objects.requireNonNull(each, "each");
        // Each customer's latest assignment before the day, in the order the facts come in.
        this.previousAssignments = "SELECT " + TierAssignmentRows.COLUMNS + " FROM crm_tier_assignment a"
                + " WHERE a.as_of < ? AND NOT EXISTS (SELECT 1 FROM crm_tier_assignment b"
                + " WHERE b.customer_id = a.customer_id AND b.as_of > a.as_of AND b.as_of < ?)"
                + " ORDER BY " + database.dialect().byId("a.customer_id");
        this.writing = Objects.requireNonNull(writing, "writing");
    }

    @Override
    public TieringRun run(LocalDate asOf) {
        return run(asOf, JobProgress.none());
    }

    @Override
    public TieringRun run(LocalDate asOf, JobProgress progress) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(progress, "progress");
        SqlValues.storableDay(asOf, "Tiering run asOf");
        try (JobLock lock = lock()) {
            TieringRun run = database.transaction("start the tiering run as of " + asOf, connection -> start(connection, asOf));
            if (run.complete()) {
                LOG.info("Tiering as of {} is complete already; nothing written", asOf);
                return run;
            }
            try {
                return execute(run, progress);
            } catch (RuntimeException e) {
                try {
                    database.transaction("mark the tiering run as of " + asOf + " failed",
                            connection -> Database.update(connection, FAIL, JOB, asOf));
                } catch (RuntimeException markFailure) {
                    e.addSuppressed(markFailure);
                }
                throw e;
            }
        }
    }

    @Override
    public Optional<TieringRun> find(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return database.transaction("find the tiering run as of " + asOf,
                connection -> Database.first(connection, FIND_RUN, JdbcTieringJob::mapRun, JOB, SqlValues.dayBound(asOf)));
    }

    @Override
    public Optional<TieringRun> lastComplete() {
        return database.transaction("find the last complete tiering run",
                connection -> Database.first(connection, LAST_COMPLETE, JdbcTieringJob::mapRun, JOB));
    }

    private JobLock lock() {
        Optional<JobLock> lock;
        try {
            lock = JobLock.tryAcquire(database.open(), database.dialect(), JOB);
        } catch (SQLException e) {
            throw Database.failure("Could not take the lock of the tiering job", e);
        }
        if (lock.isPresent()) {
            return lock.get();
        }
        Optional<TieringRun> running = database.transaction("find the running tiering run",
                connection -> Database.first(connection, RUNNING_RUN, JdbcTieringJob::mapRun, JOB));
        throw new JobRunningException("Another tiering job is running on this database"
                + running.map(run -> " (the run as of " + run.asOf() + " with policy " + run.policy() + ", started "
                        + run.startedAt() + ")").orElse("")
                + "; this one did not run");
    }

    /** Finds the day's run, or records a new one once the stored history allows it. */
    private TieringRun start(Connection connection, LocalDate asOf) throws SQLException {
        PolicyRef policy = header.ref();
        Optional<TieringRun> found = Database.first(connection, FIND_RUN, JdbcTieringJob::mapRun, JOB, asOf);
        if (found.isPresent() && !found.get().policy().equals(policy)) {
            throw new ConcurrentUpdateException("Cannot tier as of " + asOf + " with policy " + policy
                    + ": the day's run used policy " + found.get().policy() + "; nothing was written");
        }
        if (found.isPresent() && found.get().complete()) {
            return found.get();
        }
        long later = count(connection, COUNT_LATER, asOf);
        if (later > 0) {
            throw new ConcurrentUpdateException("Cannot tier as of " + asOf + ": " + later
                    + " assignment(s) for a later day are stored; nothing was written");
        }
        if (found.isPresent()) {
            Database.update(connection, RESUME_RUN, JOB, asOf);
            LOG.info("Resuming tiering as of {} after customer {}", asOf,
                    found.get().lastCustomer().map(CustomerId::value).orElse("(none)"));
            return found.get();
        }
        long sameDay = count(connection, COUNT_SAME_DAY, asOf);
        if (sameDay > 0) {
            throw new ConcurrentUpdateException("Cannot tier as of " + asOf + ": " + sameDay
                    + " assignment(s) for the day were stored outside the job; nothing was written");
        }
        Instant started = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RUN)) {
            insert.setString(1, JOB);
            insert.setObject(2, asOf);
            insert.setString(3, policy.id());
            insert.setString(4, policy.version());
            SqlValues.bindMoment(insert, 5, SqlValues.storableMoment(started, "Tiering run startedAt"));
            insert.executeUpdate();
        }
        LOG.info("Tiering as of {} with policy {}", asOf, policy);
        return new TieringRun(asOf, policy, TieringRun.Status.RUNNING, started, Optional.empty(), Optional.empty(),
                0, 0, 0);
    }

    private static long count(Connection connection, String sql, LocalDate asOf) throws SQLException {
        return Database.first(connection, sql, row -> row.getLong(1), asOf).orElse(0L);
    }

    /** Decides every customer after the run's last committed one and writes them chunk by chunk. */
    private TieringRun execute(TieringRun run, JobProgress progress) {
        LocalDate asOf = run.asOf();
        Optional<String> after = run.lastCustomer().map(CustomerId::value);
        long total = facts.countCustomers(asOf);
        if (database.dialect() == Dialect.POSTGRESQL) {
            List<String> analysed = database.transaction("analyse the customers' tables never analysed",
                    TierStatistics::analyseSourcesNeverAnalysed);
            if (!analysed.isEmpty()) {
                LOG.info("Analysed {}, which had no statistics, before tiering as of {}", analysed, asOf);
            }
        }
        Chunk chunk = new Chunk(run.startedAt(), run.customers(), total, progress);
        database.transaction("stream the tier assignments before " + asOf, connection -> {
            try (PreparedStatement statement = Database.streaming(connection, previousAssignments, List.of(asOf, asOf));
                    ResultSet rows = statement.executeQuery()) {
                IdCursor previous = new IdCursor(rows, database.dialect().idOrder());
                facts.forEachAfter(FactsQuery.metricsOnly(header.metricsQuery(asOf)), after, found -> {
                    Optional<TierAssignment> held = previous(previous, found.customerId().value());
                    TierDecision decision = engine.evaluate(found.metrics(), held);
                    chunk.add(decision, held);
                    each.accept(decision);
                    if (chunk.size() == customersPerChunk) {
                        write(chunk, asOf);
                    }
                });
            }
            return null;
        });
        if (chunk.size() > 0) {
            write(chunk, asOf);
        }
        Instant finished = clock.instant();
        database.transaction("complete the tiering run as of " + asOf, connection -> {
            try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
                int next = SqlValues.bindMoment(complete, 1, SqlValues.storableMoment(finished, "Tiering run finishedAt"));
                complete.setString(next, JOB);
                complete.setObject(next + 1, asOf);
                complete.executeUpdate();
            }
            return null;
        });
        if (chunk.changes >= TierStatistics.MANY_CHANGES) {
            analyseWritten(asOf);
        }
        TieringRun complete = find(asOf).orElseThrow();
        LOG.info("Tiered {} customers as of {}: {} assignment(s) changed, {} event(s) written", complete.customers(),
                asOf, complete.changes(), complete.events());
        return complete;
    }

    /** Writes a chunk's changes, events and the run's progress in one transaction, then empties it. */
    private void write(Chunk chunk, LocalDate asOf) {
        String last = chunk.last();
        TierChunkRows rows = new TierChunkRows(asOf);
        for (Chunk.Entry entry : chunk.entries) {
            if (entry.changed()) {
                rows.changed(entry.decision(), entry.previous(), chunk.recordedAt,
                        engine.change(entry.decision(), entry.previous(), chunk.recordedAt));
            } else {
                rows.unchanged(entry.decision(), entry.previous());
            }
        }
        database.transaction("write the tiers as of " + asOf + " through customer '" + last + "'",
                connection -> {
                    rows.write(connection, database.dialect(), writing);
                    Database.update(connection, PROGRESS, last, chunk.size(), rows.changes(), rows.events(), JOB, asOf);
                    return null;
                });
        LOG.debug("Committed tiers as of {} through customer {}", asOf, last);
        chunk.changes += rows.changes();
        if (!chunk.analysed && chunk.changes >= TierStatistics.MANY_CHANGES) {
            // The rest of the run, and of a first one above all, then plans on statistics of what it wrote.
            analyseWritten(asOf);
            chunk.analysed = true;
        }
        chunk.committed();
    }

    /** On PostgreSQL, updates the planner's statistics of the tables the job writes. */
    private void analyseWritten(LocalDate asOf) {
        if (database.dialect() == Dialect.POSTGRESQL) {
            database.transaction("analyse the tables of the tiering run as of " + asOf, connection -> {
                TierStatistics.analyseWritten(connection);
                return null;
            });
        }
    }

    static TieringRun mapRun(ResultSet row) throws SQLException {
        TieringRun.Status status = TieringRun.Status.valueOf(row.getString("status"));
        Optional<Instant> finished = status == TieringRun.Status.COMPLETE
                ? Optional.of(SqlValues.moment(row, "finished")) : Optional.empty();
        return new TieringRun(row.getObject("as_of", LocalDate.class),
                PolicyRef.of(row.getString("policy_id"), row.getString("policy_version")), status,
                SqlValues.moment(row, "started"), finished,
                Optional.ofNullable(row.getString("last_customer_id")).map(CustomerId::of),
                row.getLong("customers"), row.getLong("changes"), row.getLong("events"));
    }

    /** The decisions of the customers not yet written, with the assignment each was decided against. */
    private static final class Chunk {
        private record Entry(TierDecision decision, Optional<TierAssignment> previous) {
            /** @return true when the decision needs a history row: first one, or tier or grace count differ */
            boolean changed() {
                return previous.isEmpty() || !previous.get().tier().equals(decision.tier())
                        || previous.get().evaluationsBelow() != decision.evaluationsBelow();
            }
        }

        private final Instant recordedAt;
        private final List<Entry> entries = new ArrayList<>();
        private final long total;
        private final JobProgress progress;
        /** Customers of the run committed, those of the run resumed included. */
        private long done;
        /** Assignment rows this execution of the run committed. */
        private long changes;
        /** Whether this execution analysed the written tables already. */
        private boolean analysed;

        Chunk(Instant recordedAt, long done, long total, JobProgress progress) {
            this.recordedAt = recordedAt;
            this.done = done;
            this.total = total;
            this.progress = progress;
        }

        void add(TierDecision decision, Optional<TierAssignment> previous) {
            entries.add(new Entry(decision, previous));
        }

        int size() {
            return entries.size();
        }

        String last() {
            return entries.get(entries.size() - 1).decision().customerId().value();
        }

        /** Empties the chunk once it is committed and tells the listener. */
        void committed() {
            done += entries.size();
            entries.clear();
            progress.committed(done, total);
        }
    }

    /** Each customer's assignment before the day, from a stream in the same order as the customers. */
    private static Optional<TierAssignment> previous(IdCursor assignments, String customerId) {
        try {
            ResultSet row = assignments.rowsAt(customerId);
            return row == null ? Optional.empty() : Optional.of(TierAssignmentRows.map(row));
        } catch (SQLException e) {
            throw Database.failure("Could not read the tier assignment before the day of customer '"
                    + customerId + "'", e);
        }
    }
}
