package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.port.CrmStore;
import org.crmkit.jdbc.job.AgendaJob;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaService;
import org.crmkit.rules.cadence.AgendaSink;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.Test;

/**
 * The nightly agenda job against {@link AgendaService} on the same data in memory, night after
 * night after the tiering, and its run records, resumption, lock and refusals; run on H2 and
 * PostgreSQL by the subclasses. The cadences are the standard policy's: core customers a monthly
 * visit by their account manager (visit 3 and video 6 a day), important ones a biweekly call and
 * a quarterly needs survey by sales, basic ones a monthly message by automation (no offers while
 * a complaint is open), potential ones a monthly follow-up by sales.
 */
abstract class AbstractNightlyAgendaTest {
    /** Monday to Friday: the last night plans a Saturday, outside the office hours. */
    private static final List<LocalDate> NIGHTS = List.of(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 31),
            LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3));
    private static final LocalDate MONDAY = NIGHTS.get(0);
    private static final Instant NOW = Instant.parse("2026-03-30T19:00:00.123456789Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Policy POLICY = PolicyLoader.standard();
    private static final int CHUNK = 2;
    /** The core customers of manager m-01: one more than a day's visits and video calls. */
    private static final int CORE = 10;

    private static final List<Customer> CUSTOMERS = new ArrayList<>();
    private static final List<Purchase> PURCHASES = new ArrayList<>();
    private static final List<Interaction> INTERACTIONS = new ArrayList<>();
    private static final ServiceCase COMPLAINT = ServiceCase.complaint(CaseId.of("k-1"), CustomerId.of("b-02"),
            OffsetDateTime.of(2026, 3, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8)));

    static {
        LocalDate longAgo = LocalDate.of(2024, 1, 10);
        List<String> quarters = List.of("2025-06-15", "2025-09-15", "2025-12-15", "2026-02-15");
        for (int i = 1; i <= CORE; i++) {
            String id = String.format("c-%02d", i);
            CUSTOMERS.add(Customer.of(CustomerId.of(id), "Core " + i, longAgo).withAccountManager(StaffId.of("m-01")));
            quarters.forEach(day -> order(id, day, "40000"));
        }
        customer("i-01", longAgo);
        customer("i-02", longAgo);
        for (String id : List.of("i-01", "i-02")) {
            order(id, "2025-11-03", "50000");
        }
        // A call last week: i-02's biweekly call is not due yet.
        INTERACTIONS.add(Interaction.of(InteractionId.of("x-1"), CustomerId.of("i-02"),
                OffsetDateTime.of(2026, 3, 25, 10, 0, 0, 0, ZoneOffset.ofHours(8)), Channel.PHONE, InteractionKind.CALL));
        customer("b-01", longAgo);
        customer("b-02", longAgo);
        CUSTOMERS.add(Customer.of(CustomerId.of("b-03"), "Basic 3", longAgo).withContactPreferences(
                ContactPreferences.none().withDoNotContact(Set.of(Channel.SMS, Channel.EMAIL))));
        for (String id : List.of("b-01", "b-02", "b-03")) {
            order(id, "2026-01-20", "5000");
        }
        customer("p-01", longAgo);
        CUSTOMERS.add(Customer.of(CustomerId.of("p-02"), "Potential 2", longAgo).withContactPreferences(
                ContactPreferences.none().withTimeZone(ZoneId.of("Europe/Berlin")).withPreferredChannel(Channel.EMAIL)
                        .withPreferredHours(LocalTimeRange.of(LocalTime.of(8, 30), LocalTime.of(10, 0)))));
        for (String id : List.of("p-01", "p-02")) {
            INTERACTIONS.add(Interaction.of(InteractionId.of("q-" + id), CustomerId.of(id),
                    OffsetDateTime.of(2026, 2, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8)), Channel.PHONE,
                    InteractionKind.INQUIRY));
        }
        customer("n-none", longAgo);
        customer("z-later", LocalDate.of(2026, 6, 1));
        order("z-later", "2026-06-02", "500000");
    }

    private static void customer(String id, LocalDate created) {
        CUSTOMERS.add(Customer.of(CustomerId.of(id), "Customer " + id, created));
    }

    private static void order(String customer, String day, String amount) {
        PURCHASES.add(Purchase.of(PurchaseId.of("o-" + (PURCHASES.size() + 1)), CustomerId.of(customer),
                LocalDate.parse(day), Money.of("CNY", amount)));
    }

    private static void seed(CrmStore store) {
        CUSTOMERS.forEach(store.customers()::save);
        PURCHASES.forEach(store.purchases()::record);
        INTERACTIONS.forEach(store.interactions()::record);
        store.cases().save(COMPLAINT);
    }

    /** @return the extension of the subclass */
    protected abstract DatabaseExtension database();

    private JdbcStore seeded() {
        JdbcStore store = database().store();
        seed(store);
        return store;
    }

    private static AgendaJob job(JdbcStore store, List<String> seen) {
        return store.agendaJob(POLICY, CLOCK, CHUNK, AgendaSink.of(contact -> seen.add(contact.customerId().value()),
                contact -> seen.add(contact.customerId().value()), assignment -> { }));
    }

    private static AgendaJob quiet(JdbcStore store) {
        return job(store, new ArrayList<>());
    }

    @Test
    void storesThePlanOfTheNextDayAsTheServiceMakesItNightAfterNight() throws SQLException {
        JdbcStore store = seeded();
        InMemoryStore reference = InMemoryStore.create();
        seed(reference);
        TieringService tiering = TieringService.of(POLICY, reference, new RecordingEventPublisher(), CLOCK);
        List<String> earlierDays = List.of();

        for (LocalDate night : NIGHTS) {
            LocalDate day = night.plusDays(1);
            tiering.evaluateAll(night);
            Agenda expected = AgendaService.of(POLICY, reference).plan(day, day);
            store.tieringJob(POLICY, CLOCK).run(night);

            JobRun run = quiet(store).run(night);

            assertThat(plannedRows(database().dataSource(), day)).as("planned for %s", day)
                    .containsExactlyInAnyOrderElementsOf(expected.planned().stream()
                            .map(contact -> planned(contact, night)).toList());
            assertThat(unscheduledRows(database().dataSource(), day)).as("unscheduled on %s", day)
                    .containsExactlyInAnyOrderElementsOf(expected.unscheduled().stream()
                            .map(contact -> unscheduled(contact, day, night)).toList());
            assertThat(run.complete()).isTrue();
            assertThat(run.changes()).isEqualTo(expected.planned().size() + expected.unscheduled().size());
            assertThat(run.customers()).isEqualTo(java.util.stream.Stream.concat(
                    expected.planned().stream().map(PlannedContact::customerId),
                    expected.unscheduled().stream().map(UnscheduledContact::customerId)).distinct().count());
            assertThat(run.events()).isZero();
            // The rows of the days planned before stay as they were.
            assertThat(earlierRows(database().dataSource(), day)).isEqualTo(earlierDays);
            earlierDays = earlierRows(database().dataSource(), day.plusDays(1));
        }
    }

    @Test
    void plansTheStandardCadencesOnAWorkingDayAndNothingOnASaturday() throws SQLException {
        JdbcStore store = seeded();
        store.tieringJob(POLICY, CLOCK).run(MONDAY);
        quiet(store).run(MONDAY);
        LocalDate tuesday = MONDAY.plusDays(1);

        List<String> planned = plannedRows(database().dataSource(), tuesday);
        List<String> unscheduled = unscheduledRows(database().dataSource(), tuesday);

        // m-01 visits 3 and calls 6 by video a day: one of the ten core customers waits.
        assertThat(planned).filteredOn(row -> row.contains("|monthly_visit|visit|core|visit|account_manager|m-01|"))
                .hasSize(3);
        assertThat(planned).filteredOn(row -> row.contains("|monthly_visit|visit|core|video|account_manager|m-01|"))
                .hasSize(6);
        assertThat(unscheduled).filteredOn(row -> row.contains("|monthly_visit|") && row.contains("|no_capacity|"))
                .hasSize(1);
        assertThat(planned).anyMatch(row -> row.startsWith(tuesday + "|i-01|biweekly_call|follow_up|important|phone|"
                + "sales_team|sales_team|"))
                .anyMatch(row -> row.startsWith(tuesday + "|i-01|quarterly_needs_survey|needs_survey|important|"))
                .anyMatch(row -> row.startsWith(tuesday + "|i-02|quarterly_needs_survey|"))
                .noneMatch(row -> row.startsWith(tuesday + "|i-02|biweekly_call|"))
                .anyMatch(row -> row.startsWith(tuesday + "|b-01|monthly_message|offer|basic|sms|automation|automation|"))
                .anyMatch(row -> row.startsWith(tuesday + "|p-01|monthly_follow_up|follow_up|potential|phone|"))
                // p-02 prefers e-mail, 08:30-10:00 in Berlin (summer time): 14:30-16:00 in Shanghai, office hours.
                .anyMatch(row -> row.startsWith(tuesday + "|p-02|monthly_follow_up|follow_up|potential|email|sales_team"
                        + "|sales_team|") && row.contains("|2026-03-31T06:30:00Z|2026-03-31T08:00:00Z|Europe/Berlin"
                        + "|08:30-10:00|"))
                .noneMatch(row -> row.contains("|b-02|") || row.contains("|b-03|") || row.contains("|n-none|")
                        || row.contains("|z-later|"));
        assertThat(unscheduled).anyMatch(row -> row.startsWith(tuesday + "|b-02|monthly_message|offer|basic|automation"
                + "|automation|") && row.contains("|complaint_open|"))
                .anyMatch(row -> row.startsWith(tuesday + "|b-03|monthly_message|") && row.contains("|do_not_contact|"));

        store.tieringJob(POLICY, CLOCK).run(NIGHTS.get(4));
        JobRun friday = quiet(store).run(NIGHTS.get(4));
        LocalDate saturday = NIGHTS.get(4).plusDays(1);
        assertThat(plannedRows(database().dataSource(), saturday)).isEmpty();
        assertThat(unscheduledRows(database().dataSource(), saturday)).isNotEmpty()
                .filteredOn(row -> row.contains("|no_suitable_day|")).isNotEmpty();
        assertThat(friday.changes()).isEqualTo(unscheduledRows(database().dataSource(), saturday).size());
    }

    @Test
    void aSecondRunForTheSameDayWritesNothing() throws SQLException {
        JdbcStore store = seeded();
        store.tieringJob(POLICY, CLOCK).run(MONDAY);
        JobRun first = quiet(store).run(MONDAY);
        List<String> before = allRows(database().dataSource());
        List<String> seen = new ArrayList<>();

        JobRun second = store.agendaJob(POLICY, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC), CHUNK,
                AgendaSink.of(contact -> seen.add("planned"), contact -> seen.add("unscheduled"),
                        assignment -> seen.add("assigned"))).run(MONDAY);

        assertThat(second).isEqualTo(first);
        assertThat(first.changes()).isPositive();
        assertThat(seen).isEmpty();
        assertThat(allRows(database().dataSource())).isEqualTo(before);
    }

    @Test
    void aRunAbortedMidChunkResumesAndEndsAsAnUninterruptedRun() throws SQLException {
        JdbcStore store = seeded();
        store.tieringJob(POLICY, CLOCK).run(MONDAY);
        List<String> customers = new ArrayList<>();
        // Fails on the fifth customer's first contact: chunks of two, so two chunks are committed.
        AgendaJob failing = store.agendaJob(POLICY, CLOCK, CHUNK, AgendaSink.of(
                contact -> abortAtTheFifth(customers, contact.customerId().value()),
                contact -> abortAtTheFifth(customers, contact.customerId().value()), assignment -> { }));

        assertThatThrownBy(() -> failing.run(MONDAY)).isInstanceOf(IllegalStateException.class)
                .hasMessage("abort the chunk");
        JobRun aborted = store.agendaJob(POLICY, CLOCK).find(MONDAY).orElseThrow();
        assertThat(aborted.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(aborted.lastCustomer()).contains(CustomerId.of(customers.get(3)));
        assertThat(aborted.customers()).isEqualTo(4);
        assertThat(store.agendaJob(POLICY, CLOCK).lastComplete()).isEmpty();

        List<String> resumed = new ArrayList<>();
        JobRun finished = job(store, resumed).run(MONDAY);

        assertThat(resumed).isNotEmpty().allMatch(customer -> customer.compareTo(customers.get(3)) > 0)
                .contains(customers.get(4));
        DataSource twin = database().emptyDatabase();
        JdbcStore uninterrupted = JdbcStore.create(twin);
        seed(uninterrupted);
        uninterrupted.tieringJob(POLICY, CLOCK).run(MONDAY);
        assertThat(finished).isEqualTo(quiet(uninterrupted).run(MONDAY));
        assertThat(allRows(database().dataSource())).isEqualTo(allRows(twin)).isNotEmpty();
    }

    private static void abortAtTheFifth(List<String> customers, String customer) {
        if (customers.isEmpty() || !customers.get(customers.size() - 1).equals(customer)) {
            customers.add(customer);
            if (customers.size() == 5) {
                throw new IllegalStateException("abort the chunk");
            }
        }
    }

    @Test
    void writesTheSameRowsWithJdbcBatchesAsWithCopy() throws SQLException {
        JdbcStore store = seeded();
        DataSource twin = database().emptyDatabase();
        JdbcStore batched = JdbcStore.create(twin);
        seed(batched);
        store.tieringJob(POLICY, CLOCK).run(MONDAY);
        batched.tieringJob(POLICY, CLOCK).run(MONDAY);

        JobRun copied = quiet(store).run(MONDAY);
        JobRun inBatches = batched.agendaJob(POLICY, CLOCK, CHUNK, AgendaSink.of(c -> { }, c -> { }, a -> { }),
                TierChunkRows.Writing.BATCHES).run(MONDAY);

        assertThat(inBatches).isEqualTo(copied);
        assertThat(allRows(twin)).isEqualTo(allRows(database().dataSource())).isNotEmpty();
    }

    @Test
    void aSecondAgendaJobIsRefusedWhileOneRuns() throws SQLException {
        JdbcStore store = seeded();
        store.tieringJob(POLICY, CLOCK).run(MONDAY);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        try (JdbcStore other = database().openAgain()) {
            AgendaJob first = store.agendaJob(POLICY, CLOCK, CHUNK, AgendaSink.of(contact -> {
                if (refused.get() == null) {
                    try {
                        other.agendaJob(POLICY, CLOCK).run(MONDAY);
                        refused.set(new AssertionError("the second job ran"));
                    } catch (RuntimeException e) {
                        refused.set(e);
                    }
                }
            }, contact -> { }, assignment -> { }));

            JobRun run = first.run(MONDAY);

            assertThat(refused.get()).isInstanceOf(JobRunningException.class)
                    .hasMessage("Another agenda job is running on this database (the run as of 2026-03-30 with"
                            + " policy " + POLICY.ref() + ", started " + NOW + "); this one did not run");
            assertThat(run.complete()).isTrue();
        }
    }

    @Test
    void refusesADayBeforeAStoredRunAndPlannedContactsStoredOutsideTheJob() throws SQLException {
        JdbcStore store = seeded();
        store.tieringJob(POLICY, CLOCK).run(NIGHTS.get(1));
        JobRun later = quiet(store).run(NIGHTS.get(1));
        List<String> before = allRows(database().dataSource());

        assertThatThrownBy(() -> quiet(store).run(MONDAY)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Cannot plan the agenda as of 2026-03-30: " + later.changes() + " agenda row(s) for a"
                        + " later day are stored; nothing was written");
        assertThat(allRows(database().dataSource())).isEqualTo(before);

        DatabaseExtension.execute(database().dataSource(), "INSERT INTO crm_agenda (" + JdbcAgendaJob.PLANNED_COLUMNS
                + ") VALUES (DATE '2026-04-03', 'b-01', 'by_hand', 'offer', NULL, 'sms', 'automation', 'automation',"
                + " DATE '2026-04-03', TIMESTAMP WITH TIME ZONE '2026-04-03 01:00:00+00', 0,"
                + " TIMESTAMP WITH TIME ZONE '2026-04-03 10:00:00+00', 0, 'Asia/Shanghai', NULL, 'by hand',"
                + " DATE '2026-04-02', 'standard', '2026.1')");
        assertThatThrownBy(() -> quiet(store).run(NIGHTS.get(3))).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Cannot plan the agenda as of 2026-04-02: 1 planned contact(s) for the day were stored"
                        + " outside the job; nothing was written");
        assertThat(store.agendaJob(POLICY, CLOCK).find(NIGHTS.get(3))).isEmpty();
    }

    @Test
    void refusesBadInputNamingIt() {
        JdbcStore store = seeded();
        String text = PolicyLoader.standardText();
        Policy withoutCadences = PolicyLoader.parse(text.replaceFirst("(?s)\ncadences:.*?\n(?=\\S)",
                "\n"), "no-cadences.yaml");

        assertThatThrownBy(() -> store.agendaJob(withoutCadences, CLOCK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Policy '" + withoutCadences.ref() + "' has no cadences section to plan contacts with");
        assertThatThrownBy(() -> store.agendaJob(POLICY, CLOCK, 0, AgendaSink.of(c -> { }, c -> { }, a -> { })))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("customersPerChunk must be at least 1, was 0");
        assertThatThrownBy(() -> quiet(store).run(LocalDate.of(9999, 12, 31)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("+10000-01-01 is outside the days the JDBC store keeps");
        assertThat(store.agendaJob(POLICY, CLOCK).lastComplete()).isEmpty();
    }

    // ------------------------------------------------------------------ rows, as text

    /** A planned contact as the test expects its row: the columns in the table's order. */
    private static String planned(PlannedContact contact, LocalDate asOf) {
        return String.join("|", contact.date().toString(), contact.customerId().value(), contact.rule().name(),
                contact.rule().purpose().key(), contact.tier().map(Tier::name).orElse("null"), contact.channel().key(),
                contact.rule().owner().key(), contact.owner(), contact.due().toString(),
                contact.slot().start().toString(), contact.slot().end().toString(), contact.slot().customerZone().getId(),
                contact.hours().map(LocalTimeRange::toString).orElse("null"), contact.reason(), asOf.toString(),
                POLICY.ref().id(), POLICY.ref().version());
    }

    private static String unscheduled(UnscheduledContact contact, LocalDate day, LocalDate asOf) {
        return String.join("|", day.toString(), contact.customerId().value(), contact.rule().name(),
                contact.rule().purpose().key(), contact.tier().map(Tier::name).orElse("null"),
                contact.rule().owner().key(), contact.owner(), contact.due().toString(), contact.kind().key(),
                contact.reason(), asOf.toString(), POLICY.ref().id(), POLICY.ref().version());
    }

    private static List<String> plannedRows(DataSource dataSource, LocalDate day) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM crm_agenda WHERE agenda_day = DATE '" + day
                        + "' ORDER BY customer_id, rule_name")) {
            while (row.next()) {
                rows.add(String.join("|", row.getObject("agenda_day", LocalDate.class).toString(),
                        row.getString("customer_id"), row.getString("rule_name"), row.getString("purpose"),
                        String.valueOf(row.getString("tier")), row.getString("channel"), row.getString("owner_kind"),
                        row.getString("owner"), row.getObject("due", LocalDate.class).toString(),
                        SqlValues.moment(row, "slot_start").toString(), SqlValues.moment(row, "slot_end").toString(),
                        row.getString("slot_zone"), String.valueOf(row.getString("preferred_hours")),
                        row.getString("reason"), row.getObject("as_of", LocalDate.class).toString(),
                        row.getString("policy_id"), row.getString("policy_version")));
            }
        }
        return rows;
    }

    private static List<String> unscheduledRows(DataSource dataSource, LocalDate day) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM crm_agenda_unscheduled WHERE agenda_day = DATE '"
                        + day + "' ORDER BY customer_id, rule_name")) {
            while (row.next()) {
                rows.add(String.join("|", row.getObject("agenda_day", LocalDate.class).toString(),
                        row.getString("customer_id"), row.getString("rule_name"), row.getString("purpose"),
                        String.valueOf(row.getString("tier")), row.getString("owner_kind"), row.getString("owner"),
                        row.getObject("due", LocalDate.class).toString(), row.getString("kind"),
                        row.getString("reason"), row.getObject("as_of", LocalDate.class).toString(),
                        row.getString("policy_id"), row.getString("policy_version")));
            }
        }
        return rows;
    }

    /** The agenda rows of the days before one, as {@link #allRows} shows them. */
    private static List<String> earlierRows(DataSource dataSource, LocalDate day) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_agenda WHERE agenda_day < DATE '"
                + day + "' ORDER BY agenda_day, customer_id, rule_name"));
        rows.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_agenda_unscheduled WHERE agenda_day"
                + " < DATE '" + day + "' ORDER BY agenda_day, customer_id, rule_name"));
        return rows;
    }

    /** Every row the agenda job writes, as text, in a fixed order, with the runs of every job. */
    private static List<String> allRows(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(AbstractNightlyTieringTest.rows(dataSource,
                "SELECT * FROM crm_agenda ORDER BY agenda_day, customer_id, rule_name"));
        rows.addAll(AbstractNightlyTieringTest.rows(dataSource,
                "SELECT * FROM crm_agenda_unscheduled ORDER BY agenda_day, customer_id, rule_name"));
        rows.addAll(AbstractNightlyTieringTest.rows(dataSource, "SELECT * FROM crm_job_run ORDER BY job, as_of"));
        return rows;
    }
}
