package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.model.Purchase;
import org.crmkit.rules.io.clv.PurchaseSummaryCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published CDNOW results (Fader, Hardie &amp; Lee 2005; Fader &amp; Hardie 2013), on the data
 * in {@code src/test/resources/cdnow}: 2,357 customers, weeks, calibration to 1997-09-30.
 */
class CdnowValidationTest {
    private static final LocalDate CALIBRATION_END = CdnowData.CALIBRATION_END;
    private static Path data;
    private static List<PurchaseSummary> customers;
    private static FittedModel<BgNbdModel> bgNbd;

    @BeforeAll
    static void readAndFit() {
        data = CdnowData.folder();
        customers = PurchaseSummaryCsv.readCsv(data.resolve("cdnow_customers_summary_with_transactions.csv"),
                ClvTimeUnit.WEEKS);
        bgNbd = ModelFitter.fitBgNbd(customers);
    }

    @Test
    void theFileHoldsTheSampleOf2357Customers() {
        assertThat(customers).hasSize(2357);
        assertThat(customers).filteredOn(customer -> customer.frequency() > 0).hasSize(946);
        assertThat(customers.stream().mapToInt(PurchaseSummary::frequency).sum()).isEqualTo(2457);
        assertThat(customers.get(0)).isEqualTo(new PurchaseSummary("1", 2, 30.43, 38.86, new BigDecimal("22.35")));
    }

    @Test
    void bgNbdReproducesThePublishedParameters() {
        BgNbdModel model = bgNbd.model();
        assertThat(bgNbd.parametersAtBound()).isEmpty();

        assertThat(model.r()).isCloseTo(0.243, within(0.005));
        assertThat(model.alpha()).isCloseTo(4.414, within(0.005));
        assertThat(model.a()).isCloseTo(0.793, within(0.005));
        assertThat(model.b()).isCloseTo(2.426, within(0.005));
        assertThat(bgNbd.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(bgNbd.customers()).isEqualTo(2357);
        assertThat(bgNbd.evaluations()).isPositive();
    }

    @Test
    void theFittedLogLikelihoodIsTheSumOverCustomers() {
        double sum = customers.stream().mapToDouble(bgNbd.model()::logLikelihood).sum();

        assertThat(bgNbd.logLikelihood()).isCloseTo(sum, within(1e-6));
    }

    @Test
    void bgNbdPredictsTheFirstCustomersNext39Weeks() {
        PurchaseSummary first = customers.get(0);

        assertThat(bgNbd.model().conditionalExpectedPurchases(39, first)).isCloseTo(1.226, within(0.001));
        assertThat(bgNbd.model().probabilityAlive(first)).isCloseTo(0.7266, within(0.0001));
    }

    @Test
    void paretoNbdReproducesThePublishedParameters() {
        FittedModel<ParetoNbdModel> fitted = ModelFitter.fitParetoNbd(customers);
        ParetoNbdModel model = fitted.model();

        assertThat(model.r()).isCloseTo(0.553, within(0.01));
        assertThat(model.alpha()).isCloseTo(10.578, within(0.01));
        assertThat(model.s()).isCloseTo(0.606, within(0.01));
        assertThat(model.beta()).isCloseTo(11.669, within(0.01));
        assertThat(fitted.logLikelihood()).isCloseTo(-9595.0, within(0.05));
        assertThat(ModelFitter.fit(PurchaseModelKind.PARETO_NBD, customers).model()).isEqualTo(model);
    }

    @Test
    void gammaGammaReproducesThePublishedParametersOnTheRepeatCustomers() {
        FittedModel<GammaGammaModel> fitted = ModelFitter.fitGammaGamma(customers);

        assertThat(fitted.customers()).isEqualTo(946);
        assertThat(fitted.model().p()).isCloseTo(6.25, within(0.01));
        assertThat(fitted.model().q()).isCloseTo(3.74, within(0.01));
        assertThat(fitted.model().gamma()).isCloseTo(15.44, within(0.01));
        // The independent check in the data's README: -4055.92.
        assertThat(fitted.logLikelihood()).isCloseTo(-4055.92, within(0.01));
    }

    @Test
    void gammaGammaGivesTheFitTheReadmeShowsToTheLastDigit() {
        // README, crm clv fit on this file: {"model":"gamma_gamma","p":6.248802109119561,...}
        FittedModel<GammaGammaModel> fitted = ModelFitter.fitGammaGamma(customers);

        assertThat(fitted.model().p()).isEqualTo(6.248802109119561);
        assertThat(fitted.model().q()).isEqualTo(3.7445886699542594);
        assertThat(fitted.model().gamma()).isEqualTo(15.447749640985332);
        assertThat(fitted.logLikelihood()).isEqualTo(-4055.9232435028593);
    }

    @Test
    void bothSummaryFilesHoldTheSameHistories() {
        List<PurchaseSummary> lifetimesForm = PurchaseSummaryCsv.readCsv(data.resolve("cdnow_customers_summary.csv"),
                ClvTimeUnit.WEEKS);

        assertThat(lifetimesForm).hasSize(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            PurchaseSummary expected = customers.get(i);
            assertThat(lifetimesForm.get(i)).isEqualTo(PurchaseSummary.of(expected.customerKey(), expected.frequency(),
                    expected.recency(), expected.age()));
        }
    }

    @Test
    void summarisingTheSamplesPurchasesGivesTheSummaryFile() throws IOException {
        List<Purchase> purchases = CdnowData.samplePurchases(data);
        assertThat(purchases).hasSize(6919);

        Map<String, PurchaseSummary> summarised = PurchaseSummaries.fromPurchases(purchases, CALIBRATION_END,
                ClvTimeUnit.WEEKS).stream().collect(Collectors.toMap(PurchaseSummary::customerKey, Function.identity()));

        assertThat(summarised).hasSize(2357);
        for (PurchaseSummary expected : customers) {
            PurchaseSummary actual = summarised.get(expected.customerKey());
            assertThat(actual.frequency()).as("x of %s", expected.customerKey()).isEqualTo(expected.frequency());
            // The file rounds to 2 decimals.
            assertThat(actual.age()).as("T of %s", expected.customerKey()).isCloseTo(expected.age(), within(0.005));
            assertThat(actual.recency()).as("t_x of %s", expected.customerKey()).isCloseTo(expected.recency(),
                    within(0.01));
            assertThat(actual.averageRepeatValue()).as("zbar of %s", expected.customerKey())
                    .isCloseTo(expected.averageRepeatValue(), within(new BigDecimal("0.005")));
        }
    }
}
