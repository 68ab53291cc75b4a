package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;

/** The fitters' contract on small bases; the published CDNOW values are in {@link CdnowValidationTest}. */
class ModelFitterTest {
    /** Twelve customers, weeks: enough for a maximum inside the bounds. */
    private static final List<PurchaseSummary> BASE = List.of(
            new PurchaseSummary("1", 2, 30.43, 38.86, new BigDecimal("22.35")),
            new PurchaseSummary("2", 1, 1.71, 38.86, new BigDecimal("11.77")),
            PurchaseSummary.of("3", 0, 0, 38.86),
            PurchaseSummary.of("4", 0, 0, 38.86),
            PurchaseSummary.of("5", 0, 0, 38.86),
            new PurchaseSummary("6", 7, 29.43, 38.86, new BigDecimal("73.74")),
            new PurchaseSummary("7", 1, 5.0, 38.86, new BigDecimal("11.77")),
            PurchaseSummary.of("8", 0, 0, 38.86),
            new PurchaseSummary("9", 2, 35.71, 38.86, new BigDecimal("25.55")),
            new PurchaseSummary("10", 0, 0, 38.86, BigDecimal.ZERO),
            new PurchaseSummary("11", 5, 24.43, 38.86, new BigDecimal("33.8")),
            new PurchaseSummary("12", 3, 12.14, 38.0, new BigDecimal("27.1")));

    @Test
    void customersFirstSeenOnTheLastDayAreCountedButChangeNothing() {
        List<PurchaseSummary> withNewcomers = new ArrayList<>(BASE);
        withNewcomers.add(PurchaseSummary.of("13", 0, 0, 0));
        withNewcomers.add(PurchaseSummary.of("14", 0, 0, 0));

        FittedModel<BgNbdModel> without = ModelFitter.fitBgNbd(BASE);
        FittedModel<BgNbdModel> with = ModelFitter.fitBgNbd(withNewcomers);

        assertThat(with.customers()).isEqualTo(14);
        assertThat(with.logLikelihood()).isCloseTo(without.logLikelihood(), within(1e-9));
        assertThat(with.model().r()).isCloseTo(without.model().r(), within(1e-6));
    }

    @Test
    void identicalHistoriesWeighLikeRepeatedCustomers() {
        List<PurchaseSummary> twice = new ArrayList<>(BASE);
        BASE.forEach(customer -> twice.add(PurchaseSummary.of(customer.customerKey() + "b", customer.frequency(),
                customer.recency(), customer.age())));

        FittedModel<ParetoNbdModel> once = ModelFitter.fitParetoNbd(BASE);
        FittedModel<ParetoNbdModel> doubled = ModelFitter.fitParetoNbd(twice);

        assertThat(doubled.logLikelihood()).isCloseTo(2 * once.logLikelihood(), within(1e-6));
        assertThat(doubled.model().r()).isCloseTo(once.model().r(), within(1e-4));
        assertThat(doubled.model().s()).isCloseTo(once.model().s(), within(1e-4));
    }

    @Test
    void theFitIsAMaximum() {
        FittedModel<BgNbdModel> fitted = ModelFitter.fitBgNbd(BASE);
        BgNbdModel best = fitted.model();

        for (double factor : new double[] {0.99, 1.01}) {
            for (BgNbdModel near : List.of(BgNbdModel.of(best.r() * factor, best.alpha(), best.a(), best.b()),
                    BgNbdModel.of(best.r(), best.alpha() * factor, best.a(), best.b()),
                    BgNbdModel.of(best.r(), best.alpha(), best.a() * factor, best.b()),
                    BgNbdModel.of(best.r(), best.alpha(), best.a(), best.b() * factor))) {
                double logLikelihood = BASE.stream().mapToDouble(near::logLikelihood).sum();
                assertThat(logLikelihood).isLessThanOrEqualTo(fitted.logLikelihood());
            }
        }
    }

    @Test
    void theKindChoosesTheModel() {
        assertThat(ModelFitter.fit(PurchaseModelKind.BGNBD, BASE).model()).isInstanceOf(BgNbdModel.class);
        assertThat(ModelFitter.fit(PurchaseModelKind.PARETO_NBD, BASE).model()).isInstanceOf(ParetoNbdModel.class);
    }

