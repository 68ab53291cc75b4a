package org.crmkit.examples.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.examples.SyntheticCustomerBase;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaService;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.sla.SlaEngine;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ERP example run into a temporary directory, its report checked against {@link TieringService},
 * {@link CustomerBaseAnalysis}, {@link SlaEngine} and {@link AgendaService} on in-memory stores
 * holding the same data: the base as posted, without the documents the ERP database marks
 * cancelled, and the ERP's complaints as posted by each night; and against what the complaints'
 * times say by themselves.
 */
class ErpNightlyExampleTest {
    private static final LocalDate FIRST = ErpNightly.FIRST_NIGHT;
    private static final LocalDate NEXT = FIRST.plusDays(1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-02T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern CHANGE = Pattern.compile("^  (tier-changed/(\\S+)/(\\S+)) +(\\S+) -> (\\S+) (\\w+)$",
            Pattern.MULTILINE);

    @TempDir
    static Path temporary;
    private static Path directory;
    private static String output;
    private static String progress;
    private static SyntheticCustomerBase base;
    private static InMemoryStore firstNight;
    private static List<TierChanged> firstChanges;

    @BeforeAll
    static void runTheExample() throws IOException {
        directory = temporary.resolve("erp");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream report = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream bar = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            ErpNightly.run(directory, report, bar);
        }
        output = out.toString(StandardCharsets.UTF_8);
        progress = err.toString(StandardCharsets.UTF_8);

        base = ErpNightly.base();
        firstNight = InMemoryStore.create();
        base.loadInto(firstNight, FIRST);
        firstChanges = changes(firstNight, FIRST);
        // What the ERP's service desk held on the first night, for the assessment and the agenda.
        loadComplaints(firstNight.cases(), firstNight.caseEvents(), FIRST);
    }

    /** Stores the ERP's complaints opened by the end of a day and their events up to it, in China. */
    private static void loadComplaints(ServiceCases cases, CaseEventLog events, LocalDate upTo) {
        for (ErpDatabase.Complaint complaint : ErpDatabase.COMPLAINTS) {
            if (!dayInChina(complaint.serviceCase().openedAt().toInstant()).isAfter(upTo)) {
                cases.save(complaint.serviceCase());
                complaint.events().stream().filter(event -> !dayInChina(event.occurredAt().toInstant()).isAfter(upTo))
                        .forEach(events::append);
            }
        }
    }

    private static LocalDate dayInChina(Instant moment) {
        return LocalDateTime.ofInstant(moment, ErpDatabase.ZONE).toLocalDate();
    }

    private static List<TierChanged> changes(InMemoryStore store, LocalDate asOf) {
        RecordingEventPublisher published = new RecordingEventPublisher();
        TieringService.of(PolicyLoader.standard(), store, published, CLOCK).evaluateAll(asOf);
        return published.events(TierChanged.class);
    }

    @Test
    void writesTheDatabaseAndTheMappingIntoTheDirectory() {
        assertThat(directory.resolve("erp.mv.db")).isRegularFile();
        assertThat(directory.resolve(ErpNightly.MAPPING_FILE)).content(StandardCharsets.UTF_8)
                .contains("table: sales_document", "column: doc_status", "in: [posted]", "table: v_contact",
                        "table: ticket", "table: ticket_event");
    }

    @Test
    void postsTheBaseUpToTheFirstNightWithCancelledTwins() throws SQLException {
        long partners = base.customers().stream().filter(customer -> !customer.createdOn().isAfter(FIRST)).count();
        long documents = base.purchases().stream().filter(purchase -> !purchase.orderDate().isAfter(FIRST)).count();
        long twins = count("SELECT COUNT(*) FROM sales_document WHERE doc_status = 'cancelled' AND doc_no LIKE 'C-%'"
                + " AND doc_date <= DATE '" + FIRST + "'");
        assertThat(twins).isBetween(documents / 8, documents / 6);
        assertThat(output).contains(String.format(Locale.ROOT, "Posted up to %s: %,d partners, %,d documents (and %,d"
                + " cancelled ones)", FIRST, partners, documents, twins));
    }

