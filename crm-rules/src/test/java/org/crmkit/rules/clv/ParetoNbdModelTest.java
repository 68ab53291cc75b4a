package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParetoNbdModelTest {
    /** The CDNOW maximum-likelihood estimate. */
    private static final ParetoNbdModel CDNOW = ParetoNbdModel.of(0.5532756280202177, 10.57761338501784,
            0.6062128860668017, 11.667888208991261);

    /**
     * Reference values from Fader &amp; Hardie's closed forms for A0, P(alive) and E[Y(t)] with
     * mpmath's {@code hyp2f1}, and P(X(t) = n) by mpmath quadrature at 40 digits: independent
     * implementations.
     */
    @Test
    void agreesWithTheClosedForms() {
        assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.869118792636579, withPercentage(1e-9));
        assertThat(CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.45511330957041, withPercentage(1e-9));
        assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isCloseTo(0.295097147000966, withPercentage(1e-9));
        assertThat(CDNOW.conditionalExpectedPurchases(52, 10, 20, 38)).isCloseTo(0.88375820931274, withPercentage(1e-9));
        assertThat(CDNOW.probabilityOfPurchases(39, 0)).isCloseTo(0.5935327573826577926, withPercentage(1e-7));
        assertThat(CDNOW.probabilityOfPurchases(39, 1)).isCloseTo(0.1655848033409621829, withPercentage(1e-7));
        assertThat(CDNOW.probabilityOfPurchases(39, 2)).isCloseTo(0.0825040121169287862, withPercentage(1e-7));
        assertThat(CDNOW.probabilityOfPurchases(39, 5)).isCloseTo(0.0214918874846980835, withPercentage(1e-7));
    }

    @Test
    void theOtherBranchAlphaBelowBetaAgreesToo() {
        ParetoNbdModel model = ParetoNbdModel.of(0.8, 3.0, 1.3, 20.0);

        assertThat(model.probabilityAlive(3, 10, 30)).isCloseTo(0.096265308017454769, withPercentage(1e-9));
        assertThat(model.conditionalExpectedPurchases(20, 3, 10, 30)).isCloseTo(0.17738784592393114, withPercentage(1e-9));
    }

    @Test
    void theBranchesMeetWhereAlphaEqualsBeta() {
        double below = ParetoNbdModel.of(0.7, 5 - 1e-9, 0.9, 5).logLikelihood(4, 12, 30);
        double equal = ParetoNbdModel.of(0.7, 5, 0.9, 5).logLikelihood(4, 12, 30);
        double above = ParetoNbdModel.of(0.7, 5 + 1e-9, 0.9, 5).logLikelihood(4, 12, 30);

        assertThat(equal).isCloseTo(below, within(1e-8)).isCloseTo(above, within(1e-8));
    }

    @Test
    void theLikelihoodIsTheAliveAndTheDeadCasesIntegrated() {
        // L = Gamma(r+x) alpha^r beta^s / Gamma(r) [ (alpha+T)^-(r+x) (beta+T)^-s
        //     + s * integral over (t_x, T] of (alpha+y)^-(r+x) (beta+y)^-(s+1) dy ], by the midpoint rule.
        double r = 0.55;
        double alpha = 10.6;
        double s = 0.61;
        double beta = 11.7;
        int x = 3;
        double tx = 20;
        double age = 38;
        int steps = 200_000;
        double width = (age - tx) / steps;
        double integral = 0;
        for (int i = 0; i < steps; i++) {
            double y = tx + (i + 0.5) * width;
            integral += Math.pow(alpha + y, -(r + x)) * Math.pow(beta + y, -(s + 1)) * width;
        }
        double expected = org.hipparchus.special.Gamma.logGamma(r + x) - org.hipparchus.special.Gamma.logGamma(r)
                + r * Math.log(alpha) + s * Math.log(beta)
                + Math.log(Math.pow(alpha + age, -(r + x)) * Math.pow(beta + age, -s) + s * integral);

        assertThat(ParetoNbdModel.of(r, alpha, s, beta).logLikelihood(x, tx, age)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aCustomerSeenForNoTimeHasLikelihoodOneAndIsAlive() {
        assertThat(CDNOW.logLikelihood(0, 0, 0)).isCloseTo(0, within(1e-12));
        assertThat(CDNOW.probabilityAlive(0, 0, 0)).isEqualTo(1.0);
        assertThat(CDNOW.conditionalExpectedPurchases(52, 0, 0, 0)).isCloseTo(CDNOW.expectedPurchases(52), withPercentage(1e-12));
    }

    @Test
    void aLastPurchaseAtTheEndMeansAlive() {
        assertThat(CDNOW.probabilityAlive(5, 38.86, 38.86)).isEqualTo(1.0);
    }

    @Test
    void theExpectationIsContinuousAtSEqualToOne() {
        double atOne = ParetoNbdModel.of(0.5, 10, 1, 12).expectedPurchases(52);
        // s = 1: r beta / alpha * ln(1 + t / beta).
        assertThat(atOne).isCloseTo(0.5 * 12 / 10 * Math.log1p(52.0 / 12), withPercentage(1e-12));
        assertThat(ParetoNbdModel.of(0.5, 10, 1 + 1e-10, 12).expectedPurchases(52)).isCloseTo(atOne, withPercentage(1e-7));
    }

    @Test
    void theProbabilitiesOfCountsSumToOneAndAverageToTheExpectation() {
        ParetoNbdModel model = ParetoNbdModel.of(1.2, 8, 0.8, 15);
        double[] counts = Counts.totalAndMean(model, 26, 300);

        assertThat(counts[0]).isCloseTo(1, within(1e-8));
        assertThat(counts[1]).isCloseTo(model.expectedPurchases(26), withPercentage(1e-5));
    }

    @Test
    void itNamesItsParametersInTheLiteraturesOrder() {
        assertThat(CDNOW.name()).isEqualTo("pareto_nbd");
        assertThat(CDNOW.parameters()).containsExactly(entry("r", CDNOW.r()), entry("alpha", CDNOW.alpha()),
                entry("s", CDNOW.s()), entry("beta", CDNOW.beta()));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.0", "-2.5, -2.5", "NaN, NaN", "-Infinity, -Infinity"})
    void parametersMustBePositiveNumbers(double value, String shown) {
        assertThatThrownBy(() -> ParetoNbdModel.of(1, 1, value, 1)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Pareto/NBD parameter s must be a number more than 0, was " + shown);
    }

    @Test
    void customersMustBePossible() {
        assertThatThrownBy(() -> CDNOW.conditionalExpectedPurchases(10, 3, 40, 38.86))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Pareto/NBD customer: recency (t_x) must be between 0 and the age (T) 38.86, was 40.0");
    }
}
