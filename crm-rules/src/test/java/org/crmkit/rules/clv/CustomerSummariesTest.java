package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

/** Customers are grouped into distinct histories and distinct spend rows, counted, in the order first seen. */
class CustomerSummariesTest {
    private static final int HISTORIES = 1_250;
    private static final int TIMES = 4;

    /** History h: x = h % 7, t_x = 1 + h / 7 weeks (0 without a repeat purchase), T = 200 + h weeks. */
    private static PurchaseSummary history(String key, int h, BigDecimal value) {
        int x = h % 7;
        return new PurchaseSummary(key, x, x == 0 ? 0 : 1 + h / 7, 200 + h, x == 0 ? BigDecimal.ZERO : value);
    }

    /** Each history for four customers, the histories interleaved: h0, h1, ..., h1249, h0, h1, ... */
    private static List<PurchaseSummary> customers() {
        List<PurchaseSummary> customers = new ArrayList<>();
        for (int round = 0; round < TIMES; round++) {
            for (int h = 0; h < HISTORIES; h++) {
                customers.add(history("c" + round + "-" + h, h, BigDecimal.valueOf(10 + h % 50)));
            }
        }
        return customers;
    }

    @Test
    void sharedHistoriesAreOneRowWeighedByTheirCustomersInTheOrderOfTheFirst() {
        PurchaseRows rows = CustomerSummaries.of(customers()).purchaseRows();

        assertThat(rows.customers).isEqualTo(HISTORIES * TIMES);
        assertThat(rows.rows).isEqualTo(HISTORIES);
        for (int h = 0; h < HISTORIES; h++) {
            PurchaseSummary expected = history("expected", h, BigDecimal.ONE);
            assertThat(rows.frequency[h]).isEqualTo(expected.frequency());
            assertThat(rows.frequencies[rows.frequencyIndex[h]]).isEqualTo(expected.frequency());
            assertThat(rows.recency(h)).isEqualTo(expected.recency());
            assertThat(rows.age(h)).isEqualTo(expected.age());
            assertThat(rows.weight[h]).isEqualTo(TIMES);
        }
        assertThat(rows.frequencies).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(rows.recencies).hasSize(1 + (HISTORIES - 1) / 7 + 1).doesNotHaveDuplicates();
        assertThat(rows.ages).hasSize(HISTORIES).doesNotHaveDuplicates();
    }

    @Test
    void historiesAreGroupedAsALinkedHashMapGroupsThem() {
        // Few distinct x, t_x and T, so histories repeat, and the distinct values too.
        Gen<PurchaseSummary> customer = source -> {
            int x = Gens.integers(0, 3).generate(source);
            int age = Gens.integers(0, 4).generate(source);
            if (x == 0 || age == 0) {
                return PurchaseSummary.of("c", 0, 0, age);
            }
            return PurchaseSummary.of("c", x, Gens.integers(1, age).generate(source), age);
        };
        Property.forAll(customer.list(0, 200)).tries(300).check(customers -> {
            Map<List<Double>, Integer> reference = new LinkedHashMap<>();
            customers.forEach(c -> reference.merge(List.of((double) c.frequency(), c.recency(), c.age()), 1,
                    Integer::sum));

            PurchaseRows rows = CustomerSummaries.of(customers).purchaseRows();

            assertThat(rows.customers).isEqualTo(customers.size());
            assertThat(rows.rows).isEqualTo(reference.size());
            int row = 0;
            for (Map.Entry<List<Double>, Integer> history : reference.entrySet()) {
                assertThat(List.of((double) rows.frequency[row], rows.recency(row), rows.age(row)))
                        .isEqualTo(history.getKey());
                assertThat(rows.frequencies[rows.frequencyIndex[row]]).isEqualTo(rows.frequency[row]);
                assertThat(rows.weight[row]).isEqualTo((double) history.getValue());
                row++;
            }
            assertThat(rows.recencies).doesNotHaveDuplicates();
            assertThat(rows.ages).doesNotHaveDuplicates();
        });
    }

    /** The key of the map the spend rows were once summed from, record hash and equality and all. */
    private record OldSpendRow(int frequency, double value) {
    }

