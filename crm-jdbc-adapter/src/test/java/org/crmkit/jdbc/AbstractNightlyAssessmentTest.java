package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.port.CrmStore;
import org.crmkit.jdbc.job.AssessmentJob;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.LifecycleTracker;
import org.crmkit.rules.lifecycle.ValueEstimate;
import org.crmkit.rules.segment.RfmScore;
import org.junit.jupiter.api.Test;

/**
 * The nightly assessment job against {@link CustomerBaseAnalysis} and {@link LifecycleTracker} on
 * the same data in memory, and its run records, resumption, lock and outbox; run on H2 and
 * PostgreSQL by the subclasses.
 */
abstract class AbstractNightlyAssessmentTest {
    private static final LocalDate Q1 = LocalDate.of(2026, 3, 31);
    private static final LocalDate Q2 = LocalDate.of(2026, 6, 30);
    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);
    private static final List<LocalDate> DAYS = List.of(Q1, Q2, Q3);
    private static final Instant NOW = Instant.parse("2026-10-01T03:00:00.123456789Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Policy POLICY = PolicyLoader.standard();
    private static final int CHUNK = 2;

    private static final List<Customer> CUSTOMERS = new ArrayList<>();
    private static final List<Purchase> PURCHASES = new ArrayList<>();
    private static final List<Interaction> INTERACTIONS = List.of(Interaction.of(InteractionId.of("i-1"),
            CustomerId.of("e-prospect"), OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZoneOffset.ofHours(8)),
            Channel.PHONE, InteractionKind.INQUIRY));
    private static final CaseId COMPLAINT = CaseId.of("k-1");
    private static final OffsetDateTime OPENED = OffsetDateTime.of(2026, 5, 4, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final ServiceCase CASE = ServiceCase.complaint(COMPLAINT, CustomerId.of("h-complainer"), OPENED);
    private static final CaseEvent RESPONSE = CaseEvent.of(COMPLAINT, OPENED.plusHours(30), CaseEventType.RESPONDED);

    static {
        customer("a-loyal", LocalDate.of(2023, 1, 10));
        for (int year = 2024; year <= 2026; year++) {
            for (int month = 1; month <= 9; month += 2) {
                order("a-loyal", LocalDate.of(year, month, 12), "30000");
            }
        }
        customer("b-fading", LocalDate.of(2023, 1, 10));
        for (String day : List.of("2024-02-01", "2024-06-01", "2024-11-01", "2025-03-01")) {
            order("b-fading", LocalDate.parse(day), "12000");
        }
        customer("c-new", LocalDate.of(2026, 2, 1));
        order("c-new", LocalDate.of(2026, 2, 10), "8000");
        customer("d-none", LocalDate.of(2024, 1, 10));
        customer("e-prospect", LocalDate.of(2024, 1, 10));
        customer("f-growing", LocalDate.of(2025, 1, 10));
        for (String day : List.of("2025-02-01", "2025-09-01", "2026-01-15", "2026-03-01", "2026-05-01", "2026-07-01")) {
            order("f-growing", LocalDate.parse(day), "20000");
        }
        customer("g-late", LocalDate.of(2026, 5, 1));
        order("g-late", LocalDate.of(2026, 5, 2), "200000");
        customer("h-complainer", LocalDate.of(2024, 3, 1));
        for (String day : List.of("2025-04-01", "2025-10-01", "2026-04-01")) {
            order("h-complainer", LocalDate.parse(day), "15000");
        }
    }

    private static void customer(String id, LocalDate created) {
        CUSTOMERS.add(Customer.of(CustomerId.of(id), "Customer " + id, created));
    }

    private static void order(String customer, LocalDate day, String amount) {
        PURCHASES.add(Purchase.of(PurchaseId.of("o-" + (PURCHASES.size() + 1)), CustomerId.of(customer), day,
                Money.of("CNY", amount)));
    }

    private static void seed(CrmStore store) {
        CUSTOMERS.forEach(store.customers()::save);
        PURCHASES.forEach(store.purchases()::record);
        INTERACTIONS.forEach(store.interactions()::record);
        store.cases().save(CASE);
        store.caseEvents().append(RESPONSE);
    }

    /** @return the extension of the subclass */
    protected abstract DatabaseExtension database();

    private JdbcStore seeded() {
        JdbcStore store = database().store();
        seed(store);
        return store;
    }

    private static AssessmentJob job(JdbcStore store, List<CustomerAssessment> assessed) {
        return store.assessmentJob(POLICY, CLOCK, CHUNK, assessed::add, skipped -> {
            throw new AssertionError("not evaluable: " + skipped);
        });
    }

    private static List<DomainEvent> drain(JdbcStore store) {
        List<DomainEvent> events = new ArrayList<>();
        store.outbox().drainTo((key, event) -> events.add(event));
        return events;
    }

    @Test
    void assessesAsTheAnalysisAndRecordsTransitionsAsTheTrackerDoesDayAfterDay() throws SQLException {
        assessesAsTheAnalysisDoes(seeded());
    }

    @Test
    void assessesAsTheAnalysisDoesOverAnErpMappingWithItsComplaints() throws SQLException {
        assessesAsTheAnalysisDoes(ErpSchema.storeHolding(database(), CUSTOMERS, PURCHASES, INTERACTIONS, List.of(),
                List.of(CASE), List.of(RESPONSE)));
    }

    private void assessesAsTheAnalysisDoes(JdbcStore store) throws SQLException {
        InMemoryStore reference = InMemoryStore.create();
        seed(reference);
        CustomerBaseAnalysis analysis = CustomerBaseAnalysis.of(POLICY,
                ClvEstimator.of(POLICY.section(ClvPolicy.class)));
        RecordingEventPublisher published = new RecordingEventPublisher();
        LifecycleTracker tracker = new LifecycleTracker(reference.lifecycleHistory(), published, CLOCK);
        Map<LocalDate, List<CustomerAssessment>> expectedByDay = new HashMap<>();

        for (LocalDate day : DAYS) {
            List<CustomerAssessment> expected = new ArrayList<>();
            analysis.analyse(reference.facts(), reference.cases(), reference.caseEvents(), day, expected::add);
            tracker.record(day, POLICY.ref(), expected);
            expectedByDay.put(day, expected);
            List<CustomerAssessment> assessed = new ArrayList<>();

            JobRun run = job(store, assessed).run(day);

            assertThat(assessed).as("assessments as of %s", day).isEqualTo(expected);
            assertThat(run.complete()).isTrue();
            assertThat(run.customers()).isEqualTo(expected.size());
        }

        for (Customer customer : CUSTOMERS) {
            assertThat(store.lifecycleHistory().history(customer.id())).as("lifecycle history of %s", customer.id())
                    .isEqualTo(reference.lifecycleHistory().history(customer.id()));
        }
        List<DomainEvent> events = drain(store);
        assertThat(events).isEqualTo(published.events(LifecycleStageChanged.class));
        // The data set exercises first stages and moves between stages.
        assertThat(events).extracting(event -> ((LifecycleStageChanged) event).from().isPresent())
                .contains(true, false);
        // Each stored row holds the last day's values.
        Map<String, Map<String, Object>> stored = assessmentRows(database().dataSource());
        assertThat(stored.keySet()).hasSize(CUSTOMERS.size());
        for (CustomerAssessment expected : expectedByDay.get(Q3)) {
            Map<String, Object> row = stored.get(expected.customerId().value());
            String who = expected.customerId().value();
            assertThat(row.get("stage")).as(who).isEqualTo(expected.lifecycle().lifecycleStage().key());
            assertThat(row.get("win_back")).as(who).isEqualTo(expected.lifecycle().winBack());
            assertThat((BigDecimal) row.get("churn_risk")).as(who)
                    .isEqualByComparingTo(expected.lifecycle().churnRisk().value());
            assertThat(row.get("high_risk")).as(who).isEqualTo(expected.onEarlyWarningList());
            assertThat(row.get("relationship_level")).as(who)
                    .isEqualTo(expected.relationship().level().map(RelationshipLevel::key).orElse(null));
            assertThat(row.get("relationship_type")).as(who).isEqualTo(expected.relationship().relationshipType().key());
            assertThat(row.get("rfm")).as(who).isEqualTo(expected.rfm().map(RfmScore::code).orElse(null));
            assertThat(row.get("abc")).as(who).isEqualTo(expected.abc().abcClass().name());
            assertDecimal(row.get("p_alive"), expected.value().map(ValueEstimate::probabilityAlive), who);
            assertDecimal(row.get("clv"), expected.value().map(ValueEstimate::lifetimeValue), who);
            assertThat((BigDecimal) row.get("value_at_risk")).as(who).isEqualByComparingTo(expected.valueAtRisk());
            assertThat(row.get("currency")).isEqualTo("CNY");
            assertThat(row.get("policy_id") + "@" + row.get("policy_version"))
                    .isEqualTo(POLICY.ref().id() + "@" + POLICY.ref().version());
            assertThat(JsonStrings.read((String) row.get("reasons"), who)).as(who).isEqualTo(expected.reasons());
        }
    }

    private static void assertDecimal(Object stored, Optional<BigDecimal> expected, String who) {
        if (expected.isEmpty()) {
            assertThat(stored).as(who).isNull();
        } else {
            assertThat((BigDecimal) stored).as(who).isEqualByComparingTo(expected.get());
        }
    }

    @Test
    void rewritesARowOnlyWhenAValueChangedAndKeepsTheDayItWasFirstFound() throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q2);
        Map<String, Map<String, Object>> before = assessmentRows(database().dataSource());
        List<CustomerAssessment> nextDay = new ArrayList<>();

        JobRun run = job(store, nextDay).run(Q2.plusDays(1));

        Map<String, Map<String, Object>> after = assessmentRows(database().dataSource());
        long rewritten = after.values().stream().filter(row -> row.get("since").equals(Q2.plusDays(1))).count();
        assertThat(run.changes()).isEqualTo(rewritten);
        for (Map.Entry<String, Map<String, Object>> entry : after.entrySet()) {
            Map<String, Object> was = new HashMap<>(before.get(entry.getKey()));
            Map<String, Object> now = new HashMap<>(entry.getValue());
            if (now.get("since").equals(Q2)) {
                assertThat(now).as("row of %s, kept", entry.getKey()).isEqualTo(was);
            } else {
                was.remove("since");
                now.remove("since");
                assertThat(now).as("row of %s, rewritten", entry.getKey()).isNotEqualTo(was);
            }
        }
        // A day later the recency of the customers who bought has grown, so some values changed.
        assertThat(rewritten).isPositive();
    }

    @Test
    void aSecondRunForTheSameDayWritesNothing() throws SQLException {
        JdbcStore store = seeded();
        JobRun first = job(store, new ArrayList<>()).run(Q1);
        List<String> before = dump(database().dataSource());
        List<CustomerAssessment> assessed = new ArrayList<>();

        JobRun second = store.assessmentJob(POLICY, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC), CHUNK,
                assessed::add, skipped -> { }).run(Q1);

        assertThat(second).isEqualTo(first);
        assertThat(assessed).isEmpty();
        assertThat(dump(database().dataSource())).isEqualTo(before);
        assertThat(store.outbox().pending()).isEqualTo(first.events()).isEqualTo(CUSTOMERS.size() - 1);
    }

    @Test
    void aRunAbortedMidChunkResumesAndEndsAsAnUninterruptedRun() throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        AtomicInteger seen = new AtomicInteger();
        // Fails on the fifth customer: chunks of two, so two chunks are committed and the third is not.
        AssessmentJob failing = store.assessmentJob(POLICY, CLOCK, CHUNK, assessment -> {
            if (seen.incrementAndGet() == 5) {
                throw new IllegalStateException("abort the chunk");
            }
        }, skipped -> { });

        assertThatThrownBy(() -> failing.run(Q3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("abort the chunk");
        JobRun aborted = store.assessmentJob(POLICY, CLOCK).find(Q3).orElseThrow();
        assertThat(aborted.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(aborted.lastCustomer()).contains(CustomerId.of("d-none"));
        assertThat(store.assessmentJob(POLICY, CLOCK).lastComplete()).map(JobRun::asOf).contains(Q1);

        List<CustomerAssessment> resumed = new ArrayList<>();
        JobRun finished = job(store, resumed).run(Q3);

        assertThat(resumed).extracting(assessment -> assessment.customerId().value())
                .containsExactly("e-prospect", "f-growing", "g-late", "h-complainer");
        DataSource twin = database().emptyDatabase();
        JdbcStore uninterrupted = JdbcStore.create(twin);
        seed(uninterrupted);
        job(uninterrupted, new ArrayList<>()).run(Q1);
        assertThat(finished).isEqualTo(job(uninterrupted, new ArrayList<>()).run(Q3));
        assertThat(dump(database().dataSource())).isEqualTo(dump(twin));
        assertThat(drain(store)).isEqualTo(drain(uninterrupted)).doesNotHaveDuplicates();
    }

    @Test
    void aSecondAssessmentJobIsRefusedWhileTheTieringJobMayRunBeside() throws SQLException {
        JdbcStore store = seeded();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        AtomicReference<JobRun> tiered = new AtomicReference<>();
        try (JdbcStore other = database().openAgain()) {
            AssessmentJob first = store.assessmentJob(POLICY, CLOCK, CHUNK, assessment -> {
                if (refused.get() == null) {
                    try {
                        other.assessmentJob(POLICY, CLOCK).run(Q1);
                        refused.set(new AssertionError("the second job ran"));
                    } catch (RuntimeException e) {
                        refused.set(e);
                    }
                    tiered.set(toJobRun(other.tieringJob(POLICY, CLOCK).run(Q1)));
                }
            }, skipped -> { });

            JobRun run = first.run(Q1);

            assertThat(refused.get()).isInstanceOf(JobRunningException.class)
                    .hasMessage("Another assessment job is running on this database (the run as of 2026-03-31 with"
                            + " policy " + POLICY.ref() + ", started " + NOW + "); this one did not run");
            assertThat(tiered.get().complete()).isTrue();
            assertThat(run.complete()).isTrue();
        }
    }

    private static JobRun toJobRun(org.crmkit.jdbc.job.JobRun run) {
        return new JobRun(run.asOf(), run.policy(), JobRun.Status.valueOf(run.status().name()), run.startedAt(),
                run.finishedAt(), run.lastCustomer(), run.customers(), run.changes(), run.events());
    }

    @Test
    void publishesLifecycleEventsWithTheirKeysAfterTheTierChangesWrittenBefore() {
        JdbcStore store = seeded();
        store.tieringJob(POLICY, CLOCK).run(Q1);
        long tierEvents = store.outbox().pending();
        job(store, new ArrayList<>()).run(Q1);
        List<String> keys = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();

        store.outbox().drainTo((key, event) -> {
            keys.add(key);
            events.add(event);
        });

        List<DomainEvent> stageChanges = events.subList((int) tierEvents, events.size());
        assertThat(stageChanges).hasSize(CUSTOMERS.size() - 1).allMatch(LifecycleStageChanged.class::isInstance);
        assertThat(keys.subList((int) tierEvents, keys.size())).isEqualTo(stageChanges.stream()
                .map(event -> "lifecycle-stage-changed/" + ((LifecycleStageChanged) event).customerId() + "/" + Q1)
                .toList());
        assertThat(stageChanges).extracting(event -> ((LifecycleStageChanged) event).to())
                .contains(LifecycleStage.ACQUISITION, LifecycleStage.MATURITY);
    }

    @Test
    void refusesADayBeforeAStoredTransitionAndWritesNothing() throws SQLException {
        JdbcStore store = seeded();
        store.lifecycleHistory().record(new LifecycleStageChanged(CustomerId.of("c-new"), Optional.empty(),
                LifecycleStage.ACQUISITION, Q2, POLICY.ref(), List.of("by hand"), false, NOW));
        List<String> before = dump(database().dataSource());

        assertThatThrownBy(() -> store.assessmentJob(POLICY, CLOCK).run(Q1))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Cannot assess as of 2026-03-31: 1 lifecycle transition(s) or assessment(s) for a later"
                        + " day are stored; nothing was written");
        assertThatThrownBy(() -> store.assessmentJob(POLICY, CLOCK).run(Q2))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Cannot assess as of 2026-06-30: 1 lifecycle transition(s) for the day were stored outside"
                        + " the job; nothing was written");
        assertThat(dump(database().dataSource())).isEqualTo(before);
    }

    @Test
    void leavesOutACustomerWithAPurchaseInAnotherCurrencyAndAssessesTheOthers() {
        JdbcStore store = seeded();
        store.customers().save(Customer.of(CustomerId.of("i-dollars"), "Customer i", LocalDate.of(2025, 1, 1)));
        store.purchases().record(Purchase.of(PurchaseId.of("o-usd"), CustomerId.of("i-dollars"),
                LocalDate.of(2026, 1, 5), Money.of("USD", "900")));
        List<String> skipped = new ArrayList<>();
        List<CustomerAssessment> assessed = new ArrayList<>();

        JobRun run = store.assessmentJob(POLICY, CLOCK, CHUNK, assessed::add,
                customer -> skipped.add(customer.customerId().value())).run(Q1);

        // Reported in both passes of the analysis; every other customer existing on Q1 is assessed.
        assertThat(skipped).containsExactly("i-dollars", "i-dollars");
        assertThat(run.customers()).isEqualTo(CUSTOMERS.size() - 1);
        assertThat(assessed).extracting(assessment -> assessment.customerId().value()).doesNotContain("i-dollars");
    }

    private static Map<String, Map<String, Object>> assessmentRows(DataSource dataSource) throws SQLException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM crm_customer_assessment")) {
            while (result.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    String name = result.getMetaData().getColumnLabel(column).toLowerCase(java.util.Locale.ROOT);
                    Object value = name.equals("since") ? result.getObject(column, LocalDate.class)
                            : result.getObject(column);
                    row.put(name, value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value);
                }
                rows.put(result.getString("customer_id"), row);
            }
        }
        return rows;
    }

    /** Every row the job writes, as text, in a fixed order; outbox rows without their sequence numbers. */
    private static List<String> dump(DataSource dataSource) throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_customer_assessment ORDER BY customer_id"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource,
                "SELECT * FROM crm_lifecycle_transition ORDER BY customer_id, as_of"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource,
                "SELECT * FROM crm_lifecycle_reason ORDER BY customer_id, as_of, reason_number"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_lifecycle_head ORDER BY customer_id"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT event_key, event_type, customer_id, as_of,"
                + " from_stage, to_stage, win_back, policy_id, policy_version, reasons, occurred_at, occurred_nanos,"
                + " published_at FROM crm_outbox ORDER BY sequence_number"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_job_run ORDER BY job, as_of"));
        return all;
    }
}
