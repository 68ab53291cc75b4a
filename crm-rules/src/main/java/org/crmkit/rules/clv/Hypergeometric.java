package org.crmkit.rules.clv;

import org.crmkit.rules.clv.LogMath.Signed;
import org.hipparchus.special.Gamma;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for real parameters and real
 * {@code z <= 1}, as the Pareto/NBD and BG/NBD expressions need it.
 *
 * <ul>
 *   <li>{@code 0 <= z < 1}: the power series, summed with rescaling so that huge terms (large
 *       customer frequencies) neither overflow nor lose the result, and stopped by a proven bound
 *       on the tail. When {@code z} is so close to 1 that the series would need more than
 *       {@value #DIRECT_TERMS} terms, the connection formula from {@code z} to {@code 1 - z}
 *       (Abramowitz &amp; Stegun 15.3.6) turns it into two fast series in {@code 1 - z}; where
 *       {@code c - a - b} is within {@value #NEAR_INTEGER} of an integer (where that formula has
 *       cancelling poles) the function, analytic in {@code c}, is interpolated between two
 *       points at that distance on either side, which costs about 1e-9 of relative accuracy.</li>
 *   <li>{@code z < 0}: Pfaff's transformation {@code 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1))}
 *       (or its twin with {@code a} and {@code b} swapped, whichever keeps the series short)
 *       maps it into {@code [0, 1)}.</li>
 *   <li>{@code z = 1}: Gauss's theorem, when {@code c - a - b > 0}.</li>
 * </ul>
 * Callers that know {@code 1 - z} more precisely than {@code 1 - z} can be computed (for
 * {@code z = (alpha - beta) / (alpha + t)} it is {@code (beta + t) / (alpha + t)}) pass it along.
 */
final class Hypergeometric {
    /** The series is used directly up to this many terms; beyond, the 1 - z transformation. */
    static final int DIRECT_TERMS = 100_000;
    /** Distance from an integer of c - a - b below which the transformation interpolates. */
    static final double NEAR_INTEGER = 1e-6;
    /** The interpolation's step on either side of the integer. */
    static final double NEAR_INTEGER_STEP = 1e-4;
    /** A hard stop for any series; reaching it is a bug in the choice of method. */
    private static final int MAX_TERMS = 2_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-17;
    private static final double RESCALE_ABOVE = 1e200;
    private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);

    private Hypergeometric() {
    }

    /**
     * {@code 2F1(a, b; c; z)}.
     *
     * @param a the first numerator parameter
     * @param b the second numerator parameter
     * @param c the denominator parameter; not zero or a negative integer
     * @param z the argument; at most 1 (exactly 1 only when {@code c - a - b > 0})
     * @return the value; may be infinite when it exceeds the range of double
     * @throws ArithmeticException if the function is not defined there
     */
    static double hyp2f1(double a, double b, double c, double z) {
        return logHyp2f1(a, b, c, z, 1 - z).value();
    }

    /**
     * {@code 2F1(a, b; c; z)} as a signed logarithm.
     *
     * @param a the first numerator parameter
     * @param b the second numerator parameter
     * @param c the denominator parameter; not zero or a negative integer
     * @param z the argument; at most 1
     * @param oneMinusZ {@code 1 - z}, as precisely as the caller knows it
     * @return the value
     * @throws ArithmeticException if the function is not defined there
     */
    static Signed logHyp2f1(double a, double b, double c, double z, double oneMinusZ) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(z))) {
            throw new ArithmeticException("2F1 needs finite arguments, was a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z);
        }
        if (a == 0 || b == 0 || z == 0) {
            return Signed.ONE;
        }
        if (LogMath.isGammaPole(c) && !terminatesBefore(a, c) && !terminatesBefore(b, c)) {
            throw new ArithmeticException("2F1 is not defined for c = " + c);
        }
        if (z > 1) {
            throw new ArithmeticException("2F1 is implemented for z <= 1 only, was " + z);
        }
        if (z == 1) {
            return gaussAtOne(a, b, c);
        }
        if (z < 0) {
            return pfaff(a, b, c, z, oneMinusZ);
        }
        if (z <= 0.5 || directTerms(a, b, c, z, oneMinusZ) <= DIRECT_TERMS || isPolynomial(a, b)) {
            return series(a, b, c, z);
        }
        return nearOne(a, b, c, oneMinusZ);
    }

    /** A numerator parameter that is a non-positive integer above c ends the series before its pole. */
    private static boolean terminatesBefore(double numerator, double c) {
        return LogMath.isGammaPole(numerator) && numerator > c;
    }

    private static boolean isPolynomial(double a, double b) {
        return LogMath.isGammaPole(a) || LogMath.isGammaPole(b);
    }

    /** An estimate of the terms the series needs: up to its largest term and then down by 1e-17. */
    private static double directTerms(double a, double b, double c, double z, double oneMinusZ) {
        double peak = Math.max(0, a + b - c - 1) * z / oneMinusZ;
        return peak + 40 / oneMinusZ;
    }

    private static Signed gaussAtOne(double a, double b, double c) {
        double d = c - a - b;
        if (d <= 0) {
            throw new ArithmeticException("2F1 diverges at z = 1 when c - a - b <= 0, was " + d);
        }
        return LogMath.gamma(c).times(LogMath.gamma(d)).times(LogMath.reciprocalGamma(c - a))
                .times(LogMath.reciprocalGamma(c - b));
    }

    /** Pfaff: the argument z / (z - 1) lies in (0, 1), and 1 minus it is 1 / (1 - z). */
    private static Signed pfaff(double a, double b, double c, double z, double oneMinusZ) {
        double mapped = z / (z - 1);
        double oneMinusMapped = 1 / oneMinusZ;
        double logOneMinusZ = Math.log(oneMinusZ);
        // Two forms: (1-z)^-a F(a, c-b; c; .) and (1-z)^-b F(c-a, b; c; .). A negative new
        // parameter makes the terms alternate and cancel, so a form without one comes first; then
        // the one whose parameters sum to less, whose terms have no hump before they fall.
        boolean firstAlternates = c - b < 0;
        boolean secondAlternates = c - a < 0;
        boolean first = firstAlternates == secondAlternates ? a <= b : secondAlternates;
        if (first) {
            return new Signed(-a * logOneMinusZ, 1).times(logHyp2f1(a, c - b, c, mapped, oneMinusMapped));
        }
        return new Signed(-b * logOneMinusZ, 1).times(logHyp2f1(c - a, b, c, mapped, oneMinusMapped));
    }

    /**
     * The power series for {@code 0 <= |z| < 1}.
     */
    static Signed series(double a, double b, double c, double z) {
        return tail(a, b, c, z, 0, 1);
    }

    /**
     * The sum of the power series' terms from index {@code from} on, where the term at
     * {@code from} is given and each next one is the last times {@code (a+k)(b+k)/((c+k)(k+1)) z}.
     * With {@code from = 0} and a first term of 1 it is 2F1; a later start sums a tail, or a
     * series whose terms are 2F1's up to a constant factor that may be zero. The running sum and
     * term are rescaled by 1e-200 whenever they grow past 1e200, the scale kept as a logarithm.
     *
     * @param a the first numerator parameter
     * @param b the second numerator parameter
     * @param c the denominator parameter
     * @param z the argument, {@code |z| < 1}
     * @param from the index of the first term
     * @param first the first term
     * @return the sum
     * @throws ArithmeticException if it has not converged after 2,000,000 terms
     */
    static Signed tail(double a, double b, double c, double z, int from, double first) {
        double sum = first;
        double term = first;
        double logScale = 0;
        // From here on the factors (a+k)/(k+1) and (b+k)/(c+k) move monotonically towards 1.
        double settled = Math.max(0, Math.max(-c, Math.max(-a, -b))) + 1;
        for (int k = from; k < from + MAX_TERMS && term != 0; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(sum) > RESCALE_ABOVE || Math.abs(term) > RESCALE_ABOVE) {
                sum /= RESCALE_ABOVE;
                term /= RESCALE_ABOVE;
                logScale += LOG_RESCALE;
            }
            if (k + 1 >= settled) {
                // Every later ratio of terms is at most q, so the tail is at most |term| q / (1 - q).
                // Each of the ratio's four factors moves monotonically towards 1 from here, so either
                // pairing of them bounds the later ratios; the smaller bound stops far sooner when a
                // and c are large and close (a = 830, c = 831 near z = 1 needs 1e5 terms, not 2e6).
                double numeratorsOverOne = Math.max(1, Math.abs((a + k + 1) / (k + 2)))
                        * Math.max(1, Math.abs((b + k + 1) / (c + k + 1)));
                double crossed = Math.max(1, Math.abs((a + k + 1) / (c + k + 1)))
                        * Math.max(1, Math.abs((b + k + 1) / (k + 2)));
                double q = Math.abs(z) * Math.min(numeratorsOverOne, crossed);
                if (q < 1 && Math.abs(term) * q / (1 - q) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                    return Signed.of(sum).times(new Signed(logScale, 1));
                }
            }
        }
        if (term == 0) {
            return Signed.of(sum).times(new Signed(logScale, 1));
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + "): the series did not converge in "
                + MAX_TERMS + " terms");
    }

    /**
     * 2F1 for z close to 1 from series in w = 1 - z. For {@code d = c - a - b} away from the
     * integers, A&amp;S 15.3.6; at an integer, A&amp;S 15.3.10 and 15.3.11 (after Euler's
     * transformation for a negative one); in between, where 15.3.6 cancels, the quadratic
     * through the integer and the two points {@value #NEAR_INTEGER_STEP} away from it.
     */
    static Signed nearOne(double a, double b, double c, double w) {
        double d = c - a - b;
        double nearest = Math.rint(d);
        double offset = d - nearest;
        if (offset == 0) {
            return integerConnection(a, b, c, w, (int) nearest);
        }
        if (Math.abs(offset) >= NEAR_INTEGER) {
            return connection(a, b, c, w);
        }
        Signed centre = integerConnection(a, b, c - offset, w, (int) nearest);
        if (centre.sign() == 0) {
            return connection(a, b, c + Math.copySign(NEAR_INTEGER, offset) - offset, w);
        }
        // Relative to the centre, so that huge or tiny values stay in range.
        double below = relative(connection(a, b, c - offset - NEAR_INTEGER_STEP, w), centre);
        double above = relative(connection(a, b, c - offset + NEAR_INTEGER_STEP, w), centre);
        double slope = (above - below) / (2 * NEAR_INTEGER_STEP);
        double curvature = (above - 2 + below) / (NEAR_INTEGER_STEP * NEAR_INTEGER_STEP);
        return centre.times(Signed.of(1 + offset * slope + offset * offset * curvature / 2));
    }

    private static double relative(Signed value, Signed to) {
        return value.sign() * to.sign() * Math.exp(value.log() - to.log());
    }

    /**
     * A&amp;S 15.3.6: {@code Gamma(c)Gamma(d)/(Gamma(c-a)Gamma(c-b)) F(a,b;1-d;w)
     * + w^d Gamma(c)Gamma(-d)/(Gamma(a)Gamma(b)) F(c-a,c-b;1+d;w)}, d = c - a - b not an integer.
     */
    private static Signed connection(double a, double b, double c, double w) {
        double d = c - a - b;
        Signed gammaC = LogMath.gamma(c);
        Signed first = gammaC.times(LogMath.gamma(d)).times(LogMath.reciprocalGamma(c - a))
                .times(LogMath.reciprocalGamma(c - b));
        if (first.sign() != 0) {
            first = first.times(series(a, b, 1 - d, w));
        }
        Signed second = new Signed(d * Math.log(w), 1).times(gammaC).times(LogMath.gamma(-d))
                .times(LogMath.reciprocalGamma(a)).times(LogMath.reciprocalGamma(b));
        if (second.sign() != 0) {
            second = second.times(series(c - a, c - b, 1 + d, w));
        }
        return first.plus(second);
    }

    /** A&amp;S 15.3.10 (m = 0) and 15.3.11 (m > 0) for c = a + b + m; Euler's transformation for m < 0. */
    private static Signed integerConnection(double a, double b, double c, double w, int m) {
        if (m < 0) {
            return new Signed(m * Math.log(w), 1).times(integerConnection(c - a, c - b, c, w, -m));
        }
        double logW = Math.log(w);
        Signed finite = Signed.ZERO;
        if (m > 0) {
            // Gamma(m) Gamma(c) / (Gamma(a+m) Gamma(b+m)) * sum over n < m of (a)_n (b)_n / (n! (1-m)_n) w^n
            Signed coefficient = LogMath.gamma(m).times(LogMath.gamma(c)).times(LogMath.reciprocalGamma(a + m))
                    .times(LogMath.reciprocalGamma(b + m));
            double sum = 0;
            double term = 1;
            for (int n = 0; n < m; n++) {
                sum += term;
                term *= (a + n) * (b + n) / ((n + 1) * (1.0 - m + n)) * w;
            }
            finite = coefficient.times(Signed.of(sum));
        }
        Signed outer = LogMath.gamma(c).times(LogMath.reciprocalGamma(a)).times(LogMath.reciprocalGamma(b));
        if (outer.sign() == 0) {
            return finite;
        }
        // -(z-1)^m = (-1)^(m+1) w^m, times the sum over n of
        // (a+m)_n (b+m)_n / (n! (n+m)!) w^n [ln w - psi(n+1) - psi(n+m+1) + psi(a+n+m) + psi(b+n+m)]
        outer = outer.times(new Signed(m * logW - Gamma.logGamma(m + 1.0), m % 2 == 0 ? -1 : 1));
        double sum = 0;
        double term = 1;
        double psiN1 = Gamma.digamma(1);
        double psiNm1 = Gamma.digamma(m + 1.0);
        double psiA = Gamma.digamma(a + m);
        double psiB = Gamma.digamma(b + m);
        for (int n = 0; n < MAX_TERMS; n++) {
            double contribution = term * (logW - psiN1 - psiNm1 + psiA + psiB);
            sum += contribution;
            if (n > 2 && Math.abs(contribution) <= RELATIVE_TOLERANCE * Math.abs(sum)
                    && Math.abs(term) * Math.abs(logW) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                break;
            }
            term *= (a + m + n) * (b + m + n) / ((n + 1.0) * (n + m + 1.0)) * w;
            psiN1 += 1.0 / (n + 1);
            psiNm1 += 1.0 / (n + m + 1);
            psiA += 1.0 / (a + m + n);
            psiB += 1.0 / (b + m + n);
        }
        return finite.plus(outer.times(Signed.of(sum)));
    }
}
