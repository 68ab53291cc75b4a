package org.crmkit.jdbc;

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
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.job.JobRun;
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

    private static final String COUNT_LATER = "SELECT COUNT(*) FROM crm_tier_assignment WHERE as_of > ?";
    private static final String COUNT_SAME_DAY = "SELECT COUNT(*) FROM crm_tier_assignment WHERE as_of = ?";
    private static final JobRuns.HistoryCheck HISTORY = JobRuns.refusingLaterOrOutsideRows(COUNT_LATER,
            "assignment(s)", COUNT_SAME_DAY, "assignment(s)", "tier");

    private final Database database;
    private final JdbcFactsSource facts;
    private final PolicyHeader header;
    private final TierEngine engine;
    private final JobRuns runs;
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
        this.runs = new JobRuns(database, JOB, "tier", clock);
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
    public JobRun run(LocalDate asOf, JobProgress progress) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(progress, "progress");
        JobRun run = runs.run(asOf, header.ref(), HISTORY, started -> execute(started, progress));
        LOG.info("Tiered {} customers as of {}: {} assignment(s) changed, {} event(s) written", run.customers(),
                asOf, run.changes(), run.events());
        return run;
    }

    @Override
    public Optional<JobRun> find(LocalDate asOf) {
        return runs.find(asOf);
    }

    @Override
    public Optional<JobRun> lastComplete() {
        return runs.lastComplete();
    }

    /** Decides every customer after the run's last committed one and writes them chunk by chunk. */
    private void execute(JobRun run, JobProgress progress) {
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
        Chunk chunk = new Chunk(run.startedAt(), new RunProgress(run, total, progress));
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
        if (chunk.changes >= TierStatistics.MANY_CHANGES) {
            analyseWritten(asOf);
        }
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
                    runs.progress(connection, asOf, last, chunk.size(), rows.changes(), rows.events());
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
        private final RunProgress progress;
        /** Assignment rows this execution of the run committed. */
        private long changes;
        /** Whether this execution analysed the written tables already. */
        private boolean analysed;

        Chunk(Instant recordedAt, RunProgress progress) {
            this.recordedAt = recordedAt;
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
            progress.committed(entries.size());
            entries.clear();
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
