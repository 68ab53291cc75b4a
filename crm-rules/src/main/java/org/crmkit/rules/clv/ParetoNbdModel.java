package org.crmkit.rules.clv;

import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidValueException;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model of Schmittlein, Morrison &amp; Colombo, "Counting Your Customers: Who Are
 * They and What Will They Do Next?", Management Science 33(1), 1987, in the formulation of
 * Fader &amp; Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005).
 * While alive, a customer buys at a Poisson rate lambda, gamma-distributed across customers
 * with shape {@code r} and rate {@code alpha}; the customer's lifetime is exponential with rate
 * mu, gamma-distributed with shape {@code s} and rate {@code beta}.
 *
 * <p>The likelihood needs {@code A0 = (r+s+x) * integral of (alpha+y)^-(r+x) (beta+y)^-(s+1)
 * over (t_x, T]}. It is computed as the difference of the integral's tails from t<sub>x</sub> and
 * from T, each a Gauss hypergeometric function {@code 2F1(1, .; r+s+x+1; z)} after Euler's
 * transformation, with {@code z = |alpha-beta| / (max(alpha,beta) + y)} in [0, 1): the note's
 * expression for A0, in a form whose series terms are positive and fall and which stays in log
 * space for any x. The probability of n purchases integrates the lifetime numerically (see
 * {@link #probabilityOfPurchases}). Immutable and thread-safe.
 *
 * @param r the shape of the purchase rate's gamma distribution; finite and more than 0
 * @param alpha the rate of that distribution, in the time unit of the data; finite and more than 0
 * @param s the shape of the drop-out rate's gamma distribution; finite and more than 0
 * @param beta the rate of that distribution, in the time unit of the data; finite and more than 0
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta) implements PurchaseModel {
    /** The model's name in messages. */
    private static final String LABEL = "Pareto/NBD";
    private static final List<String> PARAMETERS = List.of("r", "alpha", "s", "beta");

    /** Checks the invariants. */
    public ParetoNbdModel {
        SummaryChecks.parameters(LABEL, PARAMETERS, r, alpha, s, beta);
    }

    /**
     * Creates a model.
     *
     * @param r the purchase rate's shape; more than 0
     * @param alpha the purchase rate's rate; more than 0
     * @param s the drop-out rate's shape; more than 0
     * @param beta the drop-out rate's rate; more than 0
     * @return the model
     * @throws InvalidValueException if a parameter is not a number more than 0
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
        return new ParetoNbdModel(r, alpha, s, beta);
    }

    @Override
    public String name() {
        return PurchaseModelKind.PARETO_NBD.key();
    }

    @Override
    public Map<String, Double> parameters() {
        return SummaryChecks.parameters(LABEL, PARAMETERS, r, alpha, s, beta);
    }

    @Override
    public double logLikelihood(int frequency, double recency, double age) {
        SummaryChecks.check(LABEL + " customer", frequency, recency, age);
        return uncheckedLogLikelihood(frequency, recency, age);
    }

    /** The log-likelihood of arguments already checked, for the fitter's inner loop. */
    double uncheckedLogLikelihood(int frequency, double recency, double age) {
        double common = Gamma.logGamma(r + frequency) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        double alive = -(r + frequency) * Math.log(alpha + age) - s * Math.log(beta + age);
        double droppedOut = Math.log(s) + logDroppedOutIntegral(frequency, recency, age);
        return common + LogMath.logAddExp(alive, droppedOut);
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
        SummaryChecks.check(LABEL + " customer", frequency, recency, age);
        double logOdds = Math.log(s) + logDroppedOutIntegral(frequency, recency, age)
                + (r + frequency) * Math.log(alpha + age) + s * Math.log(beta + age);
        return 1 / (1 + Math.exp(logOdds));
    }

    @Override
    public double conditionalExpectedPurchases(double t, int frequency, double recency, double age) {
        SummaryChecks.time("t", t);
        double alive = probabilityAlive(frequency, recency, age);
        if (t == 0) {
            return 0;
        }
        return alive * whileAlive(t, frequency, age);
    }

    /**
     * E[Y(t) | x, t<sub>x</sub>, T] at t = 1, 2, 3, ... for {@link CustomerValue}: the closed form
     * of {@link #conditionalExpectedPurchases(double, int, double, double)}, with P(alive) and its
     * hypergeometric functions computed once instead of once per period. Where {@code log1p} and
     * {@code expm1} are not needed for accuracy (t at least beta + T, an exponent of 1 or more) the
     * faster {@code log} and {@code exp} replace them, so the values agree to a few units in the
     * last place.
     */
    PeriodExpectations periodExpectations(PurchaseSummary customer) {
        double alive = probabilityAlive(customer);
        double scale = beta + customer.age();
        double rate = (r + customer.frequency()) / (alpha + customer.age()) * scale;
        double epsilon = s - 1;
        return period -> {
            double ratio = period / scale;
            // log(1 + ratio) is accurate to an ulp or two once ratio >= 1, as 1 - e^-y is once |y| >= 1.
            double length = ratio < 1 ? Math.log1p(ratio) : Math.log(1 + ratio);
            double product = epsilon * length;
            double integral = Math.abs(product) < 1 ? LogMath.expIntegral(epsilon, length)
                    : (1 - Math.exp(-product)) / epsilon;
            return alive * (rate * integral);
        };
    }

    /**
     * E[Y(t) | alive at T, x]: {@code (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]},
     * continuous at s = 1.
     */
    private double whileAlive(double t, int frequency, double age) {
        return (r + frequency) / (alpha + age) * (beta + age)
                * LogMath.expIntegral(s - 1, Math.log1p(t / (beta + age)));
    }

    @Override
    public double expectedPurchases(double t) {
        SummaryChecks.time("t", t);
        return r / alpha * beta * LogMath.expIntegral(s - 1, Math.log1p(t / beta));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Computed as {@code NB(n; r, alpha/(alpha+t)) (beta/(beta+t))^s} (alive at t) plus the
     * integral over the moment of death tau in (0, t) of {@code NB(n; r, alpha/(alpha+tau))} times
     * the death density {@code s beta^s (beta+tau)^-(s+1)}, by iterated Gauss-Legendre quadrature
     * on a logarithmic time scale to a relative accuracy of 1e-10. This avoids the closed form's
     * alternating sum of 2F1 values, which cancels badly for larger n.
     *
     * @throws CrmException if the quadrature does not reach that accuracy
     */
    @Override
    public double probabilityOfPurchases(double t, int n) {
        SummaryChecks.time("t", t);
        if (n < 0) {
            throw new InvalidValueException("n must not be negative, was " + n);
        }
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double logCount = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0);
        double alive = Math.exp(logNegativeBinomial(logCount, n, t) - s * Math.log1p(t / beta));
        // tau = scale (e^v - 1): the integrand's features sit at the scale of alpha and beta.
        double scale = Math.min(alpha, beta);
        double logSBetaS = Math.log(s) + s * Math.log(beta);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-10, 1e-300, 2, 30);
        double dead;
        try {
            dead = integrator.integrate(Integer.MAX_VALUE, v -> {
                double tau = scale * Math.expm1(v);
                return Math.exp(logNegativeBinomial(logCount, n, tau) + logSBetaS - (s + 1) * Math.log(beta + tau)
                        + Math.log(scale) + v);
            }, 0, Math.log1p(t / scale));
        } catch (MathIllegalStateException e) {
            // Hipparchus' exceptions stay behind the API, as the fitters' do.
            throw new CrmException("Pareto/NBD P(X(" + t + ") = " + n + ") for " + this + ": the integral did not"
                    + " converge: " + e.getMessage(), e);
        }
        return Math.min(1, Math.max(0, alive + dead));
    }

    /** log NB(n; r, alpha/(alpha+tau)): n purchases in tau for a customer alive throughout. */
    private double logNegativeBinomial(double logCount, int n, double tau) {
        double logRate = n == 0 ? 0 : n * (Math.log(tau) - Math.log(alpha + tau));
        return logCount - r * Math.log1p(tau / alpha) + logRate;
    }

    /**
     * {@code log of the integral of (alpha+y)^-(r+x) (beta+y)^-(s+1) over (t_x, T]}: the
     * difference of the tails from t<sub>x</sub> and from T; {@code -Infinity} when t<sub>x</sub> = T.
     */
    private double logDroppedOutIntegral(int frequency, double recency, double age) {
        if (recency == age) {
            return Double.NEGATIVE_INFINITY;
        }
        double fromRecency = logTail(frequency, recency);
        double fromAge = logTail(frequency, age);
        if (fromAge >= fromRecency) {
            // Only when T - t_x is below rounding: the interval holds nothing measurable.
            return Double.NEGATIVE_INFINITY;
        }
        return fromRecency + Math.log(-Math.expm1(fromAge - fromRecency));
    }

    /**
     * {@code log of the integral of (alpha+y)^-(r+x) (beta+y)^-(s+1) over (from, infinity)}. With
     * m = r+s+x and alpha >= beta it is {@code (alpha+from)^-(r+x) (beta+from)^-s / m
     * 2F1(1, r+x; m+1; (alpha-beta)/(alpha+from))}; with alpha &lt; beta the roles swap to
     * {@code (alpha+from)^-(r+x-1) (beta+from)^-(s+1) / m 2F1(1, s+1; m+1; (beta-alpha)/(beta+from))}.
     */
    private double logTail(int frequency, double from) {
        double m = r + s + frequency;
        double logAlpha = Math.log(alpha + from);
        double logBeta = Math.log(beta + from);
        if (alpha >= beta) {
            double z = (alpha - beta) / (alpha + from);
            double w = (beta + from) / (alpha + from);
            return -(r + frequency) * logAlpha - s * logBeta - Math.log(m)
                    + Hypergeometric.logHyp2f1(1, r + frequency, m + 1, z, w).log();
        }
        double z = (beta - alpha) / (beta + from);
        double w = (alpha + from) / (beta + from);
        return -(r + frequency - 1) * logAlpha - (s + 1) * logBeta - Math.log(m)
                + Hypergeometric.logHyp2f1(1, s + 1, m + 1, z, w).log();
    }
}
