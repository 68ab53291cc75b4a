package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm tier} converts orders in other currencies with the policy's fixed exchange rates. */
class TierExchangeRatesTest {
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
