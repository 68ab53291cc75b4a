package org.crmkit.rules.clv;

import java.util.List;
import java.util.Map;
import org.crmkit.rules.clv.LogMath.Signed;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model (beta-geometric / negative binomial distribution) of Fader, Hardie &amp; Lee,
 * "Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing
 * Science 24(2), 2005. While alive, a customer buys at a Poisson rate lambda, gamma-distributed
 * across customers with shape {@code r} and rate {@code alpha}; after every purchase the customer
 * drops out with probability p, beta-distributed across customers with parameters {@code a} and
 * {@code b}. A customer without a repeat purchase is therefore alive for certain.
 *
 * <p>The likelihood is the paper's equation (6), in log space. The conditional expectation is the
 * paper's equation (10), rewritten with Euler's transformation as
 * {@code (a+b+x-1) [1 - w^(a-1)]/(a-1) - w^(a-1) S} with {@code w = (alpha+T)/(alpha+T+t)} and a
 * series S (2F1's terms after the first) whose terms do not grow with x, so that it has no hole
 * at {@code a = 1} and no overflow for customers with a thousand purchases. Where that form
 * cancels (the purchase shape r far above a + b, extreme drop-out parameters, a horizon
 * thousands of times the customer's age), the expectation is integrated over the drop-out
 * probability instead. P(X(t) = n) is the paper's equation (8). Immutable and thread-safe.
 *
 * @param r the shape of the purchase rate's gamma distribution; finite and more than 0
 * @param alpha the rate (inverse scale) of that distribution, in the time unit of the data; finite and more than 0
 * @param a the first parameter of the drop-out probability's beta distribution; finite and more than 0
 * @param b the second parameter of that distribution; finite and more than 0
 */
public record BgNbdModel(double r, double alpha, double a, double b) implements PurchaseModel {
    /** The model's name in messages. */
    private static final String LABEL = "BG/NBD";
    private static final List<String> PARAMETERS = List.of("r", "alpha", "a", "b");
    /** Beyond this many terms the series S gives way to quadrature. */
    private static final int SERIES_TERMS = Hypergeometric.DIRECT_TERMS;

    /** Checks the invariants. */
    public BgNbdModel {
        SummaryChecks.parameters(LABEL, PARAMETERS, r, alpha, a, b);
    }

    /**
     * Creates a model.
     *
     * @param r the purchase rate's shape; more than 0
     * @param alpha the purchase rate's rate; more than 0
     * @param a the drop-out's first beta parameter; more than 0
     * @param b the drop-out's second beta parameter; more than 0
     * @return the model
     * @throws org.crmkit.core.InvalidValueException if a parameter is not a number more than 0
     */
    public static BgNbdModel of(double r, double alpha, double a, double b) {
        return new BgNbdModel(r, alpha, a, b);
    }

    @Override
    public String name() {
        return PurchaseModelKind.BGNBD.key();
    }

    @Override
    public Map<String, Double> parameters() {
        return SummaryChecks.parameters(LABEL, PARAMETERS, r, alpha, a, b);
    }

    @Override
    public double logLikelihood(int frequency, double recency, double age) {
        SummaryChecks.check(LABEL + " customer", frequency, recency, age);
        return countTerm(frequency) + timeTerm(frequency, Math.log(alpha + recency), Math.log(alpha + age));
    }

    /**
     * The part of the log-likelihood that depends on x alone: {@code log Gamma(r+x) - log Gamma(r)
     * + r log alpha + log B(a, b+x) - log B(a, b)}. The fitter computes it once per distinct x.
     */
    double countTerm(int frequency) {
        return Gamma.logGamma(r + frequency) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Beta.logBeta(a, b + frequency) - Beta.logBeta(a, b);
    }

    /**
     * The rest of the log-likelihood: alive at T, or dropped out after the last purchase at
     * t<sub>x</sub>, from the logarithms of {@code alpha + t_x} and {@code alpha + T}.
     */
    double timeTerm(int frequency, double logAlphaRecency, double logAlphaAge) {
        double alive = -(r + frequency) * logAlphaAge;
        if (frequency == 0) {
            return alive;
        }
        double droppedOut = Math.log(a) - Math.log(b + frequency - 1) - (r + frequency) * logAlphaRecency;
        return LogMath.logAddExp(alive, droppedOut);
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
        SummaryChecks.check(LABEL + " customer", frequency, recency, age);
        if (frequency == 0) {
            return 1;
        }
        double logOdds = Math.log(a) - Math.log(b + frequency - 1)
                + (r + frequency) * Math.log1p((age - recency) / (alpha + recency));
        return 1 / (1 + Math.exp(logOdds));
    }

    @Override
    public double conditionalExpectedPurchases(double t, int frequency, double recency, double age) {
        SummaryChecks.time("t", t);
        double alive = probabilityAlive(frequency, recency, age);
        return t == 0 ? 0 : alive * meanWhileAlive(t, frequency, age);
    }

    /**
     * E[Y(t) | x, t<sub>x</sub>, T] at t = 1, 2, 3, ... for {@link CustomerValue}: P(alive) once,
     * and the expectation while alive walked period by period (see {@link BgNbdPeriods}) instead of
     * a series per period whose length grows with t.
     */
    PeriodExpectations periodExpectations(PurchaseSummary customer) {
        double alive = probabilityAlive(customer);
        if (alive == 0) {
            return period -> 0;
        }
        BgNbdPeriods whileAlive = new BgNbdPeriods(r + customer.frequency(), a, b + customer.frequency(),
                alpha + customer.age());
        return period -> alive * whileAlive.at(period);
    }

    @Override
    public double expectedPurchases(double t) {
        SummaryChecks.time("t", t);
        // A new customer: no repeat purchase, no time observed, alive.
        return t == 0 ? 0 : meanWhileAlive(t, 0, 0);
    }

    @Override
    public double probabilityOfPurchases(double t, int n) {
        SummaryChecks.time("t", t);
        if (n < 0) {
            throw new org.crmkit.core.InvalidValueException("n must not be negative, was " + n);
        }
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        // Equation (8) of the paper; its finite sum is the negative binomial's upper tail, a
        // regularized incomplete beta function.
        double logBetaAB = Beta.logBeta(a, b);
        double logShare = -r * Math.log1p(t / alpha) + n * (Math.log(t) - Math.log(alpha + t));
        double stillAlive = Math.exp(Beta.logBeta(a, b + n) - logBetaAB + Gamma.logGamma(r + n) - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0) + logShare);
        if (n == 0) {
            return Math.min(1, stillAlive);
        }
        double tail = Beta.regularizedBeta(t / (alpha + t), n, r);
        double droppedOut = Math.exp(Beta.logBeta(a + 1, b + n - 1) - logBetaAB) * tail;
        return Math.min(1, Math.max(0, stillAlive + droppedOut));
    }

    /**
     * E[Y(t) | alive at T, x], the paper's equation (10) without the factor P(alive), as
     * {@code c [1 - w^(a-1)]/(a-1) - w^(a-1) S}. Where that difference loses more than five
     * digits to cancellation, or S would alternate or need too many terms, the expectation is
     * integrated over the drop-out probability instead ({@link DropOutMixture}).
     */
    private double meanWhileAlive(double t, int frequency, double age) {
        double scale = alpha + age;
        double z = t / (scale + t);
        double w = scale / (scale + t);
        double logW = -Math.log1p(t / scale);
        double shifted = a + b - 1 - r;
        double c = a + b + frequency - 1;
        // The series' terms rise while k < a - r - x - 2, then fall like z^k; they alternate
        // while k < -(a + b - 1 - r).
        double terms = (Math.max(0, a - r - frequency - 2) * z + 40) / w;
        if (shifted > -2 && terms <= SERIES_TERMS) {
            double first = c * LogMath.expIntegral(a - 1, -logW);
            // S = sum over k >= 1 of (a+b-1-r)_k (a)_(k-1) z^k / ((a+b+x)_(k-1) k!): the terms of
            // 2F1(a+b-1-r, a-1; c; z) times c / (a - 1), summed without that factor.
            Signed series = Hypergeometric.tail(shifted, a - 1, c, z, 1, shifted * z);
            double mean = first - series.sign() * Math.exp((a - 1) * logW + series.log());
            if (mean > first * 1e-5) {
                return mean;
            }
        }
        return DropOutMixture.expectation(r + frequency, t / scale, a, b + frequency);
    }
}
