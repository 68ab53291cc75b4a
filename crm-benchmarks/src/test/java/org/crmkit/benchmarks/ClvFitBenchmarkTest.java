package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.rules.clv.BgNbdModel;
import org.crmkit.rules.clv.ModelFitter;
import org.crmkit.rules.clv.PurchaseSummary;
import org.junit.jupiter.api.Test;

/** The simulated base is the BG/NBD process it claims to be, and the benchmark's inputs exist. */
class ClvFitBenchmarkTest {

    @Test
    void fittingASimulatedBaseRecoversItsParameters() {
        List<PurchaseSummary> customers = BgNbdCustomers.generate(20_000, ClvFitBenchmark.SEED, ClvFitBenchmark.CDNOW,
                false);

        BgNbdModel fitted = ModelFitter.fitBgNbd(customers).model();

        // The standard errors at 20,000 customers are about a third of the CDNOW sample's (Fader,
        // Hardie & Lee 2005): some 2% for r, 3% for alpha, 8% for a and 10% for b.
        assertThat(fitted.r()).isCloseTo(0.243, withPercentage(8));
        assertThat(fitted.alpha()).isCloseTo(4.414, withPercentage(10));
        assertThat(fitted.a()).isCloseTo(0.793, withPercentage(25));
        assertThat(fitted.b()).isCloseTo(2.426, withPercentage(30));
    }

    @Test
    void recordingByDayMovesTheFitOnlyAFewPercent() {
        List<PurchaseSummary> customers = BgNbdCustomers.generate(20_000, ClvFitBenchmark.SEED, ClvFitBenchmark.CDNOW);

        BgNbdModel fitted = ModelFitter.fitBgNbd(customers).model();

        assertThat(fitted.r() / fitted.alpha()).as("mean purchase rate").isCloseTo(0.243 / 4.414, withPercentage(10));
        assertThat(fitted.a() / (fitted.a() + fitted.b())).as("mean drop-out probability")
                .isCloseTo(0.793 / (0.793 + 2.426), withPercentage(15));
    }

    @Test
    void theBaseHasTheCdnowShape() {
        List<PurchaseSummary> customers = BgNbdCustomers.generate(20_000, 1, ClvFitBenchmark.CDNOW);

        assertThat(customers).allSatisfy(customer -> {
            assertThat(customer.age()).isBetween((272 - 83) / 7.0, 272 / 7.0);
            assertThat(customer.recency() * 7).isCloseTo(Math.rint(customer.recency() * 7), withPercentage(1e-9));
        });
        // CDNOW: 40% of the customers buy again within the calibration period.
        assertThat(customers.stream().filter(customer -> customer.frequency() > 0).count() / 20_000.0)
                .isCloseTo(0.40, withPercentage(15));
        assertThat(customers.stream().map(customer -> List.of(customer.frequency(), customer.recency(), customer.age()))
                .distinct().count()).as("distinct histories").isLessThan(10_000);
    }

    @Test
    void theSameSeedGivesTheSameBase() {
        assertThat(BgNbdCustomers.generate(100, 7, ClvFitBenchmark.CDNOW))
                .isEqualTo(BgNbdCustomers.generate(100, 7, ClvFitBenchmark.CDNOW));
    }

    @Test
    void theGammaAndBetaSamplersHaveTheirMeans() {
        SplittableRandom random = new SplittableRandom(3);
        double gammaSum = 0;
        double smallShapeSum = 0;
        double betaSum = 0;
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            gammaSum += BgNbdCustomers.gamma(random, 2.5);
            smallShapeSum += BgNbdCustomers.gamma(random, 0.243);
            betaSum += BgNbdCustomers.beta(random, 0.793, 2.426);
        }

        assertThat(gammaSum / draws).isCloseTo(2.5, withPercentage(1));
        assertThat(smallShapeSum / draws).isCloseTo(0.243, withPercentage(2));
        assertThat(betaSum / draws).isCloseTo(0.793 / (0.793 + 2.426), withPercentage(1));
    }

    @Test
    void theCdnowFileIsWhereTheBenchmarkLooks() {
        assertThat(System.getProperty("crmkit.root.dir")).as("crmkit.root.dir, which the parent POM sets").isNotNull();
        assertThat(Files.isRegularFile(ClvFitBenchmark.defaultFile())).as(ClvFitBenchmark.defaultFile().toString()).isTrue();
    }
}