    /** The repeat buyers merged one at a time into a HashMap, as the spend rows once were, with their customers. */
    private static Map<OldSpendRow, Double> mergedAsBefore(List<PurchaseSummary> customers) {
        Map<OldSpendRow, Double> before = new HashMap<>();
        customers.forEach(c -> before.merge(new OldSpendRow(c.frequency(), c.averageRepeatValue().doubleValue()), 1.0,
                Double::sum));
        return before;
    }

    /** The spend rows in the order they are summed, with their customers. */
    private static Map<OldSpendRow, Double> summed(List<PurchaseSummary> customers) {
        CustomerSummaries.SpendRows spend = CustomerSummaries.of(customers).spendRows();
        Map<OldSpendRow, Double> summed = new LinkedHashMap<>();
        for (int row : spend.summationOrder()) {
            summed.put(new OldSpendRow(spend.frequency()[row], spend.value()[row]), spend.weight()[row]);
        }
        return summed;
    }

    @Test
    void spendRowsAreSummedInTheOrderOfTheHashMapTheyWereOnceMergedInto() {
        // Values of few bits collide in the map's buckets; a short list leaves its table small.
        Gen<PurchaseSummary> repeatBuyer = source -> new PurchaseSummary("c", Gens.integers(1, 4).generate(source), 1,
                2, BigDecimal.valueOf(Gens.integers(1, 2_000).generate(source) * 1024L));
        Property.forAll(repeatBuyer.list(0, 600)).tries(300).check(customers -> {
            Map<OldSpendRow, Double> before = mergedAsBefore(customers);
            Map<OldSpendRow, Double> summed = summed(customers);

            assertThat(summed.keySet()).containsExactlyElementsOf(before.keySet());
            assertThat(summed).isEqualTo(before);
        });
    }

    @Test
    void aRepeatAfterTheLastNewSpendRowCountsAsTheMapResizedOnItsNextMerge() {
        // 13, 25, 49... distinct rows are one past a table's load, so the map resized on the next merge.
        for (int distinct : List.of(13, 25, 49, 97, 193)) {
            for (boolean repeatLast : List.of(false, true)) {
                List<PurchaseSummary> customers = new ArrayList<>();
                for (int i = 0; i < distinct; i++) {
                    customers.add(new PurchaseSummary("c" + i, 1 + i % 3, 1, 2, BigDecimal.valueOf(7 + 31L * i, 1)));
                }
                if (repeatLast) {
                    customers.add(customers.get(0));
                }

                assertThat(summed(customers).keySet()).as("%d distinct, repeat last: %s", distinct, repeatLast)
                        .containsExactlyElementsOf(mergedAsBefore(customers).keySet());
            }
        }
    }

    @Test
    void repeatBuyersWhoPaidAreGroupedByFrequencyAndMeanValue() {
        CustomerSummaries summaries = CustomerSummaries.of(customers());
        CustomerSummaries.SpendRows spend = summaries.spendRows();
        // The repeat buyers: x = h % 7 > 0; their rows are the distinct (x, 10 + h % 50), first seen in h order.
        List<List<Double>> expected = IntStream.range(0, HISTORIES).filter(h -> h % 7 > 0)
                .mapToObj(h -> List.of((double) (h % 7), 10.0 + h % 50)).distinct().toList();

        assertThat(spend.size()).isEqualTo(expected.size()).isGreaterThan(64);
        for (int row = 0; row < spend.size(); row++) {
            assertThat(List.of((double) spend.frequency()[row], spend.value()[row])).isEqualTo(expected.get(row));
        }
        double repeatBuyers = IntStream.range(0, HISTORIES).filter(h -> h % 7 > 0).count() * TIMES;
        assertThat(Arrays.stream(spend.weight(), 0, spend.size()).sum()).isEqualTo(repeatBuyers);
        assertThat(summaries.paidRepeatBuyers()).isEqualTo((int) repeatBuyers);
    }

    @Test
    void aRepeatBuyerWhoPaidNothingHasNoSpendRow() {
        CustomerSummaries summaries = CustomerSummaries.of(List.of(PurchaseSummary.of("free", 3, 10, 20),
                new PurchaseSummary("paid", 3, 10, 20, new BigDecimal("12.50"))));

        assertThat(summaries.spendRows().size()).isEqualTo(1);
        assertThat(summaries.paidRepeatBuyers()).isEqualTo(1);
        assertThat(summaries.unpaidRepeatBuyer()).map(PurchaseSummary::customerKey).contains("free");
    }
}
