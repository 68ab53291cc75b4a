package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CrmStore;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.LifecycleHistory;
import org.crmkit.core.port.OrderLines;
import org.crmkit.core.port.PublishedEvents;
import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.Receivables;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.SurveyAnswers;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The nightly tiering job against {@link TieringService} on the same data, and its run records,
 * resumption, lock and outbox; run on H2 and PostgreSQL by the subclasses.
 */
abstract class AbstractNightlyTieringTest {
    static final LocalDate Q1 = LocalDate.of(2026, 3, 31);
    static final LocalDate Q2 = LocalDate.of(2026, 6, 30);
    private static final LocalDate Q3 = LocalDate.of(2026, 9, 30);
    private static final List<LocalDate> DAYS = List.of(Q1, Q2, Q3);
    private static final Instant NOW = Instant.parse("2026-10-01T02:00:00.123456789Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The standard policy with two evaluations of demotion grace, so that grace counts are stored. */
    static final Policy GRACE = PolicyLoader.parse(PolicyLoader.standardText()
            .replace("  hit_policy: first_match\n", "  hit_policy: first_match\n  demotion_grace: {evaluations: 2}\n"),
            "grace.yaml");
    static final int CHUNK = 2;

    /** @return the extension of the subclass */
    protected abstract DatabaseExtension database();

    private static final List<Customer> CUSTOMERS = new ArrayList<>();
    private static final List<Purchase> PURCHASES = new ArrayList<>();
    private static final List<Interaction> INTERACTIONS = List.of(Interaction.of(InteractionId.of("i-1"),
            CustomerId.of("e-prospect"), OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZoneOffset.ofHours(8)),
            Channel.PHONE, InteractionKind.INQUIRY));

    static {
        customer("a-core", LocalDate.of(2024, 1, 10));
        for (String day : List.of("2025-05-15", "2025-07-15", "2025-10-15", "2026-01-15")) {
            order("a-core", day, "40000");
        }
        customer("b-slipping", LocalDate.of(2024, 1, 10));
        order("b-slipping", "2025-04-15", "35000");
        customer("c-basic", LocalDate.of(2024, 1, 10));
        order("c-basic", "2026-02-01", "5000");
        customer("d-none", LocalDate.of(2024, 1, 10));
        customer("e-prospect", LocalDate.of(2024, 1, 10));
        customer("f-rising", LocalDate.of(2024, 1, 10));
        order("f-rising", "2026-03-01", "20000");
        order("f-rising", "2026-05-01", "50000");
        customer("g-new", LocalDate.of(2026, 5, 1));
        order("g-new", "2026-05-02", "200000");
    }

    private static void customer(String id, LocalDate created) {
        CUSTOMERS.add(Customer.of(CustomerId.of(id), "Customer " + id, created));
    }

    private static void order(String customer, String day, String amount) {
        PURCHASES.add(Purchase.of(PurchaseId.of("o-" + (PURCHASES.size() + 1)), CustomerId.of(customer),
                LocalDate.parse(day), Money.of("CNY", amount)));
    }

    static void seed(CrmStore store) {
        CUSTOMERS.forEach(store.customers()::save);
        PURCHASES.forEach(store.purchases()::record);
        INTERACTIONS.forEach(store.interactions()::record);
    }

    JdbcStore seeded() {
        JdbcStore store = database().store();
        seed(store);
        return store;
    }

    /** A second database of the same kind with the same data, for an uninterrupted run to compare with. */
    DataSource seededTwin() throws SQLException {
        DataSource twin = database().emptyDatabase();
        seed(JdbcStore.create(twin));
        return twin;
    }

    static TieringJob job(JdbcStore store, List<TierDecision> decisions) {
        return store.tieringJob(GRACE, CLOCK, CHUNK, decisions::add);
    }

    static List<DomainEvent> drain(JdbcStore store) {
        List<DomainEvent> events = new ArrayList<>();
        store.outbox().drainTo((key, event) -> events.add(event));
        return events;
    }

    @Test
    void decidesAsTieringServiceDoesDayAfterDay() {
        decidesAsTieringServiceDoes(seeded());
    }

    @Test
    void decidesAsTieringServiceDoesOverAnErpMapping() {
        decidesAsTieringServiceDoes(ErpSchema.storeHolding(database(), CUSTOMERS, PURCHASES, INTERACTIONS, List.of()));
    }

