package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

/**
 * The streamed population gives every customer exactly the RFM score of {@link RfmScorer} and the
 * ABC result of {@link AbcClassifier} over the whole population, and the same ABC summary.
 */
class SegmentPopulationProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final DateWindow WINDOW = DateWindow.trailingMonths(12, AS_OF);

    @Test
    void positionsGiveTheScoresAndClassesOfTheWholePopulation() {
        Property.forAll(populations(), RfmScorerProperties.settings(), abcSettings())
                .check((population, rfm, abc) -> {
                    List<CustomerMetrics> inIdOrder = population.stream()
                            .sorted(Comparator.comparing(CustomerMetrics::customerId)).toList();
                    SegmentPopulation collected = SegmentPopulation.in(Money.currency("CNY"));
                    inIdOrder.forEach(collected::add);
                    SegmentPopulation.Ranking ranking = collected.rank(rfm, abc);

                    Map<CustomerId, RfmScore> expectedRfm = RfmScorer.score(population.stream()
                                    .map(SegmentInput::of).flatMap(Optional::stream).toList(), rfm).stream()
                            .collect(Collectors.toMap(RfmScore::customerId, Function.identity()));
                    Map<CustomerId, Money> spends = new TreeMap<>();
                    population.forEach(metrics -> spends.put(metrics.customerId(), metrics.spend()));
                    List<AbcResult> expectedAbc = AbcClassifier.classify(spends, abc);
                    Map<CustomerId, AbcResult> abcById = expectedAbc.stream()
                            .collect(Collectors.toMap(AbcResult::customerId, Function.identity()));

                    List<AbcResult> streamed = new ArrayList<>();
                    for (int position = 0; position < inIdOrder.size(); position++) {
                        CustomerMetrics metrics = inIdOrder.get(position);
                        assertThat(ranking.rfm(position, metrics.customerId()))
                                .isEqualTo(Optional.ofNullable(expectedRfm.get(metrics.customerId())));
                        AbcResult result = ranking.abc(position, metrics);
                        assertThat(result).isEqualTo(abcById.get(metrics.customerId()));
                        streamed.add(result);
                    }
                    assertThat(ranking.abcSummary()).isEqualTo(AbcSummary.of(expectedAbc));
                    assertThat(AbcSummary.of(streamed)).isEqualTo(AbcSummary.of(expectedAbc));
                });
    }

    static Gen<AbcSettings> abcSettings() {
        Gen<Integer> a = Gens.integers(1, 98);
        return source -> {
            int aPercent = a.generate(source);
            int bPercent = Gens.integers(aPercent + 1, 99).generate(source);
            return AbcSettings.of(BigDecimal.valueOf(aPercent, 2), BigDecimal.valueOf(bPercent, 2));
        };
    }

    /** Small value ranges, so that ties are common; some customers never bought. */
    static Gen<List<CustomerMetrics>> populations() {
        Gen<Integer> recencies = Gens.integers(0, 40);
        Gen<Integer> frequencies = Gens.integers(0, 6);
        Gen<BigDecimal> spends = Gens.of("0", "0.01", "5", "5.00", "120", "120.50", "9999.99").map(BigDecimal::new);
        Gen<Boolean> buyers = Gens.frequency(Gens.weighted(4, Gens.constant(true)),
                Gens.weighted(1, Gens.constant(false)));
        Gen<Integer> counts = Gens.integers(0, 60);
        return source -> {
            int count = counts.generate(source);
            List<CustomerMetrics> population = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                CustomerId id = CustomerId.of("c-" + i);
                if (buyers.generate(source)) {
                    int orders = frequencies.generate(source);
                    BigDecimal spend = orders == 0 ? BigDecimal.ZERO : spends.generate(source);
                    population.add(new CustomerMetrics(id, AS_OF, WINDOW, Money.of("CNY", spend), orders, 0, 0, true, 12,
                            false, Optional.of(AS_OF.minusDays(recencies.generate(source)))));
                } else {
                    population.add(new CustomerMetrics(id, AS_OF, WINDOW, Money.of("CNY", "0"), 0, 0, 0, true, 12, false,
                            Optional.empty()));
                }
            }
            return population;
        };
    }
}