    @Test
    void theTimeUnitDoesNotChangeTheShapesOnlyTheRates() {
        List<PurchaseSummary> inDays = BASE.stream().map(customer -> new PurchaseSummary(customer.customerKey(),
                customer.frequency(), customer.recency() * 7, customer.age() * 7, customer.averageRepeatValue())).toList();

        BgNbdModel weeks = ModelFitter.fitBgNbd(BASE).model();
        BgNbdModel days = ModelFitter.fitBgNbd(inDays).model();

        // Relative agreement: this small base puts the maximum on a long, flat ridge of large r and alpha.
        assertThat(days.r()).isCloseTo(weeks.r(), withPercentage(1e-3));
        assertThat(days.alpha()).isCloseTo(weeks.alpha() * 7, withPercentage(1e-3));
        assertThat(days.a()).isCloseTo(weeks.a(), withPercentage(1e-3));
        assertThat(days.b()).isCloseTo(weeks.b(), withPercentage(1e-3));
    }

    @Test
    void noCustomersIsAnError() {
        assertThatThrownBy(() -> ModelFitter.fitBgNbd(List.of())).isInstanceOf(InvalidValueException.class)
                .hasMessage("BG/NBD fit needs customers, got none");
    }

    @Test
    void withoutRepeatPurchasesThePurchaseModelsCannotBeFitted() {
        List<PurchaseSummary> oneTimers = List.of(PurchaseSummary.of("1", 0, 0, 10), PurchaseSummary.of("2", 0, 0, 4));

        assertThatThrownBy(() -> ModelFitter.fitParetoNbd(oneTimers)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Pareto/NBD fit needs at least one customer with a repeat purchase; none of 2 has one, so the"
                        + " purchase rate cannot be told from the drop-out");
        assertThatThrownBy(() -> ModelFitter.fitGammaGamma(oneTimers)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Gamma-Gamma fit needs at least one customer with a repeat purchase, got 2 customers without");
    }

    @Test
    void customersObservedForNoTimeCannotFitAModel() {
        assertThatThrownBy(() -> ModelFitter.fitBgNbd(List.of(PurchaseSummary.of("1", 0, 0, 0))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("BG/NBD fit needs customers observed for some time (T > 0); all 1 were first seen at the end"
                        + " of the calibration period");
    }

    @Test
    void gammaGammaNeedsValuesForRepeatPurchases() {
        List<PurchaseSummary> withoutValue = List.of(PurchaseSummary.of("17", 2, 3, 10));

        assertThatThrownBy(() -> ModelFitter.fitGammaGamma(withoutValue)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Gamma-Gamma fit: customer '17' has 2 repeat purchases but an average repeat value of 0;"
                        + " the model needs values above 0");
    }

    @Test
    void gammaGammaIsFittedOnTheRepeatCustomersOnly() {
        FittedModel<GammaGammaModel> fitted = ModelFitter.fitGammaGamma(BASE);
        double sum = BASE.stream().filter(customer -> customer.frequency() > 0)
                .mapToDouble(fitted.model()::logLikelihood).sum();

        assertThat(fitted.customers()).isEqualTo(7);
        assertThat(fitted.logLikelihood()).isCloseTo(sum, within(1e-9));
    }

    @Test
    void aFitTheDataCannotPinDownNamesTheParametersOnTheBounds() {
        // Seven customers with the very same history: nothing tells the rates' spread apart.
        List<PurchaseSummary> identical = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> PurchaseSummary.of("c" + i, 1, 4.0, 50.0)).toList();

        FittedModel<BgNbdModel> fitted = ModelFitter.fitBgNbd(identical);

        assertThat(fitted.parametersAtBound()).isNotEmpty().isSubsetOf("r", "alpha", "a", "b");
    }

    @Test
    void onPaidRepeatBuyersGammaGammaLeavesOutRepeatBuyersWhoPaidNothing() {
        List<PurchaseSummary> withFreeRepeats = new ArrayList<>(BASE);
        withFreeRepeats.add(PurchaseSummary.of("13", 2, 3, 10));
        withFreeRepeats.add(new PurchaseSummary("14", 4, 20, 30, BigDecimal.ZERO));

        FittedModel<GammaGammaModel> paid = ModelFitter.fitGammaGammaOnPaidRepeatBuyers(
                CustomerSummaries.of(withFreeRepeats));
        FittedModel<GammaGammaModel> reference = ModelFitter.fitGammaGamma(BASE);

        assertThat(paid.customers()).isEqualTo(7);
        assertThat(paid.logLikelihood()).isEqualTo(reference.logLikelihood());
        assertThat(paid.model()).isEqualTo(reference.model());
    }

    @Test
    void onPaidRepeatBuyersGammaGammaNeedsOneWhoPaid() {
        List<PurchaseSummary> unpaid = List.of(PurchaseSummary.of("17", 2, 3, 10), PurchaseSummary.of("18", 0, 0, 10));

        assertThatThrownBy(() -> ModelFitter.fitGammaGammaOnPaidRepeatBuyers(CustomerSummaries.of(unpaid)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Gamma-Gamma fit needs at least one customer whose repeat purchases were worth more than 0,"
                        + " got 2 customers without");
    }
}
