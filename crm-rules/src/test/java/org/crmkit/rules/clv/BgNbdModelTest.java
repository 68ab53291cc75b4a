package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.crmkit.core.InvalidValueException;
import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BgNbdModelTest {
    /** The CDNOW maximum-likelihood estimate. */
    private static final BgNbdModel CDNOW = BgNbdModel.of(0.2425929106744143, 4.413531942519758, 0.7928865732358823,
            2.4257554319517394);

    /**
     * Reference values from the paper's closed forms (equations 8 and 10) evaluated with SciPy's
     * {@code hyp2f1}, {@code gamma} and {@code beta}, an independent implementation.
     */
    @Test
    void agreesWithThePapersClosedForms() {
        assertThat(CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.225910435722577, withPercentage(1e-9));
        assertThat(CDNOW.expectedPurchases(52)).isCloseTo(1.4440207902505824, withPercentage(1e-9));
        assertThat(CDNOW.conditionalExpectedPurchases(100, 7, 35, 38.86)).isCloseTo(8.93493762880097, withPercentage(1e-9));
        assertThat(CDNOW.probabilityOfPurchases(39, 0)).isCloseTo(0.5743072973673379, withPercentage(1e-9));
        assertThat(CDNOW.probabilityOfPurchases(39, 1)).isCloseTo(0.19919302655299503, withPercentage(1e-9));
        assertThat(CDNOW.probabilityOfPurchases(39, 2)).isCloseTo(0.08532241249744792, withPercentage(1e-9));
        assertThat(CDNOW.probabilityOfPurchases(39, 5)).isCloseTo(0.01793839525224109, withPercentage(1e-9));
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsAliveForCertain() {
        assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
        assertThat(CDNOW.probabilityAlive(0, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void aCustomerSeenForNoTimeHasLikelihoodOneAndTheNewCustomersExpectation() {
        assertThat(CDNOW.logLikelihood(0, 0, 0)).isEqualTo(0.0);
        assertThat(CDNOW.conditionalExpectedPurchases(52, PurchaseSummary.of("new", 0, 0, 0)))
                .isEqualTo(CDNOW.expectedPurchases(52));
    }

    @Test
    void theLikelihoodOfOneCustomerFollowsEquation6() {
        // x = 2, t_x = 30.43, T = 38.86, written out term by term.
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double a = CDNOW.a();
        double b = CDNOW.b();
        double expected = org.hipparchus.special.Gamma.logGamma(r + 2) - org.hipparchus.special.Gamma.logGamma(r)
                + r * Math.log(alpha) + Beta.logBeta(a, b + 2) - Beta.logBeta(a, b)
                + Math.log(Math.pow(alpha + 38.86, -(r + 2)) + a / (b + 1) * Math.pow(alpha + 30.43, -(r + 2)));

        assertThat(CDNOW.logLikelihood(2, 30.43, 38.86)).isCloseTo(expected, within(1e-12));
    }

    /** E[Y(t) | alive] = E over p of (1 - (1 + p t/(alpha+T))^-(r+x)) / p, p ~ Beta(a, b+x): quadrature. */
    @ParameterizedTest
    @CsvSource({
            "0.24, 4.4, 0.79, 2.4, 2, 30.43, 38.86, 39",
            "0.24, 4.4, 1.0, 2.4, 0, 0, 10, 52",
            "1.5, 0.5, 3.0, 0.7, 1, 5, 6, 1000",
            "0.9, 20, 1.7, 5, 1000, 99, 100, 10",
            "2.0, 1.0, 0.3, 0.2, 0, 0, 0, 5"})
    void theConditionalExpectationIsTheMixtureOverTheDropOutProbability(double r, double alpha, double a, double b,
            int x, double tx, double age, double t) {
        BgNbdModel model = BgNbdModel.of(r, alpha, a, b);
        double u = t / (alpha + age);
        double logBeta = Beta.logBeta(a, b + x);
        // Tanh-sinh quadrature: p = 1 / (1 + e^(-pi sinh s)) tames the density's endpoint singularities.
        double step = 1.0 / 256;
        double whileAlive = 0;
        for (double s = -6; s <= 6; s += step) {
            double e = Math.PI * Math.sinh(s);
            double logP = -Math.log1p(Math.exp(-e));
            double logQ = -Math.log1p(Math.exp(e));
            double p = Math.exp(logP);
            double mean = -Math.expm1(-(r + x) * Math.log1p(p * u)) / p;
            whileAlive += mean * Math.exp(a * logP + (b + x) * logQ - logBeta) * Math.PI * Math.cosh(s) * step;
        }

        assertThat(model.conditionalExpectedPurchases(t, x, tx, age))
                .isCloseTo(model.probabilityAlive(x, tx, age) * whileAlive, withPercentage(1e-6));
    }

    /** The quadrature that takes over where the series cancels agrees with it where both work. */
    @ParameterizedTest
    @CsvSource({
            "0.24, 4.4, 0.79, 2.4, 2, 38.86, 39",
            "1.5, 0.5, 3.0, 0.7, 1, 6, 1000",
            "0.9, 20, 1.7, 5, 1000, 100, 10",
            "2.0, 1.0, 0.3, 0.2, 0, 0, 5",
            "0.5, 3, 40, 2, 3, 30, 60"})
    void theSeriesAndTheQuadratureAgree(double r, double alpha, double a, double b, int x, double age, double t) {
        BgNbdModel model = BgNbdModel.of(r, alpha, a, b);
        double whileAlive = model.conditionalExpectedPurchases(t, x, age, age) / model.probabilityAlive(x, age, age);

        assertThat(DropOutMixture.expectation(r + x, t / (alpha + age), a, b + x)).isCloseTo(whileAlive,
                withPercentage(1e-9));
    }

    /** A value from mpmath's 2F1 at 40 digits, for a case the series cannot take: r far above a + b. */
    @Test
    void largeRatesWithTinyDropOutParametersAreIntegrated() {
        BgNbdModel model = BgNbdModel.of(12.178728159418856, 0.024509166007984483, 6.260221121091801E-4,
                3.917502065251337E-4);

        assertThat(model.conditionalExpectedPurchases(46.22, 3, 35.66, 35.66) / model.probabilityAlive(3, 35.66, 35.66))
                .isCloseTo(19.6422665758493029638881980333205758669, withPercentage(1e-9));
    }

    @Test
    void theExpectationHasNoHoleAtAEqualToOne() {
        double atOne = BgNbdModel.of(0.5, 3, 1, 2).conditionalExpectedPurchases(40, 3, 20, 30);
        double below = BgNbdModel.of(0.5, 3, 1 - 1e-9, 2).conditionalExpectedPurchases(40, 3, 20, 30);
        double above = BgNbdModel.of(0.5, 3, 1 + 1e-9, 2).conditionalExpectedPurchases(40, 3, 20, 30);

        assertThat(atOne).isCloseTo(below, withPercentage(1e-6)).isCloseTo(above, withPercentage(1e-6));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 1.00002, 2.5})
    void farAheadTheTwoMethodsMeet(double a) {
        // alpha + T = 0.01 puts t = 24.9 and t = 25.1 on either side of the 100,000-term series limit.
        BgNbdModel model = BgNbdModel.of(0.7, 0.01, a, 1.3);
        double before = model.expectedPurchases(24.99);
        double after = model.expectedPurchases(25.01);

        assertThat(after).isGreaterThanOrEqualTo(before).isCloseTo(before, withPercentage(0.1));
    }

    @Test
    void theProbabilitiesOfCountsSumToOne() {
        double[] counts = Counts.totalAndMean(CDNOW, 39, 2000);

        assertThat(counts[0]).isCloseTo(1, within(1e-9));
        assertThat(counts[1]).isCloseTo(CDNOW.expectedPurchases(39), withPercentage(1e-5));
    }

    @Test
    void itNamesItsParametersInTheLiteraturesOrder() {
        assertThat(CDNOW.name()).isEqualTo("bgnbd");
        assertThat(CDNOW.parameters()).containsExactly(
                org.assertj.core.api.Assertions.entry("r", CDNOW.r()), org.assertj.core.api.Assertions.entry("alpha", CDNOW.alpha()),
                org.assertj.core.api.Assertions.entry("a", CDNOW.a()), org.assertj.core.api.Assertions.entry("b", CDNOW.b()));
    }

    @ParameterizedTest
    @CsvSource({"0, r, 0.0", "-1, r, -1.0", "NaN, r, NaN", "Infinity, r, Infinity"})
    void parametersMustBePositiveNumbers(double value, String name, String shown) {
        assertThatThrownBy(() -> BgNbdModel.of(value, 1, 1, 1)).isInstanceOf(InvalidValueException.class)
                .hasMessage("BG/NBD parameter " + name + " must be a number more than 0, was " + shown);
        assertThatThrownBy(() -> BgNbdModel.of(1, 1, 1, value)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("parameter b must be a number more than 0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1 | 0 | 5 | frequency (x) must not be negative, was -1",
            "2 | 6 | 5 | recency (t_x) must be between 0 and the age (T) 5.0, was 6.0",
            "0 | 1 | 5 | recency (t_x) must be 0 without repeat purchases, was 1.0",
            "2 | 0 | 5 | 2 repeat purchases need a recency (t_x) above 0",
            "1 | 1 | -1 | age (T) must be a number of zero or more, was -1.0"})
    void customersMustBePossible(int x, double tx, double age, String message) {
        assertThatThrownBy(() -> CDNOW.probabilityAlive(x, tx, age)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> CDNOW.logLikelihood(x, tx, age)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(message);
    }

    @Test
    void timeAheadMustNotBeNegative() {
        assertThatThrownBy(() -> CDNOW.conditionalExpectedPurchases(-1, 0, 0, 1))
                .isInstanceOf(InvalidValueException.class).hasMessage("t must be a time of zero or more, was -1.0");
        assertThatThrownBy(() -> CDNOW.probabilityOfPurchases(1, -1))
                .isInstanceOf(InvalidValueException.class).hasMessage("n must not be negative, was -1");
    }
}
