package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFactsSourceTest {
    private static final MetricsQuery QUERY = PolicyLoader.standard().header().metricsQuery(LocalDate.of(2026, 3, 31));

    @TempDir
    Path dir;

    private CsvFactsSource source(String customers, String orders) throws IOException {
        return CsvFactsSource.of(Files.writeString(dir.resolve("customers.csv"), customers),
                Files.writeString(dir.resolve("orders.csv"), orders), Optional.empty());
    }

    @Test
    void customersComeInAscendingIdOrderWhateverTheFileOrderAndLaterOnesAreLeftOut() throws IOException {
        CsvFactsSource source = source("customer_id,name,created_on\nc-3,C,2024-01-01\nc-1,A,2024-01-01\n"
                + "c-2,B,2026-04-01\nc-10,D,2025-01-01\n", "order_id,customer_id,order_date,amount,currency\n"
                + "o-1,c-1,2026-01-10,100.50,CNY\no-2,c-1,2026-03-31,0.05,CNY\no-3,c-3,2026-04-01,7,CNY\n");

        List<CustomerFacts> facts = new ArrayList<>();
        source.forEach(FactsQuery.metricsOnly(QUERY), facts::add);

        assertThat(facts).extracting(fact -> fact.customerId().value()).containsExactly("c-1", "c-10", "c-3");
        assertThat(facts.get(0).metrics().spend().amount()).isEqualByComparingTo("100.55");
        assertThat(facts.get(0).metrics().orders()).isEqualTo(2);
        assertThat(facts.get(2).metrics().lastPurchase()).isEmpty();
        assertThat(source.find(CustomerId.of("c-2"), FactsQuery.metricsOnly(QUERY)))
                .hasValueSatisfying(fact -> assertThat(fact.metrics().tenureMonths()).isZero());
    }

    @Test
    void spendBeyondALongOfMinorUnitsIsSummedExactly() throws IOException {
        // 10,000 orders of the largest amount in BHD (3 decimals): 10^19 fils, beyond a long's 9.2 x 10^18.
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (int i = 0; i < 10_000; i++) {
            orders.append("o-").append(i).append(",c-1,2026-01-").append(10 + i % 20).append(",999999999999.999,BHD\n");
        }
        CsvFactsSource source = source("customer_id,name,created_on\nc-1,A,2024-01-01\n", orders.toString());
        MetricsQuery bhd = new MetricsQuery(QUERY.asOf(), QUERY.window(), QUERY.zone(), Money.currency("BHD"));
        BigDecimal expected = new BigDecimal("999999999999.999").multiply(BigDecimal.valueOf(10_000));

        CustomerFacts facts = source.find(CustomerId.of("c-1"), FactsQuery.all(bhd, Set.of())).orElseThrow();

        assertThat(expected.unscaledValue().bitLength()).isGreaterThan(63);
        assertThat(facts.metrics().spend()).isEqualTo(Money.of(Money.currency("BHD"), expected));
        assertThat(facts.history().orElseThrow().spend()).isEqualTo(Money.of(Money.currency("BHD"), expected));
    }

    @Test
    void theHistoryAndTheActivityComeFromTheSameReadAsTheMetrics() throws IOException {
        CsvFactsSource source = source("customer_id,name,created_on\nc-1,A,2024-01-01\n",
                "order_id,customer_id,order_date,amount,currency,category\n"
                        + "o-1,c-1,2026-01-10,100.50,CNY,Service\no-2,c-1,2024-05-01,7,CNY,\no-3,c-1,2026-01-10,1,CNY,parts\n");
        FactsQuery all = FactsQuery.all(QUERY, Set.of("service"));

        CustomerFacts facts = source.find(CustomerId.of("c-1"), all).orElseThrow();

        assertThat(facts.history()).contains(new PurchaseHistoryFacts(3, Money.of("CNY", "108.50"), 2,
                Optional.of(LocalDate.of(2024, 5, 1)), Money.of("CNY", "101.50")));
        assertThat(facts.activity()).hasValueSatisfying(activity -> {
            assertThat(activity.earlierHalfSpend()).isEqualTo(Money.of("CNY", "0"));
            assertThat(activity.laterHalfSpend()).isEqualTo(Money.of("CNY", "101.50"));
            assertThat(activity.categories()).isEqualTo(2);
            assertThat(activity.valueAddedPurchases()).isEqualTo(1);
        });
        assertThat(source.read(all).orders()).isEqualTo(3);
    }

    @Test
    void aFileBrokenOnEveryLineKeepsItsFirstProblemsAndCountsAll() throws IOException {
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (int i = 0; i < 5_000; i++) {
            orders.append("o-").append(i % 2_000).append(",c-1,someday,1,CNY\n");
        }
        CsvFactsSource source = source("customer_id,name,created_on\nc-1,A,2024-01-01\n", orders.toString());

        assertThatThrownBy(() -> source.forEach(FactsQuery.metricsOnly(QUERY), facts -> { }))
                .isInstanceOfSatisfying(CsvImportException.class, e -> {
                    // every row's date, and the 3,000 rows whose id repeats an earlier one
                    assertThat(e.total()).isEqualTo(5_000 + 3_000);
                    assertThat(e.problems()).hasSize(FileProblems.KEPT);
                    assertThat(e.problems().get(0).toString()).endsWith(
                            "orders.csv:2: column 'order_date': not an ISO date (YYYY-MM-DD): 'someday'");
                    assertThat(e.problems().get(FileProblems.KEPT - 1).line()).isEqualTo(FileProblems.KEPT + 1);
                });
    }
}
