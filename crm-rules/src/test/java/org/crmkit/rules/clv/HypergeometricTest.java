package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 2F1 against closed forms and the Euler and Pfaff identities, on both sides of its methods' seams. */
class HypergeometricTest {
        @ParameterizedTest
    @ValueSource(doubles = {-1e6, -50, -5, -1, -0.9, -0.3, 1e-9, 0.1, 0.5, 0.7, 0.9, 0.99, 0.999, 0.9999, 0.99999,
            0.9999999, 0.9999999999})
    void oneOneTwoIsTheLogarithm(double z) {
        double expected = -Math.log1p(-z) / z;

        assertThat(Hypergeometric.logHyp2f1(1, 1, 2, z, 1 - z).value()).isCloseTo(expected, withPercentage(1e-7));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e4, -3, -0.5, 0.25, 0.75, 0.95, 0.9999, 1 - 1e-9})
    void aBOverBIsAPower(double z) {
        for (double a : new double[] {0.3, 1.7, 12.5, 250}) {
            for (double b : new double[] {0.05, 2.2, 40}) {
                double expected = -a * Math.log1p(-z);

                assertThat(Hypergeometric.logHyp2f1(a, b, b, z, 1 - z).log()).as("a=%s b=%s", a, b)
                        .isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.99, 0.999999})
    void halfHalfThreeHalvesIsTheArcSine(double x) {
        assertThat(Hypergeometric.hyp2f1(0.5, 0.5, 1.5, x * x)).isCloseTo(Math.asin(x) / x, withPercentage(1e-8));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.9, 1.5, 10, 1000})
    void halfOneThreeHalvesOfMinusXSquaredIsTheArcTangent(double x) {
        assertThat(Hypergeometric.hyp2f1(0.5, 1, 1.5, -x * x)).isCloseTo(Math.atan(x) / x, withPercentage(1e-8));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-7, -0.5, 0.3, 0.99})
    void aNegativeIntegerParameterMakesAPolynomial(double z) {
        double b = 2.5;
        double c = 1.25;
        double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));

        assertThat(Hypergeometric.hyp2f1(-2, b, c, z)).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2, 3.7})
    void atOneItIsGausssProductOfGammas(double c) {
        double expected = Math.exp(org.hipparchus.special.Gamma.logGamma(c) + org.hipparchus.special.Gamma.logGamma(c - 0.3 - 0.1)
                - org.hipparchus.special.Gamma.logGamma(c - 0.3) - org.hipparchus.special.Gamma.logGamma(c - 0.1));

        assertThat(Hypergeometric.hyp2f1(0.3, 0.1, c, 1)).isCloseTo(expected, withPercentage(1e-10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.999, 0.9999})
    void theTransformationNearOneAgreesWithTheLongSeries(double z) {
        // Far from an integer c - a - b, and with it (c - a - b = 2): both sides of the interpolation.
        for (double[] p : new double[][] {{0.55, 1.3, 3.1}, {1.2, 0.8, 4.0}, {0.7, 2.5, 5.2 + 3e-6}, {2, 3, 5.5}}) {
            double series = Hypergeometric.series(p[0], p[1], p[2], z).value();

            assertThat(Hypergeometric.nearOne(p[0], p[1], p[2], 1 - z).value())
                    .as("a=%s b=%s c=%s", p[0], p[1], p[2]).isCloseTo(series, withPercentage(1e-7));
        }
    }

    @Test
    void eulersTransformationHolds() {
        Property.forAll(Gens.doubles(0.05, 30, 2), Gens.doubles(0.05, 30, 2), Gens.doubles(0.01, 30, 2),
                Gens.doubles(-20, 0.9999, 6)).tries(300).check((a, b, above, z) -> {
                    // c > a, b > 0 keeps 2F1 positive (Euler's integral), so logarithms compare.
                    double c = Math.max(a, b) + above;
                    double left = Hypergeometric.logHyp2f1(a, b, c, z, 1 - z).log();
                    var transformed = Hypergeometric.logHyp2f1(c - a, c - b, c, z, 1 - z);
                    double right = (c - a - b) * Math.log1p(-z) + transformed.log();

                    assertThat(transformed.sign()).isEqualTo(1);
                    assertThat(left).isCloseTo(right, within(1e-7 * Math.max(1, Math.abs(left))));
                });
    }

    @Test
    void pfaffsTransformationHoldsInBothForms() {
        Property.forAll(Gens.doubles(0.05, 30, 2), Gens.doubles(0.05, 30, 2), Gens.doubles(0.01, 30, 2),
                Gens.doubles(-1e4, -0.001, 6)).tries(300).check((a, b, above, z) -> {
                    // With c above a and b both forms have positive terms; the implementation uses one of them.
                    double c = Math.max(a, b) + above;
                    double mapped = z / (z - 1);
                    double negative = Hypergeometric.logHyp2f1(a, b, c, z, 1 - z).log();
                    double first = -a * Math.log1p(-z)
                            + Hypergeometric.logHyp2f1(a, c - b, c, mapped, 1 / (1 - z)).log();
                    double second = -b * Math.log1p(-z)
                            + Hypergeometric.logHyp2f1(c - a, b, c, mapped, 1 / (1 - z)).log();

                    assertThat(negative).isCloseTo(first, within(1e-8 * Math.max(1, Math.abs(first))));
                    assertThat(negative).isCloseTo(second, within(1e-8 * Math.max(1, Math.abs(second))));
                });
    }

    /** Reference values from mpmath 1.3 ({@code mpmath.hyp2f1} at 30 digits), one per method and seam. */
    @ParameterizedTest
    @CsvSource({
            // series, Pfaff with alternating terms, series at moderate z
            "6.45, 9.27, 1.07, -0.543092, -0.0030043964605364072616",
            "2.553, 1.606, 5.159, 0.3, 1.3083462749767757824",
            "1, 0.5, 1.2, -1e8, 0.00012536906210562286984",
            // near 1: c - a - b = -0.75, = 2 + 3e-7 (interpolated), = 0 (A&S 15.3.10)
            "2.5, 1.5, 3.25, 0.9999999, 471526.84167408138444",
            "0.7, 2.5, 5.2000003, 0.99999, 1.8131496635930935205",
            "1.5, 2.5, 4.0, 0.99999999, 84.169300206958120539",
            // the Pareto/NBD and BG/NBD shapes, with a customer of 1000 repeat purchases
            "1, 1000.24, 1001.846, 0.999999, 1599.1244298148111424",
            "0.243, 2.426, 2.219, 0.999, 11.09650428868047393",
            "1.976, -0.207, 1002.219, 0.9999999, 0.99959139249609993653"})
    void agreesWithAnIndependentImplementation(double a, double b, double c, double z, double expected) {
        assertThat(Hypergeometric.hyp2f1(a, b, c, z)).isCloseTo(expected, withPercentage(1e-7));
    }

    @Test
    void largeParametersDoNotOverflow() {
        Property.forAll(Gens.doubles(100, 2000, 2), Gens.doubles(0.1, 5, 2), Gens.doubles(0, 0.999999, 8)).tries(200)
                .check((a, b, z) -> {
                    // 2F1(a, b; a + 1; z) = a * integral of u^(a-1) (1 - zu)^-b over [0, 1]: between 1 and (1-z)^-b.
                    var value = Hypergeometric.logHyp2f1(a, b, a + 1, z, 1 - z);

                    assertThat(value.sign()).isEqualTo(1);
                    assertThat(value.log()).isBetween(-1e-12, -b * Math.log1p(-z) + 1e-9);
                });
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, -4})
    void aPoleOfTheDenominatorIsAnError(double c) {
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(0.5, 1.5, c, 0.3)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("c = " + c);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0001, 2, Double.NaN})
    void zAboveOneIsAnError(double z) {
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(0.5, 1.5, 2.5, z)).isInstanceOf(ArithmeticException.class);
    }

    @org.junit.jupiter.api.Test
    void nearOneTheCallersOneMinusZIsUsed() {
        // 1 - z as (beta + t)/(alpha + t) keeps digits that 1 - z in double has lost.
        double w = 1e-12;
        double expected = -Math.log(w) / (1 - w);

        assertThat(Hypergeometric.logHyp2f1(1, 1, 2, 1 - w, w).value()).isCloseTo(expected, withPercentage(1e-7));
    }

    @Test
    void aTailWithLargeCloseParametersNearOneStopsWhenItsTermsDo() {
        // Found by ClvProperties: BG/NBD's series with a - 1 = 0, a + b - 1 - r = 830.76 and c one more,
        // near z = 1. With c = A + 1 and B = 0 the k-th term is first (A + 1) z^(k-1) / (k (A + k)).
        double a = 830.7637711026708;
        double z = 0.9995927856133059;
        double first = a * z;
        double expected = 0;
        double power = 1;
        for (int k = 1; k < 2_000_000; k++) {
            expected += first * (a + 1) * power / (k * (a + k));
            power *= z;
        }

        double actual = Hypergeometric.tail(a, 0, a + 1, z, 1, first).value();

        assertThat(actual).isCloseTo(expected, withPercentage(1e-8));
    }
}
