package org.crmkit.rules.clv;

/**
 * The BG/NBD expectation while alive, {@code h(u) = E[(1 - (1 + p u)^-A) / p]} over the drop-out
 * probability {@code p ~ Beta(a, beta)} with {@code u = t / (alpha + T)}, at a rising sequence of
 * times {@code t} (the periods of a lifetime value's horizon) in a few multiplications each,
 * where evaluating {@code h} afresh costs a hypergeometric series whose length grows with t.
 *
 * <p>{@code h' = A f} with {@code f(u) = E[(1 + p u)^-(A+1)] = 2F1(A+1, a; a+beta; -u)}, which
 * solves {@code u(1+u) f'' + (a + beta + (A+a+2) u) f' + (A+1) a f = 0}. From {@code u = 0}, where
 * f is the hypergeometric series, the times are covered by segments: on each, f's Taylor
 * coefficients follow from its value and slope at the segment's start by the equation's
 * three-term recurrence, h's by integrating them term by term, and the value and slope at the
 * segment's end start the next one. A segment reaches at most 1/32 of the distance to the
 * nearest singular point of the equation (u = 0 or u = -1), so the series converge like 32^-n,
 * also the recurrence's other solution, which rounding excites and which grows like (1/u)^n.
 * Since f is completely monotone its coefficients alternate, their absolute sum is f at the
 * mirrored point, and a segment is halved until that sum exceeds f at the segment's end at most
 * {@value #MAX_CANCELLATION} times, so each segment loses at most two bits to cancellation. That
 * makes about 75 segments per tenfold of u, more only where f falls steeply (large A with
 * drop-out probabilities bounded away from 0), and about a dozen terms per period.
 *
 * <p>Not thread-safe: one instance walks one customer's horizon.
 */
final class BgNbdPeriods {
    /** A segment's length relative to its distance from the nearest singular point. */
    private static final double MAX_RATIO = 1.0 / 32;
    /** The first segment starts at the singular point u = 0, where f's series has radius 1. */
    private static final double FIRST_LENGTH = 0.25;
    /** How many times f at the mirrored point may exceed f at the segment's end. */
    private static final double MAX_CANCELLATION = 4;
    private static final int MAX_TERMS = 64;
    private static final double TOLERANCE = 1e-17;
    /** How much longer, relative to its start, a segment may be than the last one before it is tried. */
    private static final double GROWTH = 1.25;
    /** Below this ratio a segment is not halved further; only reachable for degenerate parameters. */
    private static final double MIN_RATIO = 1e-12;

    private final double shape;
    private final double first;
    private final double second;
    private final double third;
    private final double scale;

    /** f's scaled Taylor coefficients on the current segment, {@code c_n L^n}. */
    private final double[] f = new double[MAX_TERMS + 1];
    /** h's, {@code A L c_n / (n + 1)}: {@code h(start + theta L) = hStart + theta * sum of h[n] theta^n}. */
    private final double[] h = new double[MAX_TERMS + 1];
    private int terms;
    /** The last segment's length relative to its start (to 1 for the first), where the next one's search begins. */
    private double ratio = FIRST_LENGTH;
    private double start;
    private double length;
    private double hStart;

    /**
     * Starts the walk at t = 0.
     *
     * @param shape A = r + x; more than 0
     * @param a the drop-out probability's first beta parameter; more than 0
     * @param beta its second, b + x; more than 0
     * @param scale alpha + T, in the unit of t; more than 0
     */
    BgNbdPeriods(double shape, double a, double beta, double scale) {
        this.shape = shape;
        this.first = shape + 1;
        this.second = a;
        this.third = a + beta;
        this.scale = scale;
        segment(0, 0, 1, -first * second / third);
    }

