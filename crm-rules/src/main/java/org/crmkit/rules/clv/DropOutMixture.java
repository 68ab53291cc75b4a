package org.crmkit.rules.clv;

import org.hipparchus.special.Beta;

/**
 * The BG/NBD expectation while alive from its definition, {@code E[(1 - (1 + p u)^-A) / p]} over
 * the drop-out probability {@code p ~ Beta(a, beta)}, by tanh-sinh (double exponential)
 * quadrature: {@code p = 1 / (1 + exp(-pi sinh s))} moves the beta density's endpoint
 * singularities to infinity in s, where the integrand falls double exponentially, and the
 * trapezoidal rule in s converges geometrically as its step halves. It serves where the series
 * form cancels: many more purchases expected from the rate's shape than a + b (alternating
 * terms), extreme drop-out parameters, or a horizon thousands of times the customer's age.
 */
final class DropOutMixture {
    private static final double COARSE_STEP = 1.0 / 16;
    /** How far below its largest value the log-weight may fall before the range ends. */
    private static final double NEGLIGIBLE = 50;
    /** p = e^(-pi sinh 25) is far below anything a parameter in the fitting range can weigh. */
    private static final double LIMIT = 25;
    private static final int MAX_LEVELS = 14;
    private static final double RELATIVE_TOLERANCE = 1e-13;

    private final double shape;
    private final double u;
    private final double logU;
    private final double a;
    private final double beta;
    private final double logNorm;

    private DropOutMixture(double shape, double u, double a, double beta) {
        this.shape = shape;
        this.u = u;
        this.logU = Math.log(u);
        this.a = a;
        this.beta = beta;
        this.logNorm = Beta.logBeta(a, beta);
    }

    /**
     * {@code E[(1 - (1 + p u)^-shape) / p]} for {@code p ~ Beta(a, beta)}.
     *
     * @param shape the exponent A = r + x; more than 0
     * @param u the time ahead over alpha + T; more than 0
     * @param a the beta distribution's first parameter; more than 0
     * @param beta its second parameter, b + x; more than 0
     * @return the expectation, zero or more
     */
    static double expectation(double shape, double u, double a, double beta) {
        return new DropOutMixture(shape, u, a, beta).integrate();
    }

    private double integrate() {
        // Start at the beta mean's s and walk out until the weight is negligible on both sides.
        double start = Math.max(-LIMIT, Math.min(LIMIT, asinh(Math.log(a / beta) / Math.PI)));
        double peak = logWeight(start);
        double low = start;
        for (double weight = peak; low > -LIMIT && weight > peak - NEGLIGIBLE; weight = logWeight(low)) {
            peak = Math.max(peak, weight);
            low -= COARSE_STEP;
        }
        double high = start;
        for (double weight = peak; high < LIMIT && weight > peak - NEGLIGIBLE; weight = logWeight(high)) {
            peak = Math.max(peak, weight);
            high += COARSE_STEP;
        }
        int intervals = Math.max(64, (int) Math.ceil((high - low) / COARSE_STEP));
        double step = (high - low) / intervals;
        double sum = (integrand(low) + integrand(high)) / 2;
        for (int i = 1; i < intervals; i++) {
            sum += integrand(low + i * step);
        }
        double estimate = sum * step;
        for (int level = 0; level < MAX_LEVELS; level++) {
            // Halve the step: the new points are the midpoints of the old intervals.
            for (int i = 0; i < intervals; i++) {
                sum += integrand(low + (i + 0.5) * step);
            }
            intervals *= 2;
            step /= 2;
            double refined = sum * step;
            boolean converged = Math.abs(refined - estimate) <= RELATIVE_TOLERANCE * Math.abs(refined);
            estimate = refined;
            if (converged && level > 0) {
                break;
            }
        }
        return estimate;
    }

    private double integrand(double s) {
        double logP = -softplus(-Math.PI * Math.sinh(s));
        double pu = Math.exp(logP + logU);
        // For tiny p u the Taylor series: p itself may be subnormal there and carry few digits.
        double mean = pu * (shape + 1) < 1e-6 ? shape * u * (1 - (shape + 1) * pu / 2)
                : -Math.expm1(-shape * Math.log1p(pu)) / Math.exp(logP);
        return mean * Math.exp(logWeight(s));
    }

    /** log of the beta density in s, including the Jacobian dp/ds = p (1 - p) pi cosh s. */
    private double logWeight(double s) {
        double e = Math.PI * Math.sinh(s);
        return a * -softplus(-e) + beta * -softplus(e) - logNorm + Math.log(Math.PI * Math.cosh(s));
    }

    /** log(1 + e^x) without overflow. */
    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static double asinh(double x) {
        return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
    }
}