    @Test
    void postsEachComplaintAndEventOnTheNightOfItsDay() throws SQLException {
        // T-1001 (opened 03-30) and T-1002 (03-31) with 2 + 1 events by 03-31; T-1003 and T-1001's resolution
        // and feedback on 04-01.
        assertThat(output).containsPattern("\\nPosted up to " + FIRST + ": .*, 2 complaints with 3 events\\n");
        assertThat(output).containsPattern("\\nPosted on " + NEXT + ": .*, 1 complaints with 2 events;");
        assertThat(count("SELECT COUNT(*) FROM ticket")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM ticket_event")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM ticket_event WHERE logged_at < TIMESTAMP '" + NEXT + " 00:00:00'"))
                .isEqualTo(3);
    }

    @Test
    void firstNightCountsAndChangesAreThoseOfTieringServiceOnTheSameData() {
        long customers = base.customers().stream().filter(customer -> !customer.createdOn().isAfter(FIRST)).count();
        assertThat(output).contains(String.format(Locale.ROOT, "Run as of %s: COMPLETE, %,d customers, %,d history rows,"
                + " %,d tier events", FIRST, customers, customers, firstChanges.size()));
        assertThat(output).contains(outboxLine(firstChanges) + "\n" + tierLine(firstChanges) + "\n");

        List<MatchResult> shown = changeLines(FIRST);
        assertThat(shown).hasSize(ErpNightly.EVENTS_SHOWN);
        for (MatchResult line : shown) {
            TierChanged expected = firstChanges.stream()
                    .filter(change -> change.customerId().value().equals(line.group(2))).findFirst().orElseThrow();
            assertThat(describe(line)).isEqualTo(describe(expected));
        }
    }

    @Test
    void firstNightAssessmentIsTheAnalysisOfTheSameData() {
        long customers = base.customers().stream().filter(customer -> !customer.createdOn().isAfter(FIRST)).count();
        Policy policy = PolicyLoader.standard();
        // What the ERP holds: customers, orders, contacts and complaints; no survey answers, which the mapping does
        // not read.
        InMemoryStore erpData = InMemoryStore.create();
        base.loadInto(erpData.customers(), erpData.purchases(), erpData.interactions(), FIRST);
        loadComplaints(erpData.cases(), erpData.caseEvents(), FIRST);
        List<CustomerAssessment> assessed = new ArrayList<>();
        CustomerBaseAnalysis.of(policy, ClvEstimator.of(policy.section(ClvPolicy.class)))
                .analyse(erpData.facts(), erpData.cases(), erpData.caseEvents(), FIRST, assessed::add);
        Map<LifecycleStage, Long> stages = new EnumMap<>(LifecycleStage.class);
        assessed.forEach(customer -> stages.merge(customer.lifecycle().lifecycleStage(), 1L, Long::sum));

        // The first night: every customer's first assessment is a row and a first stage an event.
        assertThat(assessed).hasSize((int) customers);
        assertThat(output).contains(String.format(Locale.ROOT, "Assessment as of %s: COMPLETE, %,d customers, %,d rows"
                + " written, %,d stage events\n", FIRST, customers, customers, customers));
        assertThat(stages).hasSizeGreaterThan(2);
        assertThat(output).contains("stages entered: " + stages.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey().key(), entry.getValue()))
                .collect(Collectors.joining(", ")) + "\n");
        assertThat(output).doesNotContain("Not assessed");
    }

    @Test
    void cancelledDocumentsDoNotCount() throws SQLException {
        // The same night with the cancelled twins counted: another outcome, so the report shows they were left out.
        InMemoryStore counted = InMemoryStore.create();
        base.loadInto(counted, FIRST);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT doc_no, partner_no, doc_date, net_total, curr"
                        + " FROM sales_document WHERE doc_status = 'cancelled' AND doc_no LIKE 'C-%'"
                        + " AND doc_date <= DATE '" + FIRST + "'")) {
            while (rows.next()) {
                counted.purchases().record(Purchase.of(PurchaseId.of(rows.getString(1)), CustomerId.of(rows.getString(2)),
                        rows.getObject(3, LocalDate.class), Money.of(rows.getString(5).strip(), rows.getBigDecimal(4))));
            }
        }
        List<TierChanged> withCancelled = changes(counted, FIRST);
        assertThat(tierLine(withCancelled)).isNotEqualTo(tierLine(firstChanges));
        assertThat(output).doesNotContain(tierLine(withCancelled)).contains(tierLine(firstChanges));
    }

    @Test
    void nextNightShowsEveryChangeOfTieringServiceWithoutTheCancelledDocuments() throws SQLException {
        Set<String> cancelled = cancelledDocuments();
        // The ten cancelled on the second night are original documents of the last 30 days, no twins.
        List<String> reversed = base.purchases().stream()
                .filter(purchase -> cancelled.contains(purchase.id().value()))
                .peek(purchase -> assertThat(purchase.orderDate()).isBetween(FIRST.minusDays(29), FIRST))
                .map(purchase -> purchase.id().value()).toList();
        assertThat(reversed).hasSize(ErpNightly.CANCELLED_NEXT_NIGHT);

        List<TierChanged> expected = nextNight(cancelled).changes();

        assertThat(expected).as("the second night changes some tiers").isNotEmpty();
        assertThat(output).contains(outboxLine(expected) + "\n" + tierLine(expected) + "\n");
        assertThat(changeLines(NEXT)).extracting(ErpNightlyExampleTest::describe)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(ErpNightlyExampleTest::describe).toList());
        long customers = base.customers().stream().filter(customer -> !customer.createdOn().isAfter(NEXT)).count();
        assertThat(output).contains(String.format(Locale.ROOT, "Run as of %s: COMPLETE, %,d customers", NEXT, customers));
    }

    /** The ERP's data as of the next night in memory, and the tier changes of that night. */
    private record NextNight(InMemoryStore store, List<TierChanged> changes) {
    }

    private static NextNight nextNight;

    /** The next night's store (built once), tiered as of the next night on top of the first night's tiers. */
    private static synchronized NextNight nextNight(Set<String> cancelled) {
        if (nextNight == null) {
            InMemoryStore store = InMemoryStore.create();
            base.customers().stream().filter(customer -> !customer.createdOn().isAfter(NEXT))
                    .forEach(store.customers()::save);
            base.purchases().stream().filter(purchase -> !purchase.orderDate().isAfter(NEXT))
                    .filter(purchase -> !cancelled.contains(purchase.id().value()))
                    .forEach(store.purchases()::record);
            base.interactions().stream().filter(interaction -> !SyntheticCustomerBase.day(interaction).isAfter(NEXT))
                    .forEach(store.interactions()::record);
            firstNight.customers().forEach(customer -> firstNight.tierAssignments().history(customer.id())
                    .forEach(store.tierAssignments()::record));
            loadComplaints(store.cases(), store.caseEvents(), NEXT);
            nextNight = new NextNight(store, changes(store, NEXT));
        }
        return nextNight;
    }

    /** The documents the ERP database does not count: the twins and those cancelled on the second night. */
    private static Set<String> cancelledDocuments() throws SQLException {
        Set<String> cancelled = new HashSet<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT doc_no FROM sales_document WHERE doc_status <> 'posted'")) {
            while (rows.next()) {
                cancelled.add(rows.getString(1));
            }
        }
        return cancelled;
    }

    @Test
    void theLateFirstResponseBreachesOnTheNightOfItsDayAndEveryEventIsTheEnginesOnce() {
        String first = section(FIRST);
        String next = section(NEXT);
        // Complaints are answered within 1 business hour, warned at 75%: T-1002, opened on Tuesday 10:00 and answered
        // at 12:30, warns at 10:45, breaches at 11:00 and is met late, all on the first night.
        assertThat(first).contains(
                "  T-1002|first_response|0|SlaWarning     C000009 due 2026-03-31T11:00, escalate to service_team_lead"
                        + "\n",
                "  T-1002|first_response|0|SlaBreached    C000009 due 2026-03-31T11:00, escalate to service_manager\n",
                "  T-1002|first_response|0|MilestoneMet   C000009 due 2026-03-31T11:00, met late\n");
        // T-1001, opened Monday 14:00: answered after 20 minutes of the hour; its solution, due within 24 business
        // hours (Monday 4, Tuesday 9, Wednesday 9, Thursday 2: Thursday 11:00), proposed on Tuesday.
        assertThat(first).contains(
                "  T-1001|first_response|0|MilestoneMet   C000002 due 2026-03-30T15:00, met on time\n",
                "  T-1001|solution|0|MilestoneMet         C000002 due 2026-04-02T11:00, met on time\n");
        assertThat(first).doesNotContain("T-1003", "T-1001|resolution");
        // The next night: T-1003, opened on Wednesday 16:30, unanswered by the end of the day; T-1001 resolved with
        // the customer's feedback; nothing of the first night again.
        assertThat(next).contains(
                "  T-1003|first_response|0|SlaWarning     C000007 due 2026-04-01T17:30, escalate to service_team_lead"
                        + "\n",
                "  T-1003|first_response|0|SlaBreached    C000007 due 2026-04-01T17:30, escalate to service_manager\n");
        // Its resolution, due within 48 business hours (Monday 4, Tuesday to Friday 36, Monday 8: 04-06 17:00).
        assertThat(next).contains(
                "  T-1001|resolution|0|MilestoneMet       C000002 due 2026-04-06T17:00, met on time\n");
        assertThat(next).doesNotContain("T-1002");

        // Every event is the engine's over the same complaints, as of the end of each day, and each is written once.
        Map<String, SlaEvent> byFirst = slaEvents(FIRST);
        Map<String, SlaEvent> byNext = slaEvents(NEXT);
        byNext.keySet().removeAll(byFirst.keySet());
        assertThat(slaKeys(first)).containsExactlyInAnyOrderElementsOf(byFirst.keySet());
        assertThat(slaKeys(next)).containsExactlyInAnyOrderElementsOf(byNext.keySet());
        assertThat(first).contains(slaOutboxLine(byFirst.values()) + "\n");
        assertThat(next).contains(slaOutboxLine(byNext.values()) + "\n");
        for (SlaEvent event : byFirst.values()) {
            assertThat(first).contains(event.customerId().value() + " due "
                    + LocalDateTime.ofInstant(event.dueAt(), ErpDatabase.ZONE) + ", ");
        }
        // Customers with a case by then; a row per case and per milestone of its 1-24-48 target on the first night.
        assertThat(first).contains(String.format(Locale.ROOT, "SLA as of %s: COMPLETE, 2 customers with a case, %d rows"
                + " written, %d SLA events\n", FIRST, 2 * (1 + 3), byFirst.size()));
        assertThat(next).contains(String.format(Locale.ROOT, "SLA as of %s: COMPLETE, 3 customers with a case,", NEXT));
        assertThat(next).contains(String.format(Locale.ROOT, " written, %d SLA events\n", byNext.size()));
    }

    @Test
    void theNextNightWritesTheSlaRowsWhoseValuesChanged() throws SQLException {
        // Each row written carries the day of the run that found its values: the next night's are those of 04-01.
        long written = count("SELECT COUNT(*) FROM crm_case_sla WHERE since = DATE '" + NEXT + "'")
                + count("SELECT COUNT(*) FROM crm_case_sla_milestone WHERE since = DATE '" + NEXT + "'");
        // At least T-1003's case and its three milestones are new.
        assertThat(written).isGreaterThanOrEqualTo(1 + 3);
        assertThat(section(NEXT)).contains(String.format(Locale.ROOT, "3 customers with a case, %,d rows written,",
                written));
    }

    @Test
    void eachNightsAgendaIsTheAgendaServicesPlanOfTheNextDay() throws SQLException {
        Policy policy = PolicyLoader.standard();
        Agenda firstPlan = AgendaService.of(policy, firstNight).plan(NEXT, NEXT);
        Agenda nextPlan = AgendaService.of(policy, nextNight(cancelledDocuments()).store())
                .plan(NEXT.plusDays(1), NEXT.plusDays(1));
        checkAgenda(section(FIRST), FIRST, firstPlan);
        checkAgenda(section(NEXT), NEXT, nextPlan);

        // T-1003 is open when 04-02 begins: no offer to C000007 then, which 04-01 planned; it waits, and says why.
        String c000007Offer = "  C000007  offer       monthly_message";
        assertThat(section(FIRST)).contains(c000007Offer);
        assertThat(section(NEXT)).doesNotContain(c000007Offer).contains("complaint_open 1");
        assertThat(count("SELECT COUNT(*) FROM crm_agenda_unscheduled WHERE agenda_day = DATE '" + NEXT.plusDays(1)
                + "' AND customer_id = 'C000007' AND rule_name = 'monthly_message' AND kind = 'complaint_open'"))
                .isEqualTo(1);
    }

    private static void checkAgenda(String section, LocalDate asOf, Agenda plan) throws SQLException {
        LocalDate day = asOf.plusDays(1);
        Set<String> customers = new HashSet<>();
        plan.planned().forEach(contact -> customers.add(contact.customerId().value()));
        plan.unscheduled().forEach(contact -> customers.add(contact.customerId().value()));
        assertThat(section).contains(String.format(Locale.ROOT, "Agenda as of %s: COMPLETE, %,d customers with a"
                + " contact, %,d rows written\n", asOf, customers.size(),
                plan.planned().size() + plan.unscheduled().size()));
        Map<String, Long> byOwner = new TreeMap<>();
        plan.planned().forEach(contact -> byOwner.merge(contact.rule().owner().key(), 1L, Long::sum));
        Map<String, Long> byKind = new TreeMap<>();
        plan.unscheduled().forEach(contact -> byKind.merge(contact.kind().key(), 1L, Long::sum));
        assertThat(section).contains(String.format(Locale.ROOT, "Tomorrow, %s: %,d contacts planned (%s),"
                + " %,d unscheduled (%s)\n", day, plan.planned().size(), joined(byOwner), plan.unscheduled().size(),
                joined(byKind)));
        // The rows are stored, too.
        assertThat(count("SELECT COUNT(*) FROM crm_agenda WHERE agenda_day = DATE '" + day + "'"))
                .isEqualTo(plan.planned().size());
        assertThat(count("SELECT COUNT(*) FROM crm_agenda_unscheduled WHERE agenda_day = DATE '" + day + "'"))
                .isEqualTo(plan.unscheduled().size());

        List<String> first = plan.planned().stream()
                .sorted(Comparator.comparing((PlannedContact contact) -> contact.customerId().value())
                        .thenComparing(contact -> contact.rule().name()))
                .limit(ErpNightly.AGENDA_SHOWN)
                .map(contact -> String.format(Locale.ROOT, "  %-8s %-11s %-22s %-7s %-11s %s-%s %s",
                        contact.customerId().value(), contact.rule().purpose().key(), contact.rule().name(),
                        contact.channel().key(), contact.owner(), contact.slot().localStart().toLocalTime(),
                        contact.slot().localEnd().toLocalTime(), contact.slot().customerZone()))
                .toList();
        assertThat(first).hasSize(ErpNightly.AGENDA_SHOWN);
        assertThat(section).contains(String.join("\n", first) + "\n");
    }

    private static String joined(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The SLA events {@link SlaEngine} finds as of the end of a day in the complaints the ERP held by then. */
    private static Map<String, SlaEvent> slaEvents(LocalDate asOf) {
        InMemoryStore complaints = InMemoryStore.create();
        loadComplaints(complaints.cases(), complaints.caseEvents(), asOf);
        SlaEngine engine = SlaEngine.of(PolicyLoader.standard());
        Instant end = asOf.plusDays(1).atStartOfDay(ErpDatabase.ZONE).toInstant();
        Map<String, SlaEvent> events = new LinkedHashMap<>();
        complaints.cases().forEach(serviceCase -> engine.events(engine.evaluate(serviceCase,
                complaints.caseEvents().findByCase(serviceCase.id()), Optional.empty(), end))
                .forEach(event -> events.put(event.key(), event)));
        return events;
    }

    private static List<String> slaKeys(String section) {
        return Pattern.compile("^  (T-\\S+\\|\\d+\\|\\w+) ", Pattern.MULTILINE).matcher(section).results()
                .map(result -> result.group(1)).toList();
    }

    private static String slaOutboxLine(Collection<SlaEvent> events) {
        return String.format(Locale.ROOT, "Outbox: %,d events drained: %,d SlaWarning, %,d SlaBreached,"
                + " %,d MilestoneMet", events.size(), events.stream().filter(SlaWarning.class::isInstance).count(),
                events.stream().filter(SlaBreached.class::isInstance).count(),
                events.stream().filter(MilestoneMet.class::isInstance).count());
    }

    /** The report of one night, from its heading to the next posting or the rerun. */
    private static String section(LocalDate night) {
        int start = output.indexOf("\nNight after " + night + ":");
        assertThat(start).isNotNegative();
        int end = output.indexOf("\nPosted on ", start);
        return output.substring(start, end < 0 ? output.indexOf("\nRerun as of ", start) : end);
    }

    @Test
    void aRerunOfTheCompleteDayWritesNothing() {
        assertThat(output).containsPattern("Rerun as of " + NEXT + ": the COMPLETE run started \\S+, 0 progress calls,"
                + " 0 events waiting in the outbox: nothing written");
    }

    @Test
    void drawsAProgressBarThatEndsFullOnEachNight() {
        for (LocalDate night : List.of(FIRST, NEXT)) {
            assertThat(progress).contains("\rtiering " + night + " [" + "#".repeat(30) + "]");
            assertThat(progress).contains("\rassessment " + night + " [" + "#".repeat(30) + "]");
            assertThat(progress).contains("\rsla " + night + " [" + "#".repeat(30) + "]");
            assertThat(progress).contains("\ragenda " + night + " [" + "#".repeat(30) + "]");
        }
        assertThat(output).doesNotContain("\r");
    }

    @Test
    void refusesADirectoryHoldingAnErpDatabaseAlready() {
        assertThatThrownBy(() -> ErpNightly.run(directory, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds an ERP database already");
    }

    @Test
    void theDatabaseGuideShowsTheExamplesPoolAndStore() throws IOException {
        String guide = Files.readString(Path.of(System.getProperty("crmkit.root.dir", ".."), "docs/database.md"));
        int section = guide.indexOf("## Example: crmkit in an existing ERP\n");
        assertThat(section).isNotNegative();
        int start = guide.indexOf("```java\n", section) + "```java\n".length();
        List<String> shown = guide.substring(start, guide.indexOf("```", start)).lines().map(String::strip)
                .filter(line -> !line.equals("...")).toList();
        List<String> source = Files.readAllLines(Path.of("src/main/java/org/crmkit/examples/erp/ErpNightly.java"))
                .stream().map(String::strip).toList();
        assertThat(shown).hasSizeGreaterThan(5);
        assertThat(source).containsAll(shown);
        assertThat(guide.substring(section)).contains("(`POOL_SIZE`)");
        assertThat(ErpNightly.POOL_SIZE).isEqualTo(5);
    }

    private static String outboxLine(List<TierChanged> changes) {
        return String.format(Locale.ROOT, "Outbox: %,d events drained: %,d assigned, %,d promotions, %,d demotions",
                changes.size(), count(changes, TierChanged.Direction.ASSIGNED),
                count(changes, TierChanged.Direction.PROMOTION), count(changes, TierChanged.Direction.DEMOTION));
    }

    /** @return the line of the tiers the customers changed to, counted independently of the example */
    private static String tierLine(List<TierChanged> changes) {
        return "Changed to: " + changes.stream()
                .collect(Collectors.groupingBy(change -> change.to().map(Tier::name).orElse("none"), TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static long count(List<TierChanged> changes, TierChanged.Direction direction) {
        return changes.stream().filter(change -> change.direction() == direction).count();
    }

    /** The report's change lines of a night, in the order shown. */
    private static List<MatchResult> changeLines(LocalDate night) {
        List<MatchResult> lines = new ArrayList<>();
        Matcher matcher = CHANGE.matcher(output);
        while (matcher.find()) {
            if (matcher.group(3).equals(night.toString())) {
                lines.add(matcher.toMatchResult());
            }
        }
        return lines;
    }

    private static String describe(MatchResult line) {
        return line.group(1) + " " + line.group(4) + " -> " + line.group(5) + " " + line.group(6);
    }

    private static String describe(TierChanged change) {
        return "tier-changed/" + change.customerId().value() + "/" + change.asOf() + " "
                + change.from().map(Tier::name).orElse("none") + " -> " + change.to().map(Tier::name).orElse("none")
                + " " + change.direction();
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + directory.toAbsolutePath().resolve("erp"));
    }
}
