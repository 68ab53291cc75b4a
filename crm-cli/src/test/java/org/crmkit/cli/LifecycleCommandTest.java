package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm lifecycle} on the lifecycle fixtures, as of 2026-03-31 (metrics over 2025-04-01..2026-03-31),
 * every expectation worked out by hand from the standard policy's lifecycle and relationship
 * sections:
 * <ul>
 *   <li>c-01, created 2026-01-10, no order, one inquiry: acquisition (no purchase yet), no level,
 *       transactional, tier potential;
 *   <li>c-02, two orders in 2024, the last 654 days ago: churned, flagged for win-back (a repeat
 *       buyer); level trust (bought again, no open breach);
 *   <li>c-03, one order 576 days ago: churned, not flagged (bought once), no level;
 *   <li>c-04, 10000.00 in each of the last four quarters, one of them a service, a promoter answer
 *       (nps 9), a complaint resolved and closed in time: maturity (no trend, no risk); level
 *       emotion (trust, value-added service, promoter); relational (26 months, 4 active quarters);
 *   <li>c-05, 2500.00 in May and in June 2025, 10000.00 in February and in March 2026 (and an order
 *       after the as-of day): growth (trend +3 from the earlier half of the window to the later,
 *       over 4 orders); level trust; relational (25 months, 4 orders in the window);
 *   <li>c-06, 50000.00 in April and in May 2025, then nothing for 330 days (30-day gap: recency
 *       ratio 11, risk 1), the later half empty (trend risk 1), CSAT from 5 to 3 (risk 0.5), an
 *       open complaint with breached milestones (risk 1): churn risk (0.25 + 0.15 + 0.15 + 0.05)
 *       / 0.65 = 0.9231, decline, high risk; no level (a breach is open);
 *   <li>c-07, strategic agreement, consulting and hardware, an event: maturity, level vision,
 *       strategic;
 *   <li>c-08, created 2026-01-05, first order 44 days ago: acquisition;
 *   <li>c-09 is created after the as-of day and left out.
 * </ul>
 * Stages and churn risks of buyers also depend on the purchase model (P(alive) is a churn factor
 * and a churn rule): the tests that pin them run under the standard policy without P(alive) in its
 * lifecycle rules, so they hold whatever model the command uses.
 */
class LifecycleCommandTest {
    private static final List<String> IDS = List.of("c-01", "c-02", "c-03", "c-04", "c-05", "c-06", "c-07", "c-08");

    @TempDir
    Path dir;

    private Path withoutPAlive;

    @BeforeEach
    void writePolicyWithoutPAlive() throws IOException {
        String standard = PolicyLoader.standardText();
        String text = standard
                .replace("id: standard", "id: standard-without-p-alive")
                .replace("weights: {p_alive: 0.35,", "weights: {p_alive: 0,")
                .replace("when: {any: [{days_since_last_purchase: {gte: 365}}, {p_alive: {lt: 0.2}}]}",
                        "when: {days_since_last_purchase: {gte: 365}}");
        assertThat(text).as("the standard policy still reads as this test expects")
                .doesNotContain("p_alive: 0.35").doesNotContain("p_alive: {lt");
        withoutPAlive = Files.writeString(dir.resolve("without-p-alive.yaml"), text);
    }

    private static List<String> allFiles(String... extra) {
        List<String> args = new ArrayList<>(List.of("lifecycle",
                "--customers", CrmRun.lifecycleFixture("customers.csv"),
                "--orders", CrmRun.lifecycleFixture("orders.csv"),
                "--interactions", CrmRun.lifecycleFixture("interactions.csv"),
                "--surveys", CrmRun.lifecycleFixture("surveys.csv"),
                "--complaints", CrmRun.lifecycleFixture("complaints.csv"),
                "--events", CrmRun.lifecycleFixture("complaint_events.csv"),
                "--as-of", "2026-03-31"));
        args.addAll(List.of(extra));
        return args;
    }

    private static CrmRun lifecycle(String... extra) {
        return CrmRun.of(allFiles(extra).toArray(String[]::new));
    }

    private CrmRun pinned(String... extra) {
        List<String> args = allFiles(extra);
        args.addAll(List.of("--policy", withoutPAlive.toString()));
        return CrmRun.of(args.toArray(String[]::new));
    }

    private static CrmRun without(String option, String... extra) {
        List<String> args = allFiles(extra);
        int at = args.indexOf(option);
        args.remove(at + 1);
        args.remove(at);
        return CrmRun.of(args.toArray(String[]::new));
    }

