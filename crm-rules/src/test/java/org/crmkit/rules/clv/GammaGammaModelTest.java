package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.crmkit.core.InvalidValueException;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class GammaGammaModelTest {
    private static final GammaGammaModel CDNOW = GammaGammaModel.of(6.25, 3.74, 15.44);

    @Test
    void itNamesItsParametersInTheLiteraturesOrder() {
        assertThat(CDNOW.parameters()).containsExactly(entry("p", 6.25), entry("q", 3.74), entry("gamma", 15.44));
    }

    @Test
    void theExpectedValueWeighsThePopulationMeanAgainstTheCustomersMean() {
        double population = 6.25 * 15.44 / 2.74;
        double weight = (3.74 - 1) / (6.25 * 2 + 3.74 - 1);

        assertThat(CDNOW.populationMeanValue()).isCloseTo(population, within(1e-12));
        assertThat(CDNOW.conditionalExpectedAverageValue(2, 22.35))
                .isCloseTo(weight * population + (1 - weight) * 22.35, within(1e-12));
        assertThat(CDNOW.conditionalExpectedAverageValue(0, 0)).isEqualTo(CDNOW.populationMeanValue());
    }

    @Test
    void moreRepeatPurchasesTrustTheCustomersOwnMeanMore() {
        double few = CDNOW.conditionalExpectedAverageValue(1, 100);
        double many = CDNOW.conditionalExpectedAverageValue(50, 100);

        assertThat(many).isGreaterThan(few).isLessThan(100);
    }

    @Test
    void theLikelihoodIsTheNotesDensity() {
        // f(zbar | x) = Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px-1) x^(px) / (gamma + x zbar)^(px+q)
        double px = 6.25 * 3;
        double expected = Gamma.logGamma(px + 3.74) - Gamma.logGamma(px) - Gamma.logGamma(3.74) + 3.74 * Math.log(15.44)
                + (px - 1) * Math.log(30) + px * Math.log(3) - (px + 3.74) * Math.log(15.44 + 90);

        assertThat(CDNOW.logLikelihood(3, 30)).isCloseTo(expected, within(1e-12));
        assertThat(CDNOW.logLikelihood(new PurchaseSummary("c", 3, 10, 20, new BigDecimal("30.00"))))
                .isEqualTo(CDNOW.logLikelihood(3, 30));
    }

    @Test
    void withQAtMostOneThePopulationHasNoFiniteMean() {
        GammaGammaModel heavyTailed = GammaGammaModel.of(2, 0.9, 10);

        assertThatThrownBy(heavyTailed::populationMeanValue).isInstanceOf(InvalidValueException.class)
                .hasMessage("Gamma-Gamma: the population's mean value is infinite when q <= 1, q is 0.9");
        assertThat(heavyTailed.conditionalExpectedAverageValue(1, 20)).isCloseTo(2 * (10 + 20) / 1.9, within(1e-12));
    }

    @Test
    void theLikelihoodNeedsRepeatPurchasesWithValue() {
        assertThatThrownBy(() -> CDNOW.logLikelihood(0, 10)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Gamma-Gamma: the likelihood needs at least one repeat purchase, x was 0");
        assertThatThrownBy(() -> CDNOW.logLikelihood(2, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Gamma-Gamma: the average repeat value must be more than 0, was 0.0");
    }

    @Test
    void parametersMustBePositiveNumbers() {
        assertThatThrownBy(() -> GammaGammaModel.of(1, 1, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Gamma-Gamma parameter gamma must be a number more than 0, was 0.0");
    }
}
