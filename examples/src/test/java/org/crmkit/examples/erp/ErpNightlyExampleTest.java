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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.examples.SyntheticCustomerBase;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ERP example run into a temporary directory, its report checked against {@link TieringService}
 * on an in-memory store holding the same data: the base as posted, without the documents the ERP
 * database marks cancelled.
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
                .contains("table: sales_document", "column: doc_status", "in: [posted]", "table: v_contact");
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
        // What the ERP holds: customers, orders and contacts; no survey answers, which the mapping does not read.
        InMemoryStore erpData = InMemoryStore.create();
        base.loadInto(erpData.customers(), erpData.purchases(), erpData.interactions(), FIRST);
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
        Set<String> cancelled = new HashSet<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT doc_no FROM sales_document WHERE doc_status <> 'posted'")) {
            while (rows.next()) {
                cancelled.add(rows.getString(1));
            }
        }
        // The ten cancelled on the second night are original documents of the last 30 days, no twins.
        List<String> reversed = base.purchases().stream()
                .filter(purchase -> cancelled.contains(purchase.id().value()))
                .peek(purchase -> assertThat(purchase.orderDate()).isBetween(FIRST.minusDays(29), FIRST))
                .map(purchase -> purchase.id().value()).toList();
        assertThat(reversed).hasSize(ErpNightly.CANCELLED_NEXT_NIGHT);

        InMemoryStore nextNight = InMemoryStore.create();
        base.customers().stream().filter(customer -> !customer.createdOn().isAfter(NEXT))
                .forEach(nextNight.customers()::save);
        base.purchases().stream().filter(purchase -> !purchase.orderDate().isAfter(NEXT))
                .filter(purchase -> !cancelled.contains(purchase.id().value()))
                .forEach(nextNight.purchases()::record);
        base.interactions().stream().filter(interaction -> !SyntheticCustomerBase.day(interaction).isAfter(NEXT))
                .forEach(nextNight.interactions()::record);
        firstNight.customers().forEach(customer -> firstNight.tierAssignments().history(customer.id())
                .forEach(nextNight.tierAssignments()::record));
        List<TierChanged> expected = changes(nextNight, NEXT);

        assertThat(expected).as("the second night changes some tiers").isNotEmpty();
        assertThat(output).contains(outboxLine(expected) + "\n" + tierLine(expected) + "\n");
        assertThat(changeLines(NEXT)).extracting(ErpNightlyExampleTest::describe)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(ErpNightlyExampleTest::describe).toList());
        long customers = base.customers().stream().filter(customer -> !customer.createdOn().isAfter(NEXT)).count();
        assertThat(output).contains(String.format(Locale.ROOT, "Run as of %s: COMPLETE, %,d customers", NEXT, customers));
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
