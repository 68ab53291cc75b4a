package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TierCommandTest {
    private static final String CUSTOMERS = CrmRun.fixture("customers.csv");
    private static final String ORDERS = CrmRun.fixture("orders.csv");
    private static final String INTERACTIONS = CrmRun.fixture("interactions.csv");

    private static CrmRun tier(String... extra) {
        List<String> args = new ArrayList<>(List.of("tier", "--customers", CUSTOMERS, "--orders", ORDERS,
                "--interactions", INTERACTIONS));
        args.addAll(List.of(extra));
        return CrmRun.of(args.toArray(String[]::new));
    }

    private static List<String> reasons(JsonNode line) {
        return StreamSupport.stream(line.get("reasons").spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void printsOneJsonLinePerCustomerInAscendingIdOrder() {
        CrmRun run = tier("--as-of", "2026-03-31");

        assertThat(run.status()).isZero();
        assertThat(run.json()).extracting(line -> line.get("customer_id").asText())
                .containsExactly("c-001", "c-002", "c-003", "c-004", "c-005");
        assertThat(run.json()).extracting(line -> line.get("tier").isNull() ? null : line.get("tier").asText())
                .containsExactly("core", "important", "basic", "potential", null);
    }

    @Test
    void coreCustomerHasSpendAndActiveQuartersAsReasonsAndItsMetrics() {
        JsonNode core = tier("--as-of", "2026-03-31").json().get(0);

        assertThat(core.get("tier").asText()).isEqualTo("core");
        assertThat(reasons(core)).containsExactly(
                "rule core matched: spend 110000.00 >= 100000 met; active_quarters 3 >= 3 met");
        assertThat(core.get("as_of").asText()).isEqualTo("2026-03-31");
        assertThat(core.get("policy").asText()).isEqualTo("standard@2026.1");
        JsonNode metrics = core.get("metrics");
        assertThat(metrics.get("spend").isTextual()).as("spend is a decimal string").isTrue();
        assertThat(metrics.get("spend").asText()).isEqualTo("110000.00");
        assertThat(metrics.get("currency").asText()).isEqualTo("CNY");
        assertThat(metrics.get("orders").asInt()).isEqualTo(3);
        assertThat(metrics.get("active_quarters").asInt()).isEqualTo(3);
        assertThat(metrics.get("inquiries").asInt()).isZero();
        assertThat(metrics.get("tenure_months").asInt()).isEqualTo(26);
        assertThat(metrics.get("strategic_agreement").asBoolean()).isTrue();
        assertThat(metrics.get("last_purchase").asText()).isEqualTo("2026-02-01");
    }

    @Test
    void bigSpenderWithOnlyTwoActiveQuartersIsImportantNotCore() {
        JsonNode important = tier("--as-of", "2026-03-31").json().get(1);

        assertThat(important.get("customer_id").asText()).isEqualTo("c-002");
        assertThat(important.get("tier").asText()).isEqualTo("important");
        assertThat(reasons(important)).containsExactly(
                "rule core not matched: spend 150000.00 >= 100000 met; active_quarters 2 >= 3 not met",
                "rule important matched: spend 150000.00 >= 30000 met");
        assertThat(important.get("metrics").get("spend").asText()).isEqualTo("150000.00");
    }

    @Test
    void smallSpenderIsBasicAndOrdersAfterTheAsOfDayDoNotCount() {
        JsonNode basic = tier("--as-of", "2026-03-31").json().get(2);

        assertThat(basic.get("tier").asText()).isEqualTo("basic");
        assertThat(reasons(basic)).last().isEqualTo("rule basic matched: spend 12000.50 > 0 met");
        assertThat(basic.get("metrics").get("spend").asText()).isEqualTo("12000.50");
        assertThat(basic.get("metrics").get("orders").asInt()).isEqualTo(1);
        assertThat(basic.get("metrics").get("last_purchase").asText()).isEqualTo("2026-03-02");
    }

    @Test
    void customerWithOnlyAnInquiryIsPotential() {
        JsonNode potential = tier("--as-of", "2026-03-31").json().get(3);

        assertThat(potential.get("tier").asText()).isEqualTo("potential");
        assertThat(reasons(potential)).last().isEqualTo("rule potential matched: spend 0.00 = 0 met; inquiries 1 >= 1 met");
        assertThat(potential.get("metrics").get("inquiries").asInt()).isEqualTo(1);
        assertThat(potential.get("metrics").get("last_purchase").isNull()).isTrue();
    }

    @Test
    void customerWithoutPurchasesOrInquiriesInTheWindowHasNullTierAndSaysWhy() {
        JsonNode none = tier("--as-of", "2026-03-31").json().get(4);

        assertThat(none.get("customer_id").asText()).isEqualTo("c-005");
        assertThat(none.has("tier")).isTrue();
        assertThat(none.get("tier").isNull()).isTrue();
        assertThat(reasons(none)).containsExactly(
                "rule core not matched: spend 0.00 >= 100000 not met; active_quarters 0 >= 3 not met",
                "rule important not matched: spend 0.00 >= 30000 not met",
                "rule basic not matched: spend 0.00 > 0 not met",
                "rule potential not matched: spend 0.00 = 0 met; inquiries 0 >= 1 not met",
                "no rule matched: no tier");
        assertThat(none.get("metrics").get("last_purchase").asText()).isEqualTo("2024-12-01");
    }

    @Test
    void everyLineHasTheFieldsInTheDocumentedOrder() {
        JsonNode line = tier("--as-of", "2026-03-31").json().get(0);

        assertThat(line.fieldNames()).toIterable()
                .containsExactly("customer_id", "tier", "reasons", "as_of", "policy", "metrics");
        assertThat(line.get("metrics").fieldNames()).toIterable().containsExactly("spend", "currency", "orders",
                "active_quarters", "inquiries", "tenure_months", "strategic_agreement", "last_purchase");
    }

    @Test
    void withoutInteractionsTheProspectHasNoTier() {
        CrmRun run = CrmRun.of("tier", "--customers", CUSTOMERS, "--orders", ORDERS, "--as-of", "2026-03-31");

        assertThat(run.status()).isZero();
        JsonNode prospect = run.json().get(3);
        assertThat(prospect.get("customer_id").asText()).isEqualTo("c-004");
        assertThat(prospect.get("tier").isNull()).isTrue();
        // Without an interactions file the inquiries are unknown (null), not 0, and the reasons say so.
        assertThat(prospect.get("metrics").get("inquiries").isNull()).isTrue();
        assertThat(reasons(prospect)).containsExactly(
                "rule core not matched: spend 0.00 >= 100000 not met; active_quarters 0 >= 3 not met",
                "rule important not matched: spend 0.00 >= 30000 not met",
                "rule basic not matched: spend 0.00 > 0 not met",
                "rule potential not matched: spend 0.00 = 0 met; inquiries unknown >= 1 not met",
                "no rule matched: no tier",
                "inquiries unknown: the source has no interactions data");
        // Buyers keep their tier, and their reasons do not mention the inquiries.
        assertThat(run.json().get(0).get("tier").asText()).isEqualTo("core");
        assertThat(reasons(run.json().get(0))).containsExactly(
                "rule core matched: spend 110000.00 >= 100000 met; active_quarters 3 >= 3 met");
        assertThat(run.json().get(0).get("metrics").get("inquiries").isNull()).isTrue();
    }

    @Test
    void summaryOnStandardErrorCountsTiersNextToTheExpectedShares() {
        CrmRun run = tier("--as-of", "2026-03-31");

        assertThat(run.errLines()).containsExactly(
                "crm tier: 5 customers as of 2026-03-31, policy standard@2026.1, metrics over 2025-04-01..2026-03-31",
                "  tier      customers   share  expected",
                "  core              1   20.0%     10.0%",
                "  important         1   20.0%     30.0%",
                "  basic             1   20.0%     40.0%",
                "  potential         1   20.0%     20.0%",
                "  (no tier)         1   20.0%         -");
    }

    @Test
    void asOfDefaultsToTodayInThePolicysTimeZoneFromTheClock() {
        // 17:00 UTC on 31 March is already 1 April in Shanghai, the standard policy's zone.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-03-31T17:00:00Z"), ZoneOffset.UTC);

        CrmRun run = CrmRun.with(lateEvening, "tier", "--customers", CUSTOMERS, "--orders", ORDERS);

        assertThat(run.status()).isZero();
        assertThat(run.json()).allSatisfy(line -> assertThat(line.get("as_of").asText()).isEqualTo("2026-04-01"));
        assertThat(run.errLines().get(0)).contains("as of 2026-04-01");
    }

    @Test
    void asOfBeforeThePolicyTakesEffectIsDecidedWithAWarning() {
        CrmRun run = tier("--as-of", "2025-12-31");

        assertThat(run.status()).isZero();
        assertThat(run.errLines().get(0)).isEqualTo(
                "crm tier: warning: as-of date 2025-12-31 is before the policy's effective_from 2026-01-01");
        // c-004 is created on 2026-01-05: on 2025-12-31 it is not a customer yet.
        assertThat(run.json()).extracting(line -> line.get("customer_id").asText())
                .containsExactly("c-001", "c-002", "c-003", "c-005");
        assertThat(run.json()).extracting(line -> line.get("tier").isNull() ? null : line.get("tier").asText())
                .containsExactly("important", "important", null, null);
    }

    @Test
    void asOfOnOrAfterEffectiveFromGivesNoWarning() {
        assertThat(tier("--as-of", "2026-01-01").err()).doesNotContain("warning");
    }

    @Test
    void customersWithoutAnyOrderStillGetALine(@TempDir Path dir) throws IOException {
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, "order_id,customer_id,order_date,amount,currency\n");

        CrmRun run = CrmRun.of("tier", "--customers", CUSTOMERS, "--orders", orders.toString(), "--as-of",
                "2026-03-31");

        assertThat(run.status()).isZero();
        assertThat(run.json()).hasSize(5).allSatisfy(line -> assertThat(line.get("tier").isNull()).isTrue());
        assertThat(run.errLines()).contains("  (no tier)         5  100.0%         -");
    }
}