    private void decidesAsTieringServiceDoes(JdbcStore store) {
        InMemoryStore reference = InMemoryStore.create();
        seed(reference);
        RecordingEventPublisher published = new RecordingEventPublisher();
        TieringService service = TieringService.of(GRACE, reference, published, CLOCK);

        for (LocalDate day : DAYS) {
            List<TierDecision> expected = new ArrayList<>();
            service.evaluateAll(day, expected::add);
            List<TierDecision> decided = new ArrayList<>();

            JobRun run = job(store, decided).run(day);

            assertThat(decided).as("decisions as of %s", day).isEqualTo(expected);
            assertThat(run.complete()).isTrue();
            assertThat(run.customers()).isEqualTo(expected.size());
            for (TierDecision decision : expected) {
                TierAssignment current = store.tierAssignments().current(decision.customerId()).orElseThrow();
                assertThat(current.tier()).as("tier of %s as of %s", decision.customerId(), day).isEqualTo(decision.tier());
                assertThat(current.evaluationsBelow()).isEqualTo(decision.evaluationsBelow());
            }
        }

        List<DomainEvent> events = drain(store);
        assertThat(events).isEqualTo(published.events(TierChanged.class));
        // The data set exercises every kind of change and grace both keeping and lowering a tier.
        assertThat(events).extracting(event -> ((TierChanged) event).direction())
                .contains(TierChanged.Direction.ASSIGNED, TierChanged.Direction.PROMOTION, TierChanged.Direction.DEMOTION);
        List<String> grace = reference.tierAssignments().history(CustomerId.of("b-slipping")).stream()
                .map(assignment -> assignment.tier().map(Tier::name).orElse("none") + "/" + assignment.evaluationsBelow())
                .toList();
        assertThat(grace).containsExactly("important/0", "important/1", "basic/0");
    }