    /**
     * h at {@code t / scale}.
     *
     * @param t the time ahead; zero or more, and at least the last call's
     * @return the expectation while alive
     */
    double at(double t) {
        double u = t / scale;
        while (u > start + length) {
            next();
        }
        double theta = (u - start) / length;
        double sum = 0;
        for (int n = terms - 1; n >= 0; n--) {
            sum = sum * theta + h[n];
        }
        return hStart + theta * sum;
    }

    /** Moves to the segment that starts where the current one ends. */
    private void next() {
        double value = 0;
        double slope = 0;
        double integral = 0;
        for (int n = terms - 1; n >= 0; n--) {
            value += f[n];
            slope += n * f[n];
            integral += h[n];
        }
        segment(start + length, hStart + integral, value, slope / length);
    }

    /** Sets up the segment from {@code from}, where h, f and f' have the values given. */
    private void segment(double from, double hFrom, double fFrom, double slopeFrom) {
        start = from;
        hStart = hFrom;
        // Lengths relative to the distance from u = 0, the nearer singular point once past the first segment.
        double base = from == 0 ? 1 : from;
        double limit = from == 0 ? FIRST_LENGTH : MAX_RATIO;
        // A steep f keeps needing short segments: start near the last one's ratio, a little longer.
        ratio = Math.min(limit, ratio * GROWTH);
        length = ratio * base;
        while (!coefficients(from, fFrom, slopeFrom, length) && ratio > MIN_RATIO) {
            ratio /= 2;
            length = ratio * base;
        }
        for (int n = 0; n < terms; n++) {
            h[n] = shape * length * f[n] / (n + 1);
        }
    }

    /**
     * Fills f's coefficients for a segment of the given length.
     *
     * @return whether the series converged without cancelling more than allowed
     */
    private boolean coefficients(double from, double value, double slope, double step) {
        f[0] = value;
        double absolute = Math.abs(value);
        double sum = value;
        double slopeAbsolute = 0;
        double slopeSum = 0;
        int n = 1;
        if (from == 0) {
            // The hypergeometric series: c_(n+1) = -c_n (n + A + 1)(n + a) / ((n + a + beta)(n + 1)).
            for (; n <= MAX_TERMS; n++) {
                int k = n - 1;
                f[n] = -f[k] * (k + first) * (k + second) / ((k + third) * n) * step;
                absolute += Math.abs(f[n]);
                sum += f[n];
                slopeAbsolute += n * Math.abs(f[n]);
                slopeSum += n * f[n];
                if (converged(f[n], f[k], absolute)) {
                    break;
                }
            }
        } else {
            // u(1+u) at from + e is p0 + p1 e + e^2; a + beta + (A + a + 2)(from + e) is q0 + q1 e.
            double p0 = from * (1 + from);
            double p1 = 1 + 2 * from;
            double q0 = third + (first + second + 1) * from;
            f[1] = slope * step;
            absolute += Math.abs(f[1]);
            sum += f[1];
            slopeAbsolute += Math.abs(f[1]);
            slopeSum += f[1];
            for (n = 2; n <= MAX_TERMS; n++) {
                int k = n - 2;
                f[n] = -((k + 1) * (p1 * k + q0) * step * f[k + 1] + (k + first) * (k + second) * step * step * f[k])
                        / (p0 * (k + 1) * (k + 2));
                absolute += Math.abs(f[n]);
                sum += f[n];
                slopeAbsolute += n * Math.abs(f[n]);
                slopeSum += n * f[n];
                if (converged(f[n], f[n - 1], absolute)) {
                    break;
                }
            }
        }
        if (n > MAX_TERMS) {
            terms = MAX_TERMS + 1;
            return false;
        }
        terms = n + 1;
        return absolute <= MAX_CANCELLATION * Math.abs(sum) && slopeAbsolute <= MAX_CANCELLATION * Math.abs(slopeSum)
                || absolute == 0;
    }

    private static boolean converged(double last, double before, double absolute) {
        return Math.abs(last) + Math.abs(before) <= TOLERANCE * absolute;
    }
}
