package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.CrmStore;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.jdbc.job.SlaJob;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.crmkit.rules.sla.SlaEngine;
import org.junit.jupiter.api.Test;

/**
 * The nightly SLA job against {@link SlaEngine} on the same cases in memory, day after day, and its
 * run records, resumption, lock and outbox; run on H2 and PostgreSQL by the subclasses. The policy
 * is the standard one: complaints 1-24-48 (a first response within 1 business hour, a solution
 * within 24, a resolution within 48, office hours Monday to Friday 09:00-18:00 in Asia/Shanghai),
 * and inquiries of basic customers answered within 48 business hours.
 */
abstract class AbstractNightlySlaTest {
    private static final Policy POLICY = PolicyLoader.standard();
    /** Monday 4 May 2026 to Friday 8 May 2026. */
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5),
            LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 7), LocalDate.of(2026, 5, 8));
    private static final Instant NOW = Instant.parse("2026-05-09T03:00:00.123456789Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final int CHUNK = 1;

    private static final List<Customer> CUSTOMERS = List.of(
            Customer.of(CustomerId.of("c-a"), "Customer a", LocalDate.of(2024, 1, 10)),
            Customer.of(CustomerId.of("c-b"), "Customer b", LocalDate.of(2024, 1, 10)),
            Customer.of(CustomerId.of("c-c"), "Customer c", LocalDate.of(2024, 1, 10)),
            Customer.of(CustomerId.of("c-d"), "Customer d", LocalDate.of(2024, 1, 10)),
            Customer.of(CustomerId.of("c-e"), "Customer e", LocalDate.of(2024, 1, 10)));
    private static final List<ServiceCase> CASES = new ArrayList<>();
    private static final List<CaseEvent> EVENTS = new ArrayList<>();
    /**
     * c-c is basic, important on 6 May (its inquiry then has no target, and its milestone's state is
     * removed) and basic again from 7 May (the milestone met before comes back: its event is not
     * written again); c-d is important, and basic from 6 May.
     */
    private static final List<TierAssignment> TIERS = List.of(
            tier("c-c", "basic", "2026-04-30"), tier("c-c", "important", "2026-05-06"),
            tier("c-c", "basic", "2026-05-07"), tier("c-d", "important", "2026-04-30"),
            tier("c-d", "basic", "2026-05-06"), tier("c-b", "core", "2026-05-20"));

    static {
        // Met on time throughout; the solution's warning (at 75%, Wednesday 10:00) comes before it is met.
        ServiceCase k1 = complaint("k-1", "c-a", at(4, 10, 0));
        event(k1, at(4, 10, 30), CaseEventType.RESPONDED);
        event(k1, at(6, 11, 0), CaseEventType.SOLUTION_PROPOSED);
        event(k1, at(6, 15, 0), CaseEventType.RESOLVED);
        event(k1, at(7, 10, 0), CaseEventType.FEEDBACK_RECEIVED);
        event(k1, at(7, 11, 0), CaseEventType.CLOSED);
        // Warned, breached and answered late (to the microsecond, which an ERP's timestamps keep); made
        // urgent, paused for a day, still open.
        ServiceCase k2 = complaint("k-2", "c-b", at(4, 17, 0));
        EVENTS.add(CaseEvent.priorityChanged(k2.id(), at(5, 9, 30), Priority.P1));
        event(k2, at(5, 10, 0).plusNanos(123_456_000), CaseEventType.RESPONDED);
        event(k2, at(5, 12, 0), CaseEventType.PAUSED);
        event(k2, at(6, 12, 0), CaseEventType.RESUMED);
        // Resolved, reopened (the resolution starts a second cycle), resolved again and closed.
        ServiceCase k3 = complaint("k-3", "c-a", at(5, 9, 0));
        event(k3, at(5, 9, 20), CaseEventType.RESPONDED);
        event(k3, at(5, 14, 0), CaseEventType.SOLUTION_PROPOSED);
        event(k3, at(5, 16, 0), CaseEventType.RESOLVED);
        event(k3, at(5, 16, 30), CaseEventType.FEEDBACK_RECEIVED);
        event(k3, at(6, 10, 0), CaseEventType.REOPENED);
        event(k3, at(7, 9, 30), CaseEventType.RESOLVED);
        event(k3, at(7, 10, 0), CaseEventType.FEEDBACK_RECEIVED);
        event(k3, at(7, 10, 30), CaseEventType.CLOSED);
        // An inquiry of a basic customer, answered on Tuesday.
        ServiceCase k4 = inquiry("k-4", "c-c", at(4, 11, 0));
        event(k4, at(5, 10, 0), CaseEventType.RESPONDED);
        // An inquiry with a target only once its customer is basic.
        inquiry("k-5", "c-d", at(5, 10, 0));
        // Opened on Wednesday evening: its clock starts on Thursday morning.
        complaint("k-6", "c-b", at(6, 20, 0));
        // Opened after the last day: never evaluated.
        complaint("k-7", "c-e", at(9, 10, 0));
    }

    private static OffsetDateTime at(int day, int hour, int minute) {
        return OffsetDateTime.of(2026, 5, day, hour, minute, 0, 0, CST);
    }

    private static ServiceCase complaint(String id, String customer, OffsetDateTime opened) {
        ServiceCase serviceCase = ServiceCase.complaint(CaseId.of(id), CustomerId.of(customer), opened);
        CASES.add(serviceCase);
        return serviceCase;
    }

    private static ServiceCase inquiry(String id, String customer, OffsetDateTime opened) {
        ServiceCase serviceCase = ServiceCase.complaint(CaseId.of(id), CustomerId.of(customer), opened)
                .withKind(CaseKind.INQUIRY);
        CASES.add(serviceCase);
        return serviceCase;
    }

    private static void event(ServiceCase serviceCase, OffsetDateTime at, CaseEventType type) {
        EVENTS.add(CaseEvent.of(serviceCase.id(), at, type));
    }

    private static TierAssignment tier(String customer, String tier, String day) {
        return new TierAssignment(CustomerId.of(customer), Optional.of(Tier.of(tier)), LocalDate.parse(day),
                POLICY.ref(), 0, NOW);
    }

    private static void seed(CrmStore store) {
        CUSTOMERS.forEach(store.customers()::save);
        CASES.forEach(store.cases()::save);
        EVENTS.forEach(store.caseEvents()::append);
        TIERS.forEach(store.tierAssignments()::record);
    }

    /** @return the extension of the subclass */
    protected abstract DatabaseExtension database();

    private JdbcStore seeded() {
        JdbcStore store = database().store();
        seed(store);
        return store;
    }

    private static SlaJob job(JdbcStore store, List<CaseSla> seen) {
        return store.slaJob(POLICY, CLOCK, CHUNK, seen::add);
    }

    /** The expectation of a day: every case's SLA, in the job's order, and the events not told before. */
    private record Day(List<CaseSla> slas, List<SlaEvent> newEvents) {
    }

    /**
     * The SLA engine over the cases in memory, as of each day in turn: each case opened by the end
     * of the day evaluated at that moment with the tier stored on or before the day; an event is new
     * the first day its key comes up.
     */
    private static Map<LocalDate, Day> expected(List<LocalDate> days) {
        InMemoryStore reference = InMemoryStore.create();
        seed(reference);
        SlaEngine engine = SlaEngine.of(POLICY);
        Set<String> told = new HashSet<>();
        Map<LocalDate, Day> expected = new HashMap<>();
        for (LocalDate day : days) {
            Instant moment = day.plusDays(1).atStartOfDay(POLICY.header().zone()).toInstant();
            // By customer, then by case: the job's order.
            Map<String, List<ServiceCase>> byCustomer = new TreeMap<>();
            reference.cases().forEach(serviceCase -> byCustomer.computeIfAbsent(serviceCase.customerId().value(),
                    id -> new ArrayList<>()).add(serviceCase));
            List<CaseSla> slas = new ArrayList<>();
            List<SlaEvent> events = new ArrayList<>();
            for (List<ServiceCase> cases : byCustomer.values()) {
                for (ServiceCase serviceCase : cases) {
                    if (serviceCase.openedAt().toInstant().isAfter(moment)) {
                        continue;
                    }
                    Optional<Tier> tier = reference.tierAssignments()
                            .latestBefore(serviceCase.customerId(), day.plusDays(1)).flatMap(TierAssignment::tier);
                    CaseSla sla = engine.evaluate(serviceCase, reference.caseEvents().findByCase(serviceCase.id()),
                            tier, moment);
                    slas.add(sla);
                    engine.events(sla).stream().filter(event -> told.add(event.key())).forEach(events::add);
                }
            }
            expected.put(day, new Day(slas, events));
        }
        return expected;
    }

    @Test
    void storesWhatTheEngineEvaluatesAndWritesEachEventOnceDayAfterDay() throws SQLException {
        evaluatesAsTheEngineDoes(seeded());
    }

    @Test
    void evaluatesAsTheEngineDoesOverAnErpMappingWithItsComplaints() throws SQLException {
        JdbcStore store = ErpSchema.storeHolding(database(), CUSTOMERS, List.of(), List.of(), List.of(), CASES,
                EVENTS);
        TIERS.forEach(store.tierAssignments()::record);
        evaluatesAsTheEngineDoes(store);
    }

    private void evaluatesAsTheEngineDoes(JdbcStore store) throws SQLException {
        Map<LocalDate, Day> expected = expected(DAYS);
        List<SlaEvent> allExpected = new ArrayList<>();

        for (LocalDate day : DAYS) {
            Day want = expected.get(day);
            allExpected.addAll(want.newEvents());
            List<CaseSla> seen = new ArrayList<>();

            JobRun run = job(store, seen).run(day);

            // Compared without the cases, whose opening an ERP's database may give in another offset.
            assertThat(seen).as("SLAs as of %s", day).extracting(AbstractNightlySlaTest::withoutCase)
                    .isEqualTo(want.slas().stream().map(AbstractNightlySlaTest::withoutCase).toList());
            assertThat(run.complete()).isTrue();
            assertThat(run.customers()).as("complainants as of %s", day)
                    .isEqualTo(want.slas().stream().map(sla -> sla.serviceCase().customerId()).distinct().count());
            assertThat(run.events()).as("events as of %s", day).isEqualTo(want.newEvents().size());
            assertStoredState(want.slas(), day);
        }

        List<String> keys = new ArrayList<>();
        List<DomainEvent> drained = new ArrayList<>();
        store.outbox().drainTo((key, event) -> {
            keys.add(key);
            drained.add(event);
        });
        assertThat(drained).isEqualTo(allExpected);
        assertThat(keys).isEqualTo(allExpected.stream().map(SlaEvent::key).toList()).doesNotHaveDuplicates();
        // The data set has every kind of SLA event, met on time and late, and a second cycle.
        assertThat(drained).hasAtLeastOneElementOfType(SlaWarning.class).hasAtLeastOneElementOfType(SlaBreached.class)
                .hasAtLeastOneElementOfType(MilestoneMet.class);
        assertThat(drained).filteredOn(MilestoneMet.class::isInstance).extracting(event -> ((MilestoneMet) event).onTime())
                .contains(true, false);
        assertThat(drained).extracting(event -> ((SlaEvent) event).cycle()).contains(0, 1);
        assertThat(keys).contains("k-2|first_response|0|SlaBreached", "k-3|resolution|1|MilestoneMet",
                "k-4|first_response|0|MilestoneMet");
    }

    private static List<Object> withoutCase(CaseSla sla) {
        return List.of(sla.serviceCase().id(), sla.serviceCase().customerId(), sla.asOf(), sla.policy(), sla.tier(),
                sla.priority(), sla.target(), sla.reopenings(), sla.paused(), sla.closed(), sla.milestones());
    }

    /** Every stored row against the engine's evaluation, read with plain SQL. */
    private void assertStoredState(List<CaseSla> slas, LocalDate day) throws SQLException {
        DataSource dataSource = database().dataSource();
        Map<String, Map<String, Object>> cases = new HashMap<>();
        Map<String, Map<String, Object>> milestones = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT * FROM crm_case_sla")) {
                while (row.next()) {
                    Map<String, Object> values = new HashMap<>();
                    values.put("customer", row.getString("customer_id"));
                    values.put("policy", row.getString("policy_id") + "@" + row.getString("policy_version"));
                    values.put("tier", row.getString("tier"));
                    values.put("priority", row.getString("priority"));
                    values.put("target", row.getString("target"));
                    values.put("reopenings", row.getInt("reopenings"));
                    values.put("paused", row.getBoolean("paused"));
                    values.put("closed", row.getBoolean("closed"));
                    cases.put(row.getString("case_id"), values);
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT * FROM crm_case_sla_milestone")) {
                while (row.next()) {
                    Map<String, Object> values = new HashMap<>();
                    values.put("number", row.getInt("milestone_number"));
                    values.put("cycle", row.getInt("cycle"));
                    values.put("started", moment(row, "started"));
                    values.put("due", moment(row, "due"));
                    values.put("met", moment(row, "met"));
                    values.put("metByClosing", row.getBoolean("met_by_closing"));
                    values.put("status", row.getString("status"));
                    values.put("elapsed", seconds(row.getBigDecimal("elapsed_seconds")));
                    values.put("paused", seconds(row.getBigDecimal("paused_seconds")));
                    values.put("remaining", seconds(row.getBigDecimal("remaining_seconds")));
                    values.put("warning", moment(row, "warning"));
                    milestones.put(row.getString("case_id") + "/" + row.getString("milestone"), values);
                }
            }
        }
        assertThat(cases.keySet()).as("cases stored as of %s", day)
                .containsExactlyInAnyOrderElementsOf(slas.stream().map(sla -> sla.serviceCase().id().value()).toList());
        assertThat(milestones).as("milestones stored as of %s", day)
                .hasSize(slas.stream().mapToInt(sla -> sla.milestones().size()).sum());
        for (CaseSla sla : slas) {
            String id = sla.serviceCase().id().value();
            Map<String, Object> want = new HashMap<>();
            want.put("customer", sla.serviceCase().customerId().value());
            want.put("policy", POLICY.ref().id() + "@" + POLICY.ref().version());
            want.put("tier", sla.tier().map(Tier::name).orElse(null));
            want.put("priority", sla.priority().map(Priority::key).orElse(null));
            want.put("target", sla.target().orElse(null));
            want.put("reopenings", sla.reopenings());
            want.put("paused", sla.paused());
            want.put("closed", sla.closed());
            assertThat(cases.get(id)).as("case %s as of %s", id, day).isEqualTo(want);
            int number = 0;
            for (MilestoneStatus status : sla.milestones()) {
                Map<String, Object> milestone = new HashMap<>();
                milestone.put("number", ++number);
                milestone.put("cycle", status.cycle());
                milestone.put("started", status.startedAt());
                milestone.put("due", status.dueAt());
                milestone.put("met", status.metAt().orElse(null));
                milestone.put("metByClosing", status.metByClosing());
                milestone.put("status", status.status().key());
                milestone.put("elapsed", status.elapsed());
                milestone.put("paused", status.paused());
                milestone.put("remaining", status.remaining().orElse(null));
                milestone.put("warning", status.warningAt().orElse(null));
                assertThat(milestones.get(id + "/" + status.name())).as("milestone %s of %s as of %s", status.name(),
                        id, day).isEqualTo(milestone);
            }
        }
    }

    private static Instant moment(ResultSet row, String name) throws SQLException {
        OffsetDateTime timestamp = row.getObject(name + "_at", OffsetDateTime.class);
        return timestamp == null ? null : Instant.ofEpochSecond(timestamp.toEpochSecond(), row.getInt(name + "_nanos"));
    }

    private static Duration seconds(BigDecimal seconds) {
        return seconds == null ? null : Duration.ofNanos(seconds.movePointRight(9).longValueExact());
    }

    @Test
    void rewritesOnlyTheRowsThatChangedAndLeavesAClosedCaseAlone() throws SQLException {
        JdbcStore store = seeded();
        LocalDate thursday = DAYS.get(3);
        LocalDate friday = DAYS.get(4);
        job(store, new ArrayList<>()).run(thursday);
        Map<String, String> casesBefore = keyed("SELECT * FROM crm_case_sla", "case_id");
        Map<String, String> milestonesBefore = keyed("SELECT * FROM crm_case_sla_milestone", "case_id", "milestone");

        JobRun run = job(store, new ArrayList<>()).run(friday);

        Map<String, String> casesAfter = keyed("SELECT * FROM crm_case_sla", "case_id");
        Map<String, String> milestonesAfter = keyed("SELECT * FROM crm_case_sla_milestone", "case_id", "milestone");
        long rewritten = 0;
        for (Map.Entry<String, String> row : concat(casesAfter, milestonesAfter).entrySet()) {
            String was = concat(casesBefore, milestonesBefore).get(row.getKey());
            if (row.getValue().contains("|" + friday + "|")) {
                rewritten++;
                assertThat(row.getValue()).as(row.getKey()).isNotEqualTo(was);
            } else {
                assertThat(row.getValue()).as(row.getKey()).isEqualTo(was);
            }
        }
        assertThat(run.changes()).isEqualTo(rewritten);
        // k-1 and k-3 were closed on Thursday: Friday finds them as they were.
        assertThat(casesAfter).containsEntry("k-1", casesBefore.get("k-1")).containsEntry("k-3", casesBefore.get("k-3"));
        List<String> closedMilestones = milestonesAfter.keySet().stream()
                .filter(key -> key.startsWith("k-1/") || key.startsWith("k-3/")).toList();
        assertThat(closedMilestones).hasSize(6).allSatisfy(key ->
                assertThat(milestonesAfter.get(key)).isEqualTo(milestonesBefore.get(key)));
        // The open case's clocks ran on: its running milestones changed.
        assertThat(milestonesAfter.get("k-2/solution")).isNotEqualTo(milestonesBefore.get("k-2/solution"));
        assertThat(rewritten).isPositive();
    }

    private static Map<String, String> concat(Map<String, String> cases, Map<String, String> milestones) {
        Map<String, String> all = new HashMap<>(cases);
        all.putAll(milestones);
        return all;
    }

    /** Rows as text by key: the key columns joined by {@code /}, the values by {@code |}. */
    private Map<String, String> keyed(String sql, String... keyColumns) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = database().dataSource().getConnection();
                Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                List<String> key = new ArrayList<>();
                for (String column : keyColumns) {
                    key.add(row.getString(column));
                }
                StringBuilder values = new StringBuilder("|");
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    Object value = row.getMetaData().getColumnLabel(column).equalsIgnoreCase("since")
                            ? row.getObject(column, LocalDate.class) : row.getObject(column);
                    values.append(value).append('|');
                }
                rows.put(String.join("/", key), values.toString());
            }
        }
        return rows;
    }

    @Test
    void aSecondRunForTheSameDayWritesNothing() throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(DAYS.get(0));
        JobRun first = job(store, new ArrayList<>()).run(DAYS.get(1));
        List<String> before = dump(database().dataSource());
        List<CaseSla> seen = new ArrayList<>();

        JobRun second = store.slaJob(POLICY, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC), CHUNK, seen::add)
                .run(DAYS.get(1));

        assertThat(second).isEqualTo(first);
        assertThat(seen).isEmpty();
        assertThat(dump(database().dataSource())).isEqualTo(before);
        assertThat(first.events()).isPositive();
    }

    @Test
    void aRunAbortedMidChunkResumesAndEndsAsAnUninterruptedRun() throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(DAYS.get(1));
        AtomicInteger seen = new AtomicInteger();
        // Fails on the third case, k-2 of c-b: chunks of one customer, so c-a's two cases are committed.
        SlaJob failing = store.slaJob(POLICY, CLOCK, CHUNK, sla -> {
            if (seen.incrementAndGet() == 3) {
                throw new IllegalStateException("abort the chunk");
            }
        });

        assertThatThrownBy(() -> failing.run(DAYS.get(3))).isInstanceOf(IllegalStateException.class)
                .hasMessage("abort the chunk");
        JobRun aborted = store.slaJob(POLICY, CLOCK).find(DAYS.get(3)).orElseThrow();
        assertThat(aborted.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(aborted.lastCustomer()).contains(CustomerId.of("c-a"));
        assertThat(aborted.events()).isPositive();
        assertThat(store.slaJob(POLICY, CLOCK).lastComplete()).map(JobRun::asOf).contains(DAYS.get(1));

        List<CaseSla> resumed = new ArrayList<>();
        JobRun finished = job(store, resumed).run(DAYS.get(3));

        assertThat(resumed).extracting(sla -> sla.serviceCase().id().value())
                .containsExactly("k-2", "k-6", "k-4", "k-5");
        DataSource twin = database().emptyDatabase();
        JdbcStore uninterrupted = JdbcStore.create(twin);
        seed(uninterrupted);
        job(uninterrupted, new ArrayList<>()).run(DAYS.get(1));
        assertThat(finished).isEqualTo(job(uninterrupted, new ArrayList<>()).run(DAYS.get(3)));
        assertThat(dump(database().dataSource())).isEqualTo(dump(twin));
        List<DomainEvent> events = drain(store);
        assertThat(events).isEqualTo(drain(uninterrupted)).doesNotHaveDuplicates().isNotEmpty();
    }

    private static List<DomainEvent> drain(JdbcStore store) {
        List<DomainEvent> events = new ArrayList<>();
        store.outbox().drainTo((key, event) -> events.add(event));
        return events;
    }

    @Test
    void aSecondSlaJobIsRefusedWhileTheTieringJobMayRunBeside() {
        JdbcStore store = seeded();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        AtomicReference<JobRun> tiered = new AtomicReference<>();
        try (JdbcStore other = database().openAgain()) {
            SlaJob first = store.slaJob(POLICY, CLOCK, CHUNK, sla -> {
                if (refused.get() == null) {
                    try {
                        other.slaJob(POLICY, CLOCK).run(DAYS.get(0));
                        refused.set(new AssertionError("the second job ran"));
                    } catch (RuntimeException e) {
                        refused.set(e);
                    }
                    // After c-b's assignment of 20 May, which the SLA job does not see before that day.
                    tiered.set(other.tieringJob(POLICY, CLOCK).run(LocalDate.of(2026, 5, 21)));
                }
            });

            JobRun run = first.run(DAYS.get(0));

            assertThat(refused.get()).isInstanceOf(JobRunningException.class)
                    .hasMessage("Another sla job is running on this database (the run as of 2026-05-04 with policy "
                            + POLICY.ref() + ", started " + NOW + "); this one did not run");
            assertThat(tiered.get().complete()).isTrue();
            assertThat(run.complete()).isTrue();
        }
    }

    @Test
    void refusesADayBeforeStoredStatesAndADayWithStatesWrittenOutsideTheJob() throws SQLException {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(DAYS.get(2));
        List<String> before = dump(database().dataSource());

        assertThatThrownBy(() -> store.slaJob(POLICY, CLOCK).run(DAYS.get(1)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("Cannot evaluate the SLAs as of 2026-05-05: ")
                .hasMessageEndingWith(" SLA state(s) for a later day are stored; nothing was written");
        assertThat(dump(database().dataSource())).isEqualTo(before);

        try (Connection connection = database().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE crm_case_sla SET since = DATE '2026-05-07' WHERE case_id = 'k-1'");
        }
        List<String> touched = dump(database().dataSource());
        assertThatThrownBy(() -> store.slaJob(POLICY, CLOCK).run(DAYS.get(3)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Cannot evaluate the SLAs as of 2026-05-07: 1 SLA state(s) for the day were stored outside"
                        + " the job; nothing was written");
        assertThat(dump(database().dataSource())).isEqualTo(touched);
    }

    @Test
    void leavesOutACaseWithAnImpossibleHistoryAndEvaluatesTheOthers() throws SQLException {
        JdbcStore store = seeded();
        ServiceCase broken = ServiceCase.complaint(CaseId.of("k-0"), CustomerId.of("c-a"), at(4, 9, 0));
        store.cases().save(broken);
        // Resumed without a pause: no possible history.
        store.caseEvents().append(CaseEvent.of(broken.id(), at(4, 9, 30), CaseEventType.RESUMED));
        List<CaseSla> seen = new ArrayList<>();

        JobRun run = job(store, seen).run(DAYS.get(0));

        assertThat(run.complete()).isTrue();
        assertThat(seen).extracting(sla -> sla.serviceCase().id().value()).containsExactly("k-1", "k-2", "k-4");
        assertThat(keyed("SELECT * FROM crm_case_sla", "case_id")).containsOnlyKeys("k-1", "k-2", "k-4");
    }

    /** Every row the job writes, as text, in a fixed order; outbox rows without their sequence numbers. */
    private static List<String> dump(DataSource dataSource) throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_case_sla ORDER BY case_id"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource,
                "SELECT * FROM crm_case_sla_milestone ORDER BY case_id, milestone"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT event_key, event_type, customer_id, as_of,"
                + " case_id, milestone, cycle, due_at, due_nanos, escalate_to, on_time, policy_id, policy_version,"
                + " occurred_at, occurred_nanos, published_at FROM crm_outbox ORDER BY sequence_number"));
        all.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_job_run ORDER BY job, as_of"));
        return all;
    }
}
