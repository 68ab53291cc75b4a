package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TierCustomPolicyTest {
    /** Two tiers in CNY over the trailing 90 days, with demotion grace that the stateless CLI cannot apply. */
    private static final String GOLD_SILVER = """
            id: gold-silver
            version: "3"
            effective_from: 2025-01-01
            currency: CNY
            time_zone: Europe/Berlin
            window:
              trailing_days: 90
            tiering:
              demotion_grace: {evaluations: 2}
              expected_shares:
                gold: 0.25
            tiers:
              - name: gold
                when:
                  spend: {gte: 20000}
              - name: silver
                when:
                  any:
                    - orders: {gte: 1}
                    - strategic_agreement: true
            """;

    /** The fixture's orders are in CNY; this policy counts in USD over the trailing 90 days. */
    private static final String IN_DOLLARS = """
            id: dollars
            version: "1"
            effective_from: 2025-01-01
            currency: USD
            exchange_rates: {CNY: "0.1377"}
            time_zone: Europe/Berlin
            window:
              trailing_days: 90
            tiers:
              - name: gold
                when:
                  spend: {gte: 4000}
              - name: silver
                when:
                  orders: {gte: 1}
            """;

    @TempDir
    Path dir;

    private CrmRun tier(Path policy) {
        return CrmRun.of("tier", "--customers", CrmRun.fixture("customers.csv"), "--orders",
                CrmRun.fixture("orders.csv"), "--policy", policy.toString(), "--as-of", "2026-03-31");
    }

    @Test
    void decidesWithTheRulesWindowAndReferenceOfTheGivenPolicy() throws IOException {
        Path policy = Files.writeString(dir.resolve("gold-silver.yaml"), GOLD_SILVER);

        CrmRun run = tier(policy);

        assertThat(run.status()).isZero();
        // 90 days up to 2026-03-31 start on 2026-01-01: c-001 spent 30000, c-002 50000, c-003 12000.50.
        assertThat(run.json()).extracting(line -> line.get("tier").isNull() ? null : line.get("tier").asText())
                .containsExactly("gold", "gold", "silver", null, null);
        assertThat(run.json()).allSatisfy(line -> assertThat(line.get("policy").asText()).isEqualTo("gold-silver@3"));
        assertThat(run.json().get(0).get("metrics").get("spend").asText()).isEqualTo("30000.00");
        assertThat(run.json().get(2).get("reasons").get(1).asText())
                .isEqualTo("rule silver matched: any of: orders 1 >= 1 met or strategic_agreement false = true not met");
    }

    @Test
    void summaryNotesThatDemotionGraceIsNotAppliedAndShowsOnlyStatedShares() throws IOException {
        Path policy = Files.writeString(dir.resolve("gold-silver.yaml"), GOLD_SILVER);

        CrmRun run = tier(policy);

        assertThat(run.errLines()).containsExactly(
                "crm tier: note: the policy's demotion_grace needs tier history, which crm tier does not keep;"
                        + " tiers come from the rules alone",
                "crm tier: 5 customers as of 2026-03-31, policy gold-silver@3, metrics over 2026-01-01..2026-03-31",
                "  tier      customers   share  expected",
                "  gold              2   40.0%     25.0%",
                "  silver            1   20.0%         -",
                "  (no tier)         2   40.0%         -");
    }

    @Test
    void jsonPolicyFilesAreReadAsJson() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.json"), """
                {"id": "json-policy", "version": "1", "effective_from": "2026-01-01", "currency": "CNY",
                 "time_zone": "Asia/Shanghai", "tiers": [{"name": "any", "when": {"orders": {"gte": 1}}}]}
                """);

        CrmRun run = tier(policy);

        assertThat(run.status()).isZero();
        assertThat(run.json()).extracting(line -> line.get("policy").asText()).containsOnly("json-policy@1");
    }

    @Test
    void invalidPolicyExitsWithTwoAndItsLocatedMessageAndNoOutput() throws IOException {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), GOLD_SILVER.replace("currency: CNY", "currency: XYZ"));

        CrmRun run = tier(policy);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "Invalid policy: " + policy + ":4: currency: unknown ISO-4217 currency 'XYZ'");
    }

    @Test
    void missingPolicyFileExitsWithTwo() {
        Path missing = dir.resolve("nope.yaml");

        CrmRun run = tier(missing);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("Invalid policy: " + missing + ": no such file");
    }

    @Test
    void ordersInAnotherCurrencyThanThePolicysAreRejectedNotConverted() throws IOException {
        Path policy = Files.writeString(dir.resolve("usd.yaml"), GOLD_SILVER.replace("currency: CNY", "currency: USD"));

        CrmRun run = tier(policy);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        String orders = CrmRun.fixture("orders.csv");
        assertThat(run.errLines()).hasSize(9).first().isEqualTo(orders + ":2: column 'currency': currency CNY does not"
                + " match the policy's currency USD and the policy has no exchange rate for CNY");
        assertThat(run.errLines()).last().isEqualTo("crm tier: 8 errors in the input files, nothing written");
    }

    @Test
    void convertsEachOrderAtThePolicysRateRoundingHalfEvenToCents() throws IOException {
        Path policy = Files.writeString(dir.resolve("dollars.yaml"), IN_DOLLARS);

        CrmRun run = tier(policy);

        assertThat(run.status()).isZero();
        // 30000.00 x 0.1377 = 4131.00; 50000.00 x 0.1377 = 6885.00; 12000.50 x 0.1377 = 1652.46885 -> 1652.47
        assertThat(run.json()).extracting(line -> line.get("customer_id").asText() + " "
                + line.get("metrics").get("spend").asText() + " " + line.get("tier").asText())
                .containsExactly("c-001 4131.00 gold", "c-002 6885.00 gold", "c-003 1652.47 silver",
                        "c-004 0.00 null", "c-005 0.00 null");
    }

    @Test
    void anOrderInACurrencyWithoutARateIsAProblemNamingTheCurrencyAndTheDay() throws IOException {
        Path policy = Files.writeString(dir.resolve("euros.yaml"), IN_DOLLARS.replace("CNY: \"0.1377\"", "EUR: \"1.08\""));

        CrmRun run = tier(policy);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo(CrmRun.fixture("orders.csv") + ":2: column 'currency': no"
                + " exchange rate from CNY to the policy's currency USD on 2025-05-10");
    }
}