    @Test
    void storesHistoryRowsOnlyWhereTierOrGraceCountChangedWithTheirReasons() throws SQLException {
        JdbcStore store = seeded();
        List<TierDecision> decided = new ArrayList<>();
        for (LocalDate day : DAYS) {
            job(store, decided).run(day);
        }

        // c-basic is basic on all three days: one row, the first.
        assertThat(store.tierAssignments().history(CustomerId.of("c-basic"))).extracting(TierAssignment::asOf)
                .containsExactly(Q1);
        // a-core falls below core on Q3 and is kept by grace: the count changed, so a row.
        assertThat(store.tierAssignments().history(CustomerId.of("a-core")))
                .extracting(TierAssignment::asOf, TierAssignment::evaluationsBelow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Q1, 0), org.assertj.core.groups.Tuple.tuple(Q3, 1));
        TierDecision q3 = decided.stream()
                .filter(decision -> decision.customerId().value().equals("a-core") && decision.asOf().equals(Q3))
                .findFirst().orElseThrow();
        assertThat(rows(database().dataSource(), "SELECT reason FROM crm_tier_reason WHERE customer_id = 'a-core'"
                + " AND as_of = DATE '2026-09-30' ORDER BY reason_number"))
                .isEqualTo(q3.reasons()).anyMatch(reason -> reason.startsWith("demotion grace: kept core"));
    }

    @Test
    void aSameDayReplacementThroughThePortTakesTheJobsReasonsWithItsAssignment() throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        List<String> others = rows(database().dataSource(),
                "SELECT customer_id FROM crm_tier_reason WHERE customer_id <> 'a-core' ORDER BY customer_id, reason_number");

        store.tierAssignments().record(new TierAssignment(CustomerId.of("a-core"), Optional.of(Tier.of("basic")), Q1,
                GRACE.header().ref(), 0, NOW));

        assertThat(rows(database().dataSource(), "SELECT COUNT(*) FROM crm_tier_reason WHERE customer_id = 'a-core'"))
                .containsExactly("0");
        assertThat(rows(database().dataSource(), "SELECT customer_id FROM crm_tier_reason WHERE customer_id <> 'a-core'"
                + " ORDER BY customer_id, reason_number")).isEqualTo(others).isNotEmpty();
    }

    @Test
    void aSecondRunForTheSameDayWritesNothing() throws SQLException {
        JdbcStore store = seeded();
        JobRun first = job(store, new ArrayList<>()).run(Q1);
        List<String> before = dump(database().dataSource());
        long waiting = store.outbox().pending();
        List<TierDecision> decided = new ArrayList<>();

        JobRun second = store.tieringJob(GRACE, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC), CHUNK,
                decided::add).run(Q1);

        assertThat(second).isEqualTo(first);
        assertThat(decided).isEmpty();
        assertThat(dump(database().dataSource())).isEqualTo(before);
        assertThat(store.outbox().pending()).isEqualTo(waiting).isEqualTo(first.events()).isPositive();
    }

    @Test
    void aRunAbortedMidChunkResumesAndEndsAsAnUninterruptedRun() throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        AtomicInteger seen = new AtomicInteger();
        // Fails on the fifth customer: chunks of two, so two chunks are committed and the third is not.
        TieringJob failing = store.tieringJob(GRACE, CLOCK, CHUNK, decision -> {
            if (seen.incrementAndGet() == 5) {
                throw new IllegalStateException("abort the chunk");
            }
        });

        assertThatThrownBy(() -> failing.run(Q2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("abort the chunk");
        JobRun aborted = store.tieringJob(GRACE, CLOCK).find(Q2).orElseThrow();
        assertThat(aborted.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(aborted.lastCustomer()).contains(CustomerId.of("d-none"));
        assertThat(aborted.customers()).isEqualTo(4);
        assertThat(store.tieringJob(GRACE, CLOCK).lastComplete()).map(JobRun::asOf).contains(Q1);

        List<TierDecision> resumed = new ArrayList<>();
        JobRun finished = job(store, resumed).run(Q2);

        assertThat(resumed).extracting(decision -> decision.customerId().value())
                .containsExactly("e-prospect", "f-rising", "g-new");
        DataSource twin = seededTwin();
        JdbcStore uninterrupted = JdbcStore.create(twin);
        job(uninterrupted, new ArrayList<>()).run(Q1);
        JobRun expected = job(uninterrupted, new ArrayList<>()).run(Q2);
        assertThat(finished).isEqualTo(expected);
        assertThat(dump(database().dataSource())).isEqualTo(dump(twin));
        assertThat(drain(store)).isEqualTo(drain(uninterrupted)).doesNotHaveDuplicates();
        assertThat(store.tieringJob(GRACE, CLOCK).lastComplete()).map(JobRun::asOf).contains(Q2);
    }

    @Test
    void reportsTheRunsProgressAfterEachCommittedChunkUpToItsCustomers() {
        JdbcStore store = seeded();
        List<String> calls = new ArrayList<>();
        List<String> committedAtCall = new ArrayList<>();
        TieringJob job = job(store, new ArrayList<>());

        JobRun run = job.run(Q1, (done, total) -> {
            calls.add(done + "/" + total);
            // Reported after the commit: the run's record says as much already.
            committedAtCall.add(String.valueOf(job.find(Q1).orElseThrow().customers()));
        });

        // Six customers exist on Q1 (g-new is created in May), in chunks of two.
        assertThat(run.customers()).isEqualTo(6);
        assertThat(calls).containsExactly("2/6", "4/6", "6/6");
        assertThat(committedAtCall).containsExactly("2", "4", "6");
    }

    @Test
    void aResumedRunReportsFromWhereItResumedAndACompleteOneReportsNothing() {
        JdbcStore store = seeded();
        AtomicInteger seen = new AtomicInteger();
        List<String> beforeFailure = new ArrayList<>();
        TieringJob failing = store.tieringJob(GRACE, CLOCK, CHUNK, decision -> {
            if (seen.incrementAndGet() == 5) {
                throw new IllegalStateException("abort the chunk");
            }
        });
        assertThatThrownBy(() -> failing.run(Q2, (done, total) -> beforeFailure.add(done + "/" + total)))
                .hasMessage("abort the chunk");
        List<String> resumed = new ArrayList<>();

        JobRun run = job(store, new ArrayList<>()).run(Q2, (done, total) -> resumed.add(done + "/" + total));

        assertThat(beforeFailure).containsExactly("2/7", "4/7");
        assertThat(resumed).containsExactly("6/7", "7/7");
        assertThat(run.customers()).isEqualTo(7);
        List<String> again = new ArrayList<>();
        assertThat(job(store, new ArrayList<>()).run(Q2, (done, total) -> again.add(done + "/" + total))).isEqualTo(run);
        assertThat(again).isEmpty();
    }

    @Test
    void aListenerThatThrowsStopsTheRunAfterTheCommittedChunkAndARerunResumes() {
        JdbcStore store = seeded();
        JobProgress stop = (done, total) -> {
            throw new IllegalStateException("stop at " + done);
        };

        assertThatThrownBy(() -> job(store, new ArrayList<>()).run(Q1, stop)).hasMessage("stop at 2");
        JobRun stopped = store.tieringJob(GRACE, CLOCK).find(Q1).orElseThrow();
        assertThat(stopped.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(stopped.customers()).isEqualTo(2);
        assertThat(job(store, new ArrayList<>()).run(Q1).customers()).isEqualTo(6);
    }

    @Test
    void aSecondJobWhileOneRunsSaysSoAndDoesNotRun() throws SQLException {
        JdbcStore store = seeded();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        try (JdbcStore other = database().openAgain()) {
            TieringJob second = other.tieringJob(GRACE, CLOCK);
            TieringJob first = store.tieringJob(GRACE, CLOCK, CHUNK, decision -> {
                if (refused.get() == null) {
                    try {
                        second.run(Q1);
                        refused.set(new AssertionError("the second job ran"));
                    } catch (RuntimeException e) {
                        refused.set(e);
                    }
                }
            });

            JobRun run = first.run(Q1);

            assertThat(refused.get()).isInstanceOf(JobRunningException.class)
                    .hasMessage("Another tiering job is running on this database (the run as of 2026-03-31 with policy "
                            + GRACE.header().ref() + ", started " + NOW + "); this one did not run");
            assertThat(run.complete()).isTrue();
            // Once the first is done, the lock is free again.
            assertThat(second.run(Q1)).isEqualTo(run);
        }
    }

    @Test
    void anEventTheSinkFailsOnIsPublishedOnTheNextDrainAndNoneIsLost() {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        job(store, new ArrayList<>()).run(Q2);
        List<String> keys = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();

        assertThatThrownBy(() -> store.outbox().drainTo((key, event) -> {
            if (keys.size() == 2) {
                throw new IllegalStateException("bus down");
            }
            keys.add(key);
            events.add(event);
        })).hasMessage("bus down");
        assertThat(keys).hasSize(2);
        long total = store.tieringJob(GRACE, CLOCK).find(Q1).orElseThrow().events()
                + store.tieringJob(GRACE, CLOCK).find(Q2).orElseThrow().events();
        assertThat(store.outbox().pending()).isEqualTo(total - 2);

        long published = store.outbox().drainTo((key, event) -> {
            keys.add(key);
            events.add(event);
        });

        assertThat(published).isEqualTo(total - 2);
        assertThat(store.outbox().pending()).isZero();
        assertThat(store.outbox().drainTo((key, event) -> keys.add("again " + key))).isZero();
        assertThat(keys).doesNotHaveDuplicates().hasSize((int) total);
        assertThat(keys).isEqualTo(events.stream().map(event -> "tier-changed/" + ((TierChanged) event).customerId()
                + "/" + ((TierChanged) event).asOf()).toList());
        // In order per customer: a customer's Q1 event comes before its Q2 event.
        assertThat(events).extracting(event -> ((TierChanged) event).asOf()).isSorted();
    }

    @Test
    void refusesADayBeforeAStoredAssignmentAndWritesNothing() throws SQLException {
        JdbcStore store = seeded();
        store.tierAssignments().record(new TierAssignment(CustomerId.of("c-basic"), Optional.of(Tier.of("basic")), Q2,
                GRACE.header().ref(), 0, NOW));
        List<String> before = dump(database().dataSource());

        assertThatThrownBy(() -> store.tieringJob(GRACE, CLOCK).run(Q1)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Cannot tier as of 2026-03-31: 1 assignment(s) for a later day are stored; nothing was written");
        assertThat(dump(database().dataSource())).isEqualTo(before);
    }

    @Test
    void refusesToFinishADayWithAnotherPolicyVersion() {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        Policy other = PolicyLoader.parse(PolicyLoader.standardText().replaceFirst("(?m)^version: .*$", "version: other"),
                "other.yaml");
        PolicyRef ref = other.header().ref();

        assertThatThrownBy(() -> store.tieringJob(other, CLOCK).run(Q1)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Cannot tier as of 2026-03-31 with policy " + ref + ": the day's run used policy "
                        + GRACE.header().ref() + "; nothing was written");
    }

    @Test
    void leavesOutACustomerWithAPurchaseInAnotherCurrencyKeepingItsTierAndTiersTheOthers() {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        // c-basic's order in dollars after Q1: Q2 cannot be decided for c-basic alone.
        store.purchases().record(Purchase.of(PurchaseId.of("o-usd"), CustomerId.of("c-basic"), LocalDate.of(2026, 4, 2),
                Money.of("USD", "900")));
        List<String> skipped = new ArrayList<>();
        List<TierDecision> decided = new ArrayList<>();

        JobRun run = store.tieringJob(GRACE, CLOCK, CHUNK, decided::add, customer -> skipped.add(customer.customerId()
                + ": " + customer.reason())).run(Q2);

        assertThat(skipped).singleElement().asString().startsWith("c-basic: ").contains("USD");
        assertThat(run.complete()).isTrue();
        assertThat(run.customers()).isEqualTo(6);
        assertThat(decided).extracting(decision -> decision.customerId().value()).doesNotContain("c-basic")
                .contains("a-core", "g-new");
        assertThat(store.tierAssignments().current(CustomerId.of("c-basic"))).map(TierAssignment::asOf).contains(Q1);
    }

    @ParameterizedTest(name = "{0} as of {1}")
    @CsvSource({
        // Changed in the run, in its third chunk; tiered by the service for the run's day, or a later one.
        "f-rising, 2026-06-30, 'the one as of 2026-06-30 is stored now', f-rising",
        "f-rising, 2026-09-30, 'the one as of 2026-09-30 is stored now', f-rising",
        // Unchanged in the run (basic all along), in its second chunk: checked all the same.
        "c-basic, 2026-06-30, 'the one as of 2026-06-30 is stored now', d-none"})
    void aCustomerTheServiceTiersWhileTheJobRunsStopsTheRunAtItsChunkAndIsNotOverwritten(String customer,
            LocalDate day, String stored, String chunkEnd) throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        TieringService service = TieringService.of(GRACE, store, new RecordingEventPublisher(), CLOCK);
        List<TierDecision> serviceDecided = new ArrayList<>();
        // Between the run's first and second chunks, the service tiers the customer.
        JobProgress interleave = (done, total) -> {
            if (serviceDecided.isEmpty()) {
                serviceDecided.add(service.evaluate(CustomerId.of(customer), day));
            }
        };

        assertThatThrownBy(() -> job(store, new ArrayList<>()).run(Q2, interleave))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer '" + customer + "' as of 2026-06-30 was decided against the"
                        + " assignment as of 2026-03-31, but " + stored + "; the tiering run as of 2026-06-30 wrote"
                        + " nothing of its chunk through customer '" + chunkEnd + "' and stays incomplete");

        TierAssignment services = serviceDecided.get(0).toAssignment(NOW);
        assertThat(store.tierAssignments().current(CustomerId.of(customer))).contains(services);
        JobRun stopped = store.tieringJob(GRACE, CLOCK).find(Q2).orElseThrow();
        assertThat(stopped.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(stopped.customers()).isEqualTo(customer.equals("c-basic") ? 2 : 4);
        // A rerun resumes, finds the customer's assignment changed again, and writes nothing over it either.
        List<String> before = dump(database().dataSource());
        assertThatThrownBy(() -> job(store, new ArrayList<>()).run(Q2)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(dump(database().dataSource())).isEqualTo(before);
        assertThat(store.tierAssignments().current(CustomerId.of(customer))).contains(services);
    }

    @ParameterizedTest(name = "as of {0}")
    @CsvSource({"2026-06-30", "2026-09-30"})
    void theServiceRefusesToRecordOverWhatTheJobWroteAfterTheServiceReadTheCustomer(LocalDate day) throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        TieringJob job = job(store, new ArrayList<>());
        // The service reads the customer's assignments and decides; before it records, the job runs Q2.
        CrmStore interleaved = new BeforeRecording(store, () -> job.run(Q2));
        RecordingEventPublisher published = new RecordingEventPublisher();
        TieringService service = TieringService.of(GRACE, interleaved, published, CLOCK);
        List<String> written = new ArrayList<>();

        assertThatThrownBy(() -> service.evaluate(CustomerId.of("f-rising"), day))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Tier assignment of customer 'f-rising' as of " + day + " was decided against the"
                        + " assignment as of 2026-03-31, but the one as of 2026-06-30 is stored now; nothing was recorded");

        assertThat(published.events()).isEmpty();
        JobRun run = job.find(Q2).orElseThrow();
        assertThat(run.complete()).isTrue();
        // The job's assignment stands, with its reasons.
        assertThat(store.tierAssignments().current(CustomerId.of("f-rising")))
                .map(TierAssignment::asOf).contains(Q2);
        assertThat(rows(database().dataSource(), "SELECT COUNT(*) FROM crm_tier_reason WHERE customer_id = 'f-rising'"
                + " AND as_of = DATE '2026-06-30'")).isNotEqualTo(List.of("0"));
        DataSource twin = seededTwin();
        JdbcStore alone = JdbcStore.create(twin);
        job(alone, new ArrayList<>()).run(Q1);
        job(alone, new ArrayList<>()).run(Q2);
        assertThat(dump(database().dataSource())).isEqualTo(dump(twin));
    }

    /** A store whose tier assignments run an action once, before the first optimistic record goes on. */
    private static final class BeforeRecording implements CrmStore {
        private final CrmStore store;
        private final TierAssignments assignments;

        BeforeRecording(CrmStore store, Runnable action) {
            this.store = store;
            TierAssignments delegate = store.tierAssignments();
            AtomicBoolean done = new AtomicBoolean();
            this.assignments = new TierAssignments() {
                @Override
                public Optional<TierAssignment> current(CustomerId customerId) {
                    return delegate.current(customerId);
                }

                @Override
                public Optional<TierAssignment> latestBefore(CustomerId customerId, LocalDate asOf) {
                    return delegate.latestBefore(customerId, asOf);
                }

                @Override
                public List<TierAssignment> history(CustomerId customerId) {
                    return delegate.history(customerId);
                }

                @Override
                public void forEachHistory(LocalDate asOf, Consumer<? super List<TierAssignment>> action) {
                    delegate.forEachHistory(asOf, action);
                }

                @Override
                public void record(TierAssignment assignment) {
                    delegate.record(assignment);
                }

                @Override
                public void record(TierAssignment assignment, Optional<TierAssignment> readCurrent) {
                    if (done.compareAndSet(false, true)) {
                        action.run();
                    }
                    delegate.record(assignment, readCurrent);
                }
            };
        }

        @Override
        public Customers customers() {
            return store.customers();
        }

        @Override
        public PurchaseHistory purchases() {
            return store.purchases();
        }

        @Override
        public InteractionLog interactions() {
            return store.interactions();
        }

        @Override
        public SurveyAnswers surveys() {
            return store.surveys();
        }

        @Override
        public CustomerFactsSource facts() {
            return store.facts();
        }

        @Override
        public TierAssignments tierAssignments() {
            return assignments;
        }

        @Override
        public ServiceCases cases() {
            return store.cases();
        }

        @Override
        public CaseEventLog caseEvents() {
            return store.caseEvents();
        }

        @Override
        public PublishedEvents publishedEvents() {
            return store.publishedEvents();
        }

        @Override
        public LifecycleHistory lifecycleHistory() {
            return store.lifecycleHistory();
        }

        @Override
        public OrderLines orderLines() {
            return store.orderLines();
        }

        @Override
        public Receivables receivables() {
            return store.receivables();
        }
    }

    /** Every row the job writes, as text, in a fixed order; outbox rows without their sequence numbers. */
    static List<String> dump(DataSource dataSource) throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(rows(dataSource, "SELECT * FROM crm_tier_assignment ORDER BY customer_id, as_of"));
        all.addAll(rows(dataSource, "SELECT * FROM crm_tier_reason ORDER BY customer_id, as_of, reason_number"));
        all.addAll(rows(dataSource, "SELECT * FROM crm_tier_head ORDER BY customer_id"));
        all.addAll(rows(dataSource, "SELECT event_key, event_type, customer_id, as_of, from_tier, to_tier, direction,"
                + " policy_id, policy_version, reasons, occurred_at, occurred_nanos, published_at FROM crm_outbox"
                + " ORDER BY sequence_number"));
        all.addAll(rows(dataSource, "SELECT * FROM crm_job_run ORDER BY job, as_of"));
        return all;
    }

    static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    values.add(String.valueOf(result.getObject(column)));
                }
                rows.add(meta.getColumnCount() == 1 ? values.get(0) : String.join("|", values));
            }
        }
        return rows;
    }
}
