package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.io.clv.PurchaseSummaryCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerValue#discountedExpectedPurchases} walks the horizon; {@link PerPeriodReference}
 * evaluates every period afresh, as the code did before. They must agree to 1e-9 of the value.
 */
class CustomerValueWalkTest {
    /** The published CDNOW estimates (weeks). */
    private static final BgNbdModel BG_NBD = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258);
    private static final ParetoNbdModel PARETO_NBD = ParetoNbdModel.of(0.5533, 10.5776, 0.6062, 11.6679);
    /** The same estimates with alpha and beta in days. */
    private static final BgNbdModel BG_NBD_DAYS = BgNbdModel.of(0.2426, 4.4135 * 7, 0.7929, 2.4258);
    private static final ParetoNbdModel PARETO_NBD_DAYS = ParetoNbdModel.of(0.5533, 10.5776 * 7, 0.6062, 11.6679 * 7);
    private static final List<BigDecimal> RATES = List.of(BigDecimal.ZERO, new BigDecimal("0.10"));
    private static final double RELATIVE = 1e-9;

    private static List<PurchaseSummary> customers;
    private static List<PurchaseSummary> inDays;

    @BeforeAll
    static void readCdnow() {
        customers = PurchaseSummaryCsv.readCsv(CdnowData.folder().resolve("cdnow_customers_summary.csv"),
                ClvTimeUnit.WEEKS);
        inDays = customers.stream().map(c -> PurchaseSummary.of(c.customerKey(), c.frequency(), c.recency() * 7,
                c.age() * 7)).toList();
    }

    @Test
    void everyCdnowCustomerGetsThePerPeriodSumOverOneWeekAYearAndFiveYears() {
        for (PurchaseModel model : List.of(BG_NBD, PARETO_NBD)) {
            for (int horizon : new int[] {1, 52, 260}) {
                for (PurchaseSummary customer : customers) {
                    assertAgrees(model, customer, horizon, RATES, ClvTimeUnit.WEEKS);
                }
            }
        }
    }

    @Test
    void cdnowCustomersInDaysGetThePerPeriodSumOverTenYears() {
        // Every 25th customer: the reference costs a series of hundreds of terms for each of 3,650 days.
        List<PurchaseSummary> sample = IntStream.range(0, inDays.size()).filter(i -> i % 25 == 0)
                .mapToObj(inDays::get).toList();
        for (PurchaseModel model : List.of(BG_NBD_DAYS, PARETO_NBD_DAYS)) {
            for (PurchaseSummary customer : sample) {
                assertAgrees(model, customer, 3650, RATES, ClvTimeUnit.DAYS);
            }
        }
    }

    @Test
    void theLongestHorizonGetsThePerPeriodSumForTheExtremeCustomers() {
        PurchaseSummary mostFrequent = inDays.stream().max((x, y) -> Integer.compare(x.frequency(), y.frequency()))
                .orElseThrow();
        List<PurchaseSummary> extremes = List.of(mostFrequent, inDays.get(0),
                PurchaseSummary.of("no repeat purchase", 0, 0, 200),
                PurchaseSummary.of("last purchase long ago", 5, 10, 272),
                PurchaseSummary.of("heavy buyer", 1000, 270, 272));
        for (PurchaseModel model : List.of(BG_NBD_DAYS, PARETO_NBD_DAYS)) {
            for (PurchaseSummary customer : extremes) {
                assertAgrees(model, customer, CustomerValue.MAX_HORIZON, RATES, ClvTimeUnit.DAYS);
            }
        }
    }

    @Test
    void aCustomerFirstSeenTodayGetsThePerPeriodSumOverTwentyYears() {
        // T = 0: alpha + T is smallest, so t / (alpha + T) is largest and the reference slowest.
        PurchaseSummary today = PurchaseSummary.of("today", 0, 0, 0);
        for (PurchaseModel model : List.of(BG_NBD_DAYS, PARETO_NBD_DAYS)) {
            assertAgrees(model, today, 7305, RATES, ClvTimeUnit.DAYS);
            assertAgrees(model, today, 1, RATES, ClvTimeUnit.DAYS);
        }
    }

    @Test
    void anyModerateModelAndCustomerGetsThePerPeriodSum() {
        Gen<Double> parameter = Gens.doubles(0.2, 5);
        Gen<Double> scale = Gens.doubles(0.2, 50);
        Gen<BgNbdModel> bgNbd = source -> BgNbdModel.of(parameter.generate(source), scale.generate(source),
                parameter.generate(source), parameter.generate(source));
        Gen<ParetoNbdModel> paretoNbd = source -> ParetoNbdModel.of(parameter.generate(source),
                scale.generate(source), parameter.generate(source), scale.generate(source));
        Gen<PurchaseModel> models = Gens.oneOf(bgNbd, paretoNbd);
        Gen<Integer> frequencies = Gens.frequency(Gens.weighted(1, Gens.constant(0)),
                Gens.weighted(4, Gens.integers(1, 1000).withEdgeCases(1, 1000)));
        Gen<Double> ages = Gens.doubles(0, 100);
        Gen<Double> shares = Gens.doubles(0, 1);
        Gen<PurchaseSummary> summaries = source -> {
            double age = ages.generate(source);
            int frequency = age == 0 ? 0 : frequencies.generate(source);
            double recency = frequency == 0 ? 0 : Math.max(Math.ulp(age), shares.generate(source) * age);
            return PurchaseSummary.of("c", frequency, recency, age);
        };
        Gen<Integer> horizons = Gens.integers(1, 400).withEdgeCases(1, 2, 400);
        Gen<BigDecimal> rates = Gens.of(BigDecimal.ZERO, new BigDecimal("0.10"), new BigDecimal("0.35"));

        Property.forAll(models, summaries, horizons, rates).tries(300)
                .cover("no repeat purchase", 5).cover("100 or more repeat purchases", 20).cover("BG/NBD", 30)
                .check((model, customer, horizon, rate) -> {
                    Property.classify("no repeat purchase", customer.frequency() == 0);
                    Property.classify("100 or more repeat purchases", customer.frequency() >= 100);
                    Property.classify("BG/NBD", model instanceof BgNbdModel);
                    assertAgrees(model, customer, horizon, List.of(rate), ClvTimeUnit.WEEKS);
                });
    }

    private static void assertAgrees(PurchaseModel model, PurchaseSummary customer, int horizon,
            List<BigDecimal> rates, ClvTimeUnit unit) {
        double[] expectations = PerPeriodReference.expectations(model, customer, horizon);
        for (BigDecimal rate : rates) {
            double expected = PerPeriodReference.discounted(expectations, rate, unit);
            double walked = CustomerValue.discountedExpectedPurchases(model, customer, horizon, rate, unit);

            assertThat(walked).as("%s, %s, %d %s at %s", model, customer, horizon, unit.key(), rate.toPlainString())
                    .isCloseTo(expected, within(RELATIVE * expected));
        }
    }
}
