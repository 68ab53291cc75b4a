package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
final class JdbcTieringJob extends RecordedJob implements TieringJob {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTieringJob.class);
    static final String JOB = "tiering";

    private static final String COUNT_LATER = "SELECT COUNT(*) FROM crm_tier_assignment WHERE as_of > ?";
    private static final String COUNT_SAME_DAY = "SELECT COUNT(*) FROM crm_tier_assignment WHERE as_of = ?";
    private static final JobRuns.History HISTORY = new JobRuns.History("tier", List.of(COUNT_LATER),
            "assignment(s)", COUNT_SAME_DAY, "assignment(s)");
    /** The tables the job writes, apart from its run's row. */
    private static final List<String> WRITTEN = List.of("crm_tier_assignment", "crm_tier_reason", "crm_tier_head",
            "crm_outbox");

    private final Database database;
    private final JdbcFactsSource facts;
    private final PolicyHeader header;
    private final TierEngine engine;
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
        super(new JobRuns(database, JOB, HISTORY, clock));
        this.database = Objects.requireNonNull(database, "database");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.header = Objects.requireNonNull(policy, "policy").header();
        this.engine = TierEngine.of(policy);
        JobChunks.requireChunkSize(customersPerChunk);
        this.customersPerChunk = customersPerChunk;
        this.each = Objects.requireNonNull(each, "each");
        // Each customer's latest assignment before the day, in the order the facts come in.
        this.previousAssignments = JobRuns.latestBefore(database.dialect(), TierAssignmentRows.COLUMNS,
                "crm_tier_assignment");
        this.writing = Objects.requireNonNull(writing, "writing");
    }

    @Override
    public JobRun run(LocalDate asOf, JobProgress progress) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(progress, "progress");
        JobRun run = runs.run(asOf, header.ref(), started -> execute(started, progress));
        LOG.info("Tiered {} customers as of {}: {} assignment(s) changed, {} event(s) written", run.customers(),
                asOf, run.changes(), run.events());
        return run;
    }

    /** Decides every customer after the run's last committed one and writes them chunk by chunk. */
    private void execute(JobRun run, JobProgress progress) {
        LocalDate asOf = run.asOf();
        Optional<String> after = run.lastCustomer().map(CustomerId::value);
        JobChunks.Writer<Entry> writer = new JobChunks.Writer<>(customersPerChunk,
                entry -> entry.decision().customerId().value(), entries -> rows(entries, run), WRITTEN);
        JobChunks<Entry> chunks = new JobChunks<>(database, runs, run, writer, progress, facts.countCustomers(asOf));
        database.transaction("stream the tier assignments before " + asOf, connection -> {
            try (PreparedStatement statement = Database.streaming(connection, previousAssignments, List.of(asOf, asOf));
                    ResultSet rows = statement.executeQuery()) {
                IdCursor previous = new IdCursor(rows, database.dialect().idOrder());
                facts.forEachAfter(FactsQuery.metricsOnly(header.metricsQuery(asOf)), after, found -> {
                    Optional<TierAssignment> held = previous(previous, found.customerId().value());
                    TierDecision decision = engine.evaluate(found.metrics(), held);
                    each.accept(decision);
                    chunks.add(new Entry(decision, held));
                });
            }
            return null;
        });
        chunks.finish();
    }

    /** A chunk's rows: the changes, with their events, and the customers whose stored assignment is checked. */
    private TierChunkRows rows(List<Entry> entries, JobRun run) {
        Instant recordedAt = run.startedAt();
        TierChunkRows rows = new TierChunkRows(run.asOf(), database.dialect(), writing);
        for (Entry entry : entries) {
            if (entry.changed()) {
                rows.changed(entry.decision(), entry.previous(), recordedAt,
                        engine.change(entry.decision(), entry.previous(), recordedAt));
            } else {
                rows.unchanged(entry.decision(), entry.previous());
            }
        }
        return rows;
    }

    /** A customer's decision, with the assignment it was decided against. */
    private record Entry(TierDecision decision, Optional<TierAssignment> previous) {
        /** @return true when the decision needs a history row: first one, or tier or grace count differ */
        boolean changed() {
            return previous.isEmpty() || !previous.get().tier().equals(decision.tier())
                    || previous.get().evaluationsBelow() != decision.evaluationsBelow();
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
