package org.crmkit.benchmarks;

import org.crmkit.rules.tiering.TieringPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's data and its anchor: DuckDB's tiers over {@link TierData}'s files are those of
 * crm-core's {@link MetricsCalculator} and crm-rules' {@link TierEngine} over the same records, and
 * the data has about the plan's shares of tiers.
 */
class DuckDbTiersTest {
    private static final LocalDate AS_OF = TierData.AS_OF;
    private static final int CUSTOMERS = 3_000;

    @TempDir
    static Path dir;
    private static Map<String, String> duckDb;
    private static Map<String, String> crmkit;

    @BeforeAll
    static void tierBothWays() throws Exception {
        TierData.write(dir, CUSTOMERS, TierData.SEED);
        Path output = dir.resolve("duckdb.csv");
        DuckDbTiers.run(dir, AS_OF, output, "256MB");
        duckDb = new TreeMap<>();
        for (String line : Files.readAllLines(output)) {
            int comma = line.lastIndexOf(',');
            duckDb.put(line.substring(0, comma), line.substring(comma + 1));
        }
        crmkit = reference();
    }

    @Test
    void duckDbGivesEveryCustomerTheTierOfTheReference() {
        assertThat(duckDb).isEqualTo(crmkit);
    }

    @Test
    void theDataHasAboutThePlansSharesAndLeavesOutCustomersCreatedLater() {
        Map<String, Long> counts = crmkit.values().stream().collect(Collectors.groupingBy(tier -> tier,
                Collectors.counting()));
        double total = crmkit.size();
        assertThat(total).isBetween(CUSTOMERS * 0.97, CUSTOMERS * 0.995);
        assertThat(counts.get("core") / total).isCloseTo(0.10, within(0.03));
        assertThat(counts.get("important") / total).isCloseTo(0.30, within(0.03));
        assertThat(counts.get("basic") / total).isCloseTo(0.40, within(0.03));
        assertThat(counts.get("potential") / total).isCloseTo(0.18, within(0.03));
        assertThat(counts.get("") / total).isCloseTo(0.02, within(0.01));
    }

    /** The tiers by the library itself, from the records the files hold. */
    private static Map<String, String> reference() throws IOException {
        Policy policy = PolicyLoader.standard();
        MetricsQuery query = policy.header().metricsQuery(AS_OF);
        TierEngine engine = TierEngine.of(policy.header(), policy.section(TieringPolicy.class));
        Map<String, List<Purchase>> purchases = new HashMap<>();
        for (String[] row : rows("orders.csv")) {
            purchases.computeIfAbsent(row[1], id -> new ArrayList<>()).add(Purchase.of(PurchaseId.of(row[0]),
                    CustomerId.of(row[1]), LocalDate.parse(row[2]), Money.of(Money.currency(row[4]),
                            new BigDecimal(row[3]))));
        }
        Map<String, List<Interaction>> interactions = new HashMap<>();
        for (String[] row : rows("interactions.csv")) {
            interactions.computeIfAbsent(row[1], id -> new ArrayList<>()).add(Interaction.of(InteractionId.of(row[0]),
                    CustomerId.of(row[1]), OffsetDateTime.parse(row[2]), Channel.parse(row[3]),
                    InteractionKind.parse(row[4])));
        }
        Map<String, String> tiers = new TreeMap<>();
        for (String[] row : rows("customers.csv")) {
            Customer customer = new Customer(CustomerId.of(row[0]), row[1], Optional.of(row[3]),
                    LocalDate.parse(row[2]), Optional.empty(), ContactPreferences.none(), Boolean.parseBoolean(row[4]));
            if (customer.createdOn().isAfter(AS_OF)) {
                continue;
            }
            CustomerMetrics metrics = MetricsCalculator.compute(customer, purchases.getOrDefault(row[0], List.of()),
                    interactions.getOrDefault(row[0], List.of()), query);
            tiers.put(row[0], engine.evaluate(metrics).tier().map(Tier::name).orElse(""));
        }
        return tiers;
    }

    /** The rows of a generated file: no quoting, no commas in values. */
    private static List<String[]> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }
}
