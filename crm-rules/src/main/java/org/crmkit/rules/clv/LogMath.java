package org.crmkit.rules.clv;

import org.hipparchus.special.Gamma;

/**
 * Arithmetic in log space for the models' likelihoods and series: sums of exponentials without
 * overflow, signed logarithms, and the gamma function's logarithm and sign for any real argument
 * that is not a pole. Hipparchus supplies {@code logGamma} for positive arguments; the rest is
 * reflection.
 */
final class LogMath {
    private LogMath() {
    }

    /**
     * A real number as the logarithm of its magnitude and its sign, so that products of huge and
     * tiny factors neither overflow nor underflow.
     *
     * @param log the natural logarithm of the magnitude; {@code -Infinity} for zero
     * @param sign -1, 0 or 1
     */
    record Signed(double log, int sign) {
        static final Signed ZERO = new Signed(Double.NEGATIVE_INFINITY, 0);
        static final Signed ONE = new Signed(0, 1);

        static Signed of(double value) {
            return value == 0 ? ZERO : new Signed(Math.log(Math.abs(value)), value > 0 ? 1 : -1);
        }

        Signed times(Signed other) {
            return sign == 0 || other.sign == 0 ? ZERO : new Signed(log + other.log, sign * other.sign);
        }

        Signed plus(Signed other) {
            if (other.sign == 0) {
                return this;
            }
            if (sign == 0) {
                return other;
            }
            double max = Math.max(log, other.log);
            double sum = sign * Math.exp(log - max) + other.sign * Math.exp(other.log - max);
            return sum == 0 ? ZERO : new Signed(max + Math.log(Math.abs(sum)), sum > 0 ? 1 : -1);
        }

        double value() {
            return sign * Math.exp(log);
        }
    }

    /**
     * {@code log(exp(x) + exp(y))} without overflow; either may be {@code -Infinity}.
     *
     * @param x a logarithm
     * @param y a logarithm
     * @return the logarithm of the sum
     */
    static double logAddExp(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY) {
            return y;
        }
        if (y == Double.NEGATIVE_INFINITY) {
            return x;
        }
        double max = Math.max(x, y);
        return max + Math.log1p(Math.exp(-Math.abs(x - y)));
    }

    /**
     * {@code (1 - exp(-epsilon * length)) / epsilon}, continued by its limit {@code length} at
     * {@code epsilon = 0}: the integral of {@code exp(-epsilon * s)} over {@code [0, length]}. It
     * turns {@code (1 - w^(s-1)) / (s - 1)} into a function without a hole at {@code s = 1}.
     *
     * @param epsilon the exponent's coefficient, any sign
     * @param length the interval's length, zero or more
     * @return the integral
     */
    static double expIntegral(double epsilon, double length) {
        double product = epsilon * length;
        if (Math.abs(product) < 1e-6) {
            // Taylor series: the relative error of stopping here is below 1e-18.
            return length * (1 - product / 2 + product * product / 6);
        }
        return -Math.expm1(-product) / epsilon;
    }

    /**
     * Whether the gamma function has a pole at the argument (zero or a negative integer).
     *
     * @param x the argument
     * @return true at a pole
     */
    static boolean isGammaPole(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    /**
     * The gamma function as a signed logarithm, for any real argument that is not a pole.
     *
     * @param x the argument; not a pole
     * @return {@code log|Gamma(x)|} and the sign of {@code Gamma(x)}
     */
    static Signed gamma(double x) {
        if (x > 0) {
            return new Signed(Gamma.logGamma(x), 1);
        }
        // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x), and Gamma(1 - x) > 0 here.
        double sin = sinPi(x);
        return new Signed(Math.log(Math.PI) - Math.log(Math.abs(sin)) - Gamma.logGamma(1 - x), sin > 0 ? 1 : -1);
    }

    /**
     * The reciprocal gamma function as a signed logarithm: zero at the poles of gamma.
     *
     * @param x the argument
     * @return {@code 1 / Gamma(x)}
     */
    static Signed reciprocalGamma(double x) {
        if (isGammaPole(x)) {
            return Signed.ZERO;
        }
        Signed gamma = gamma(x);
        return new Signed(-gamma.log(), gamma.sign());
    }

    /** {@code sin(pi x)}, exact at the integers and accurate near them. */
    private static double sinPi(double x) {
        double nearest = Math.rint(x);
        double fraction = x - nearest;
        double sin = Math.sin(Math.PI * fraction);
        return Math.IEEEremainder(nearest, 2) == 0 ? sin : -sin;
    }
}