    /** Standard output's lines as JSON, numbers exact. */
    private static List<JsonNode> json(CrmRun run) {
        return run.exactJson();
    }

    private static JsonNode line(CrmRun run, String id) {
        return json(run).stream().filter(line -> line.get("customer_id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + id + " in " + run.out()));
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }

    private static List<String> reasons(JsonNode line) {
        return StreamSupport.stream(line.get("reasons").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static BigDecimal decimal(JsonNode node) {
        assertThat(node.isBigDecimal()).as("a decimal number: %s", node).isTrue();
        return node.decimalValue();
    }

    @Test
    void printsOneLinePerCustomerWhoExistedOnTheDayInAscendingIdOrder() {
        CrmRun run = lifecycle();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(json(run)).extracting(line -> line.get("customer_id").asText()).containsExactlyElementsOf(IDS);
    }

    @Test
    void everyLineHasTheRequiredFieldsFirstThenTheExtras() {
        JsonNode line = line(lifecycle(), "c-04");

        assertThat(line.fieldNames()).toIterable().containsExactly("customer_id", "stage", "relationship_level",
                "relationship_type", "churn_risk", "reasons", "as_of", "policy", "win_back", "high_risk", "p_alive",
                "clv", "value_at_risk", "currency", "tier", "rfm", "abc");
        assertThat(line.get("churn_risk").isNumber()).as("churn_risk is a JSON number").isTrue();
        assertThat(line.get("value_at_risk").isNumber()).isTrue();
        assertThat(line.get("reasons").isArray()).isTrue();
        assertThat(line.get("as_of").asText()).isEqualTo("2026-03-31");
        assertThat(line.get("policy").asText()).isEqualTo("standard@2026.1");
        assertThat(line.get("currency").asText()).isEqualTo("CNY");
        assertThat(line.get("win_back").isBoolean()).isTrue();
        assertThat(line.get("high_risk").isBoolean()).isTrue();
    }

    @Test
    void relationshipLevelsAndTypesFollowTheEvidenceOfTheStandardPolicy() {
        CrmRun run = lifecycle();

        assertThat(json(run)).extracting(line -> text(line.get("relationship_level")))
                .containsExactly(null, "trust", null, "emotion", "trust", null, "vision", null);
        assertThat(json(run)).extracting(line -> line.get("relationship_type").asText())
                .containsExactly("transactional", "transactional", "transactional", "relational", "relational",
                        "transactional", "strategic", "transactional");
    }

    @Test
    void aProspectIsInAcquisitionWithoutRiskSegmentsOrPurchaseModelValues() {
        JsonNode prospect = line(lifecycle(), "c-01");

        assertThat(prospect.get("stage").asText()).isEqualTo("acquisition");
        assertThat(prospect.get("relationship_level").isNull()).isTrue();
        assertThat(decimal(prospect.get("churn_risk"))).isZero();
        assertThat(prospect.get("high_risk").asBoolean()).isFalse();
        assertThat(prospect.get("win_back").asBoolean()).isFalse();
        assertThat(prospect.get("p_alive").isNull()).isTrue();
        assertThat(prospect.get("clv").isNull()).isTrue();
        assertThat(decimal(prospect.get("value_at_risk"))).isZero();
        assertThat(prospect.get("tier").asText()).isEqualTo("potential");
        assertThat(prospect.get("rfm").isNull()).as("no RFM score without a purchase").isTrue();
        assertThat(prospect.get("abc").asText()).isEqualTo("C");
        assertThat(reasons(prospect)).contains("level none", "abc C");
    }

    @Test
    void customersWithoutAPurchaseForAYearAreChurnedAndRepeatBuyersFlaggedForWinBack() {
        CrmRun run = lifecycle();

        JsonNode lapsed = line(run, "c-02");
        assertThat(lapsed.get("stage").asText()).isEqualTo("churned");
        assertThat(lapsed.get("win_back").asBoolean()).isTrue();
        assertThat(lapsed.get("high_risk").asBoolean()).as("churned customers are past the early warning").isFalse();
        assertThat(reasons(lapsed)).contains("flagged for win-back");
        JsonNode oneOff = line(run, "c-03");
        assertThat(oneOff.get("stage").asText()).isEqualTo("churned");
        assertThat(oneOff.get("win_back").asBoolean()).isFalse();
        assertThat(reasons(oneOff)).doesNotContain("flagged for win-back");
    }

    @Test
    void buyersHaveTiersRfmCodesAndAbcClassesBySpendInTheWindow() {
        CrmRun run = lifecycle();

        assertThat(json(run)).extracting(line -> text(line.get("tier")))
                .containsExactly("potential", null, null, "important", "basic", "important", "important", "basic");
        // Spend 0, 0, 0, 40000, 25000, 100000, 120000, 5000 of 290000: c-07 and c-06 are above no one
        // holding 70%, c-04 and c-05 below 90%.
        assertThat(json(run)).extracting(line -> line.get("abc").asText())
                .containsExactly("C", "C", "C", "B", "B", "A", "A", "C");
        assertThat(json(run)).filteredOn(line -> !line.get("customer_id").asText().equals("c-01"))
                .allSatisfy(buyer -> assertThat(buyer.get("rfm").asText()).matches("[1-5]{3}"));
    }

    @Test
    void stagesAndChurnRisksAsWorkedOutByHand() {
        CrmRun run = pinned();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(json(run)).extracting(line -> line.get("stage").asText()).containsExactly("acquisition",
                "churned", "churned", "maturity", "growth", "decline", "maturity", "acquisition");
        // c-02: recency ratio 654 / 157 gives risk 1 at weight 0.25; bought only before the window, so
        // the trend is -1 (risk 1 at 0.15); no complaint: (0.25 + 0.15) / 0.55. c-03: one order before
        // the window, no recency ratio: trend risk 1 at 0.15 and complaints 0 at 0.15: 0.5.
        assertThat(json(run)).extracting(line -> decimal(line.get("churn_risk"))).containsExactly(
                new BigDecimal("0.0000"), new BigDecimal("0.7273"), new BigDecimal("0.5000"), new BigDecimal("0.0000"),
                new BigDecimal("0.0000"), new BigDecimal("0.9231"), new BigDecimal("0.0000"), new BigDecimal("0.0000"));
        assertThat(json(run)).extracting(line -> line.get("high_risk").asBoolean())
                .containsExactly(false, false, false, false, false, true, false, false);
        List<String> fading = reasons(line(run, "c-06"));
        assertThat(fading.get(0)).startsWith("stage decline: ");
        assertThat(fading).contains("churn risk 0.9231 (high)");
        assertThat(line(run, "c-06").get("policy").asText()).isEqualTo("standard-without-p-alive@2026.1");
    }

    @Test
    void withoutTheComplaintFilesAnOpenBreachNeitherRaisesTheRiskNorWithholdsTrust() {
        List<String> args = allFiles("--policy", withoutPAlive.toString());
        for (String option : List.of("--complaints", "--events")) {
            int at = args.indexOf(option);
            args.remove(at + 1);
            args.remove(at);
        }

        JsonNode fading = line(CrmRun.of(args.toArray(String[]::new)), "c-06");

        // (0.25 + 0.15 + 0 + 0.05) / 0.65
        assertThat(decimal(fading.get("churn_risk"))).isEqualTo(new BigDecimal("0.6923"));
        assertThat(fading.get("stage").asText()).isEqualTo("decline");
        assertThat(fading.get("relationship_level").asText()).isEqualTo("trust");
    }

    @Test
    void withoutTheSurveysFileThereIsNoPromoterAndNoFallingSatisfaction() {
        CrmRun run = without("--surveys", "--policy", withoutPAlive.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(line(run, "c-04").get("relationship_level").asText()).isEqualTo("value");
        // Recency, trend and complaints, each at full risk.
        assertThat(decimal(line(run, "c-06").get("churn_risk"))).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void summaryOnStandardErrorCountsStagesNamesHighRiskIdsAndShowsAbcAndTheModel() {
        CrmRun run = pinned();

        List<String> err = run.errLines();
        assertThat(err).startsWith(
                "crm lifecycle: 8 customers as of 2026-03-31, policy standard-without-p-alive@2026.1, metrics over"
                        + " 2025-04-01..2026-03-31",
                "  stage       customers   share",
                "  acquisition         2   25.0%",
                "  growth              1   12.5%",
                "  maturity            2   25.0%",
                "  decline             1   12.5%",
                "  churned             2   25.0%");
        String highRisk = "crm lifecycle: high risk: 1 customer (churn risk >= 0.6, not churned); largest value at"
                + " risk first: c-06 (";
        assertThat(err.get(7)).startsWith(highRisk).endsWith(" CNY)");
        BigDecimal shown = new BigDecimal(err.get(7).substring(highRisk.length(), err.get(7).length() - " CNY)".length()));
        assertThat(shown).isEqualByComparingTo(decimal(line(run, "c-06").get("value_at_risk")));
        assertThat(err.subList(8, 12)).containsExactly(
                "crm lifecycle: win-back: 1 churned customer flagged",
                "crm lifecycle: ABC classes by spend in the window:",
                "  A: 2 customers (25.00%), 75.86% of spend",
                "  B: 2 customers (25.00%), 22.41% of spend");
        assertThat(err.get(12)).isEqualTo("  C: 4 customers (50.00%), 1.72% of spend");
        assertThat(err.subList(13, err.size())).isNotEmpty()
                .allSatisfy(note -> assertThat(note).startsWith("crm lifecycle: model: "));
        assertThat(run.err()).doesNotContain("Steady Supplies", "Fading Factory", "Prospect One");
    }

    @Test
    void summaryNamesTheFiveLargestValuesAtRiskAndCountsTheRest() throws IOException {
        StringBuilder customers = new StringBuilder("customer_id,name,created_on\n");
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (int i = 1; i <= 7; i++) {
            customers.append("c-").append(i).append(",Customer ").append(i).append(",2024-01-01\n");
            // Two orders a month apart early in the window, then nothing: recency and trend at full risk.
            orders.append("o-").append(i).append("a,c-").append(i).append(",2025-04-10,").append(i * 1000).append(",CNY\n");
            orders.append("o-").append(i).append("b,c-").append(i).append(",2025-05-10,").append(i * 1000).append(",CNY\n");
        }
        CrmRun run = CrmRun.of("lifecycle", "--customers", Files.writeString(dir.resolve("c.csv"), customers).toString(),
                "--orders", Files.writeString(dir.resolve("o.csv"), orders).toString(), "--as-of", "2026-03-31",
                "--policy", withoutPAlive.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(json(run)).allSatisfy(line -> assertThat(line.get("high_risk").asBoolean()).isTrue());
        assertThat(run.errLines()).anySatisfy(line -> assertThat(line)
                .startsWith("crm lifecycle: high risk: 7 customers (churn risk >= 0.6, not churned); largest value at"
                        + " risk first: c-7 (")
                .containsSubsequence("c-7 (", "c-6 (", "c-5 (", "c-4 (", "c-3 (")
                .doesNotContain("c-2 (", "c-1 (")
                .endsWith(" and 2 more"));
    }

    @Test
    void csvHasTheSameFieldsAsColumnsAndJoinsTheReasons() throws IOException {
        CrmRun jsonLines = lifecycle();
        CrmRun csv = lifecycle("--format", "csv");

        assertThat(csv.status()).isZero();
        assertThat(csv.outLines().get(0)).isEqualTo("customer_id,stage,relationship_level,relationship_type,churn_risk,"
                + "reasons,as_of,policy,win_back,high_risk,p_alive,clv,value_at_risk,currency,tier,rfm,abc");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv.out())) {
            it.forEachRemaining(rows::add);
        }
        List<String> header = rows.get(0);
        assertThat(rows).hasSize(1 + IDS.size());
        for (int i = 0; i < IDS.size(); i++) {
            JsonNode expected = json(jsonLines).get(i);
            List<String> row = rows.get(i + 1);
            for (int column = 0; column < header.size(); column++) {
                JsonNode value = expected.get(header.get(column));
                String cell = value.isNull() ? "" : value.isArray()
                        ? String.join(" | ", StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                                .toList())
                        : value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
                assertThat(row.get(column)).as("%s of %s", header.get(column), IDS.get(i)).isEqualTo(cell);
            }
        }
        assertThat(rows.get(1).subList(0, 5)).containsExactly("c-01", "acquisition", "", "transactional", "0.0000");
    }

    @Test
    void numbersAreWrittenExactlyAsComputed() {
        CrmRun run = pinned();

        assertThat(run.outLines().get(1)).contains("\"churn_risk\":0.7273,");
        assertThat(run.outLines().get(0)).contains("\"churn_risk\":0.0000,", "\"p_alive\":null,\"clv\":null,"
                + "\"value_at_risk\":0.00,");
    }

    @Test
    void asOfDefaultsToTodayInThePolicysTimeZone() {
        List<String> args = allFiles();
        int at = args.indexOf("--as-of");
        args.remove(at + 1);
        args.remove(at);

        CrmRun run = CrmRun.of(args.toArray(String[]::new));

        assertThat(run.status()).isZero();
        assertThat(json(run)).allSatisfy(line -> assertThat(line.get("as_of").asText()).isEqualTo("2026-03-31"));
    }
}
