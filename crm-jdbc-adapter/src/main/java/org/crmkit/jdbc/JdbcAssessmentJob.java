package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.jdbc.job.AssessmentJob;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.ValueEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AssessmentJob} on the store's tables: {@link CustomerBaseAnalysis} over the store's facts
 * and cases, the stage before the day and the stored assessment streamed beside the second pass in
 * the same customer order, results written chunk by chunk with JDBC batches.
 */
final class JdbcAssessmentJob implements AssessmentJob {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAssessmentJob.class);
    static final String JOB = "assessment";

    private static final String COUNT_LATER = "SELECT (SELECT COUNT(*) FROM crm_lifecycle_transition WHERE as_of > ?)"
            + " + (SELECT COUNT(*) FROM crm_customer_assessment WHERE since > ?)";
    private static final String COUNT_SAME_DAY = "SELECT COUNT(*) FROM crm_lifecycle_transition WHERE as_of = ?";
    private static final JobRuns.HistoryCheck HISTORY = JobRuns.refusingLaterOrOutsideRows(COUNT_LATER,
            "lifecycle transition(s) or assessment(s)", COUNT_SAME_DAY, "lifecycle transition(s)", "assess");
    private static final String INSERT_REASON = LifecycleTransitionRows.INSERT_REASON;

    private final Database database;
    private final CustomerFactsSource facts;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;
    private final PolicyRef policy;
    private final CustomerBaseAnalysis analysis;
    private final JobRuns runs;
    private final int customersPerChunk;
    private final Consumer<? super CustomerAssessment> each;
    private final LongCount countCustomers;
    private final String previousStages;
    private final String storedAssessments;
    private final String upsertHead;

    /** Counts the customers a run visits, for its progress. */
    @FunctionalInterface
    interface LongCount {
        long count(LocalDate asOf);
    }

    JdbcAssessmentJob(Database database, CustomerFactsSource facts, LongCount countCustomers, ServiceCases cases,
            CaseEventLog caseEvents, Policy policy, Clock clock, int customersPerChunk,
            Consumer<? super CustomerAssessment> each) {
        this.database = Objects.requireNonNull(database, "database");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.countCustomers = Objects.requireNonNull(countCustomers, "countCustomers");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.caseEvents = Objects.requireNonNull(caseEvents, "caseEvents");
        this.policy = Objects.requireNonNull(policy, "policy").ref();
        ValueEstimator estimator = policy.find(ClvPolicy.class).<ValueEstimator>map(ClvEstimator::of)
                .orElse(ValueEstimator.none());
        this.analysis = CustomerBaseAnalysis.of(policy, estimator);
        this.runs = new JobRuns(database, JOB, "assess", clock);
        if (customersPerChunk < 1) {
            throw new InvalidValueException("customersPerChunk must be at least 1, was " + customersPerChunk);
        }
        this.customersPerChunk = customersPerChunk;
        this.each = Objects.requireNonNull(each, "each");
        Dialect dialect = database.dialect();
        // Each customer's stage before the day: the latest transition before it.
        this.previousStages = "SELECT a.customer_id, a.to_stage FROM crm_lifecycle_transition a"
                + " WHERE a.as_of < ? AND NOT EXISTS (SELECT 1 FROM crm_lifecycle_transition b"
                + " WHERE b.customer_id = a.customer_id AND b.as_of > a.as_of AND b.as_of < ?)"
                + " ORDER BY " + dialect.byId("a.customer_id");
        this.storedAssessments = "SELECT " + AssessmentRow.COLUMNS + " FROM crm_customer_assessment"
                + " ORDER BY " + dialect.byId("customer_id");
        this.upsertHead = dialect.upsertLatest("crm_lifecycle_head", "customer_id", "VARCHAR(128)", "latest_as_of");
    }

    @Override
    public JobRun run(LocalDate asOf, JobProgress progress) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(progress, "progress");
        JobRun run = runs.run(asOf, policy, HISTORY, started -> execute(started, progress));
        LOG.info("Assessed {} customers as of {}: {} assessment(s) changed, {} event(s) written", run.customers(),
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

    /** Assesses every customer, writing those after the run's last committed one chunk by chunk. */
    private void execute(JobRun run, JobProgress progress) {
        LocalDate asOf = run.asOf();
        Optional<String> after = run.lastCustomer().map(CustomerId::value);
        Comparator<String> byId = database.dialect().idOrder();
        Chunk chunk = new Chunk(run.startedAt(), new RunProgress(run, countCustomers.count(asOf), progress));
        database.transaction("stream the lifecycle stages before " + asOf + " and the stored assessments",
                connection -> {
                    try (PreparedStatement stageStatement = Database.streaming(connection, previousStages,
                                    List.of(asOf, asOf));
                            ResultSet stageRows = stageStatement.executeQuery();
                            PreparedStatement storedStatement = Database.streaming(connection, storedAssessments,
                                    List.of());
                            ResultSet storedRows = storedStatement.executeQuery()) {
                        IdCursor stages = new IdCursor(stageRows, byId);
                        IdCursor stored = new IdCursor(storedRows, byId);
                        analysis.analyse(facts, cases, caseEvents, asOf, assessment -> {
                            String id = assessment.customerId().value();
                            if (after.isPresent() && byId.compare(id, after.get()) <= 0) {
                                return;
                            }
                            chunk.add(assessment, stageBefore(stages, id), storedRow(stored, id));
                            each.accept(assessment);
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
    }

    /** Writes a chunk's transitions, events and changed assessments and the run's progress in one transaction. */
    private void write(Chunk chunk, LocalDate asOf) {
        String last = chunk.last();
        database.transaction("write the assessments as of " + asOf + " through customer '" + last + "'",
                connection -> {
                    long changes = 0;
                    long events = 0;
                    try (PreparedStatement transitions = connection.prepareStatement(LifecycleTransitionRows.INSERT);
                            PreparedStatement reasons = connection.prepareStatement(INSERT_REASON);
                            PreparedStatement heads = connection.prepareStatement(upsertHead);
                            PreparedStatement outbox = connection.prepareStatement(JdbcEventOutbox.INSERT_STAGE_CHANGE);
                            PreparedStatement inserts = connection.prepareStatement(AssessmentRow.INSERT);
                            PreparedStatement updates = connection.prepareStatement(AssessmentRow.UPDATE)) {
                        for (Chunk.Entry entry : chunk.entries) {
                            Optional<LifecycleStageChanged> transition = entry.transition(asOf, policy,
                                    chunk.recordedAt);
                            if (transition.isPresent()) {
                                addTransition(transition.get(), transitions, reasons, heads);
                                JdbcEventOutbox.add(transition.get(), outbox);
                                events++;
                            }
                            AssessmentRow row = AssessmentRow.of(entry.assessment(), policy);
                            if (entry.stored().isEmpty()) {
                                row.bindInsert(inserts, asOf);
                                changes++;
                            } else if (!entry.stored().get().equals(row)) {
                                row.bindUpdate(updates, asOf);
                                changes++;
                            }
                        }
                        transitions.executeBatch();
                        reasons.executeBatch();
                        heads.executeBatch();
                        outbox.executeBatch();
                        inserts.executeBatch();
                        updates.executeBatch();
                    }
                    runs.progress(connection, asOf, last, chunk.size(), changes, events);
                    return null;
                });
        LOG.debug("Committed assessments as of {} through customer {}", asOf, last);
        chunk.committed();
    }

    private static void addTransition(LifecycleStageChanged transition, PreparedStatement transitions,
            PreparedStatement reasons, PreparedStatement heads) throws SQLException {
        LifecycleTransitionRows.bind(transitions, transition);
        transitions.addBatch();
        int number = 0;
        for (String reason : transition.reasons()) {
            reasons.setString(1, transition.customerId().value());
            reasons.setObject(2, transition.asOf());
            reasons.setInt(3, ++number);
            reasons.setString(4, reason);
            reasons.addBatch();
        }
        heads.setString(1, transition.customerId().value());
        heads.setObject(2, transition.asOf());
        heads.addBatch();
    }

    private static Optional<LifecycleStage> stageBefore(IdCursor stages, String customerId) {
        try {
            ResultSet row = stages.rowsAt(customerId);
            return row == null ? Optional.empty() : Optional.of(LifecycleStage.parse(row.getString("to_stage")));
        } catch (SQLException e) {
            throw Database.failure("Could not read the lifecycle stage before the day of customer '" + customerId
                    + "'", e);
        }
    }

    private static Optional<AssessmentRow> storedRow(IdCursor stored, String customerId) {
        try {
            ResultSet row = stored.rowsAt(customerId);
            return row == null ? Optional.empty() : Optional.of(AssessmentRow.map(row));
        } catch (SQLException e) {
            throw Database.failure("Could not read the stored assessment of customer '" + customerId + "'", e);
        }
    }

    /** The assessments of the customers not yet written, with what was stored before. */
    private static final class Chunk {
        private record Entry(CustomerAssessment assessment, Optional<LifecycleStage> before,
                Optional<AssessmentRow> stored) {
            /** The day's transition, as {@code LifecycleTracker} records one: none when the stage stays. */
            Optional<LifecycleStageChanged> transition(LocalDate asOf, PolicyRef policy, Instant recordedAt) {
                LifecycleStage stage = assessment.lifecycle().lifecycleStage();
                if (before.isPresent() && before.get() == stage) {
                    return Optional.empty();
                }
                return Optional.of(new LifecycleStageChanged(assessment.customerId(), before, stage, asOf, policy,
                        assessment.lifecycle().reasons(), assessment.lifecycle().winBack(), recordedAt));
            }
        }

        private final Instant recordedAt;
        private final List<Entry> entries = new ArrayList<>();
        private final RunProgress progress;

        Chunk(Instant recordedAt, RunProgress progress) {
            this.recordedAt = recordedAt;
            this.progress = progress;
        }

        void add(CustomerAssessment assessment, Optional<LifecycleStage> before, Optional<AssessmentRow> stored) {
            entries.add(new Entry(assessment, before, stored));
        }

        int size() {
            return entries.size();
        }

        String last() {
            return entries.get(entries.size() - 1).assessment().customerId().value();
        }

        /** Empties the chunk once it is committed and tells the listener. */
        void committed() {
            progress.committed(entries.size());
            entries.clear();
        }
    }
}
