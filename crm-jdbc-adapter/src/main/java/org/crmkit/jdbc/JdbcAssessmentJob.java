package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.jdbc.job.AssessmentJob;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.LifecycleTracker;
import org.crmkit.rules.lifecycle.ValueEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AssessmentJob} on the store's tables: {@link CustomerBaseAnalysis} over the store's facts
 * and cases, the stage before the day and the stored assessment streamed beside the second pass in
 * the same customer order, results written chunk by chunk with JDBC batches.
 */
final class JdbcAssessmentJob extends RecordedJob implements AssessmentJob {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAssessmentJob.class);
    static final String JOB = "assessment";

    private static final JobRuns.History HISTORY = new JobRuns.History("assess", List.of(
            "SELECT COUNT(*) FROM crm_lifecycle_transition WHERE as_of > ?",
            "SELECT COUNT(*) FROM crm_customer_assessment WHERE since > ?"), "lifecycle transition(s) or assessment(s)",
            "SELECT COUNT(*) FROM crm_lifecycle_transition WHERE as_of = ?", "lifecycle transition(s)");
    /** The tables the job writes, apart from its run's row. */
    private static final List<String> WRITTEN = List.of("crm_customer_assessment", "crm_lifecycle_transition",
            "crm_lifecycle_reason", "crm_lifecycle_head", "crm_outbox");

    private static final String UPSERT_HEADS = "INSERT INTO crm_lifecycle_head (customer_id, latest_as_of)"
            + " SELECT id, ? FROM UNNEST(?::varchar[]) AS heads (id) ON CONFLICT (customer_id) DO UPDATE"
            + " SET latest_as_of = GREATEST(crm_lifecycle_head.latest_as_of, EXCLUDED.latest_as_of)";
    private static final String COPY_TRANSITIONS = "COPY crm_lifecycle_transition (" + LifecycleTransitionRows.COLUMNS
            + ") FROM STDIN";
    private static final String COPY_REASONS = "COPY crm_lifecycle_reason (" + ReasonRows.COLUMNS + ") FROM STDIN";
    private static final String COPY_EVENTS = "COPY crm_outbox (event_key, event_type, "
            + JdbcEventOutbox.STAGE_CHANGE_COLUMNS + ") FROM STDIN";
    private static final String COPY_ASSESSMENTS = "COPY crm_customer_assessment (" + AssessmentRow.COLUMNS
            + ") FROM STDIN";
    /** The chunk's changed assessments, emptied at each commit; one per pooled connection. */
    private static final String CREATE_CHANGES = "CREATE TEMPORARY TABLE IF NOT EXISTS crm_assessment_changes"
            + " (LIKE crm_customer_assessment) ON COMMIT DELETE ROWS";
    private static final String COPY_CHANGES = "COPY crm_assessment_changes (" + AssessmentRow.COLUMNS + ") FROM STDIN";
    private static final String UPDATE_FROM_CHANGES = "UPDATE crm_customer_assessment a SET " + List.of(
            AssessmentRow.COLUMNS.split(", ")).stream().filter(column -> !column.equals("customer_id"))
            .map(column -> column + " = c." + column).collect(Collectors.joining(", "))
            + " FROM crm_assessment_changes c WHERE a.customer_id = c.customer_id";

    private final Database database;
    private final JdbcFactsSource facts;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;
    private final PolicyRef policy;
    private final CustomerBaseAnalysis analysis;
    private final int customersPerChunk;
    private final Consumer<? super CustomerAssessment> each;
    private final String previousStages;
    private final String storedAssessments;
    private final String upsertHead;

    JdbcAssessmentJob(Database database, JdbcFactsSource facts, ServiceCases cases,
            CaseEventLog caseEvents, Policy policy, Clock clock, int customersPerChunk,
            Consumer<? super CustomerAssessment> each) {
        super(new JobRuns(database, JOB, HISTORY, clock));
        this.database = Objects.requireNonNull(database, "database");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.caseEvents = Objects.requireNonNull(caseEvents, "caseEvents");
        this.policy = Objects.requireNonNull(policy, "policy").ref();
        ValueEstimator estimator = policy.find(ClvPolicy.class).<ValueEstimator>map(ClvEstimator::of)
                .orElse(ValueEstimator.none());
        this.analysis = CustomerBaseAnalysis.of(policy, estimator);
        JobChunks.requireChunkSize(customersPerChunk);
        this.customersPerChunk = customersPerChunk;
        this.each = Objects.requireNonNull(each, "each");
        Dialect dialect = database.dialect();
        // Each customer's stage before the day: the latest transition before it.
        this.previousStages = JobRuns.latestBefore(dialect, "customer_id, to_stage", "crm_lifecycle_transition");
        this.storedAssessments = "SELECT " + AssessmentRow.COLUMNS + " FROM crm_customer_assessment"
                + " ORDER BY " + dialect.byId("customer_id");
        this.upsertHead = dialect.upsertLatest("crm_lifecycle_head", "customer_id", "VARCHAR(128)", "latest_as_of");
    }

    @Override
    public JobRun run(LocalDate asOf, JobProgress progress) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(progress, "progress");
        JobRun run = runs.run(asOf, policy, started -> execute(started, progress));
        LOG.info("Assessed {} customers as of {}: {} assessment(s) changed, {} event(s) written", run.customers(),
                asOf, run.changes(), run.events());
        return run;
    }

    /** Assesses every customer, writing those after the run's last committed one chunk by chunk. */
    private void execute(JobRun run, JobProgress progress) {
        LocalDate asOf = run.asOf();
        Optional<String> after = run.lastCustomer().map(CustomerId::value);
        Comparator<String> byId = database.dialect().idOrder();
        JobChunks.Writer<Entry> writer = new JobChunks.Writer<>(customersPerChunk,
                entry -> entry.assessment().customerId().value(), entries -> new Rows(entries, asOf), WRITTEN);
        JobChunks<Entry> chunks = new JobChunks<>(database, runs, run, writer, progress, facts.countCustomers(asOf));
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
                            each.accept(assessment);
                            // What the chunk writes is made here, before its transaction.
                            AssessmentRow row = AssessmentRow.of(assessment, policy);
                            Optional<AssessmentRow> was = storedRow(stored, id);
                            chunks.add(new Entry(assessment, LifecycleTracker.transition(assessment,
                                    stageBefore(stages, id), asOf, policy, run.startedAt()), row,
                                    was.isEmpty(), was.isPresent() && !was.get().equals(row)));
                        });
                    }
                    return null;
                });
        chunks.finish();
    }

    /**
     * A customer's assessment with what it writes: its transition, if the stage changed, and its row,
     * inserted for a first assessment or updated where a value changed.
     */
    private record Entry(CustomerAssessment assessment, Optional<LifecycleStageChanged> transition,
            AssessmentRow row, boolean first, boolean changed) {
    }

    /**
     * The rows of a chunk. On PostgreSQL, with the driver's copy API, the new rows go in one
     * {@code COPY} per table, the heads in one statement over an array, and the changed assessments
     * through a temporary table in one {@code UPDATE}; elsewhere in JDBC batches. Heads first, as
     * every writer of transitions claims the head first.
     */
    private final class Rows implements JobChunks.Rows {
        private final List<Entry> entries;
        private final LocalDate asOf;

        Rows(List<Entry> entries, LocalDate asOf) {
            this.entries = List.copyOf(entries);
            this.asOf = asOf;
        }

        @Override
        public void write(Connection connection) throws SQLException {
            if (database.dialect() == Dialect.POSTGRESQL && PostgresCopy.available(connection)) {
                copy(connection);
            } else {
                batches(connection);
            }
        }

        private void copy(Connection connection) throws SQLException {
            List<String> heads = new ArrayList<>();
            for (Entry entry : entries) {
                entry.transition().ifPresent(transition -> heads.add(transition.customerId().value()));
            }
            if (!heads.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT_HEADS)) {
                    upsert.setObject(1, asOf);
                    upsert.setArray(2, connection.createArrayOf("varchar", heads.toArray(String[]::new)));
                    upsert.executeUpdate();
                }
            }
            CopyText transitions = new CopyText();
            CopyText reasons = new CopyText();
            CopyText events = new CopyText();
            CopyText inserts = new CopyText();
            CopyText updates = new CopyText();
            fill(transitions, reasons, events, inserts, updates, true);
            PostgresCopy.copyIn(connection, COPY_TRANSITIONS, transitions);
            PostgresCopy.copyIn(connection, COPY_REASONS, reasons);
            PostgresCopy.copyIn(connection, COPY_EVENTS, events);
            PostgresCopy.copyIn(connection, COPY_ASSESSMENTS, inserts);
            if (updates.rows() > 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(CREATE_CHANGES);
                }
                PostgresCopy.copyIn(connection, COPY_CHANGES, updates);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(UPDATE_FROM_CHANGES);
                }
            }
        }

        private void batches(Connection connection) throws SQLException {
            try (PreparedStatement headUpserts = connection.prepareStatement(upsertHead);
                    PreparedStatement transitionInserts = connection.prepareStatement(LifecycleTransitionRows.INSERT);
                    PreparedStatement reasonInserts = connection.prepareStatement(LifecycleTransitionRows.INSERT_REASON);
                    PreparedStatement eventInserts = connection.prepareStatement(JdbcEventOutbox.INSERT_STAGE_CHANGE);
                    PreparedStatement assessmentInserts = connection.prepareStatement(AssessmentRow.INSERT);
                    PreparedStatement assessmentUpdates = connection.prepareStatement(AssessmentRow.UPDATE)) {
                BatchRows heads = new BatchRows(headUpserts);
                for (Entry entry : entries) {
                    if (entry.transition().isPresent()) {
                        heads.text(entry.transition().get().customerId().value()).day(asOf).endRow();
                    }
                }
                BatchRows transitions = new BatchRows(transitionInserts);
                BatchRows reasons = new BatchRows(reasonInserts);
                BatchRows events = new BatchRows(eventInserts);
                BatchRows inserts = new BatchRows(assessmentInserts);
                BatchRows updates = new BatchRows(assessmentUpdates);
                fill(transitions, reasons, events, inserts, updates, false);
                heads.execute();
                transitions.execute();
                reasons.execute();
                events.execute();
                inserts.execute();
                updates.execute();
            }
        }

        /**
         * Writes the chunk's rows, each table's to its sink: the one place that lists them. A changed
         * assessment goes to {@code updates} whole, in the order of {@link AssessmentRow#COLUMNS} when
         * copied, else in the order of {@link AssessmentRow#UPDATE}'s markers.
         */
        private void fill(RowSink transitions, RowSink reasons, RowSink events, RowSink inserts, RowSink updates,
                boolean copied) throws SQLException {
            for (Entry entry : entries) {
                if (entry.transition().isPresent()) {
                    LifecycleStageChanged transition = entry.transition().get();
                    LifecycleTransitionRows.write(transitions, reasons, transition);
                    JdbcEventOutbox.write(events, transition);
                }
                if (entry.first()) {
                    entry.row().insert(inserts, asOf);
                } else if (entry.changed() && copied) {
                    entry.row().insert(updates, asOf);
                } else if (entry.changed()) {
                    entry.row().update(updates, asOf);
                }
            }
        }

        @Override
        public long changes() {
            return entries.stream().filter(entry -> entry.first() || entry.changed()).count();
        }

        @Override
        public long events() {
            return entries.stream().filter(entry -> entry.transition().isPresent()).count();
        }
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
}
