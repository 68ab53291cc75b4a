package org.crmkit.rules.clv;

import java.util.Map;
import java.util.Objects;

/**
 * A model of how customers buy and, silently, stop buying: purchases follow a Poisson process
 * whose rate varies across customers as a gamma distribution, and each customer stays "alive"
 * for an unobserved lifetime. The implementations differ in how customers drop out.
 *
 * <p>Customers are described by their summary (x, t<sub>x</sub>, T): repeat purchases, the time
 * of the last one and the time since the first, all measured from the first purchase in the
 * time unit the model was fitted in. Every {@code t} is a length of time after the end of the
 * calibration period in the same unit. Arguments are checked as {@link PurchaseSummary} checks
 * them; bad ones throw {@link org.crmkit.core.InvalidValueException}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface PurchaseModel permits BgNbdModel, ParetoNbdModel {

    /** @return the model's key, {@code bgnbd} or {@code pareto_nbd} (see {@link PurchaseModelKind}) */
    String name();

    /** @return the parameters by their names in the literature, in the literature's order */
    Map<String, Double> parameters();

    /**
     * The log-likelihood of one customer's summary: the logarithm of the probability (density)
     * of x repeat purchases with the last at t<sub>x</sub> in (0, T].
     *
     * @param frequency x; zero or more
     * @param recency t<sub>x</sub>
     * @param age T
     * @return the log-likelihood, finite; exactly 0 for a customer with T = 0
     */
    double logLikelihood(int frequency, double recency, double age);

    /**
     * The log-likelihood of one customer's summary.
     *
     * @param customer the summary; not null
     * @return the log-likelihood
     */
    default double logLikelihood(PurchaseSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return logLikelihood(customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * The probability that the customer is still alive (will buy again some day) at the end of
     * the calibration period.
     *
     * @param frequency x
     * @param recency t<sub>x</sub>
     * @param age T
     * @return the probability, in [0, 1]
     */
    double probabilityAlive(int frequency, double recency, double age);

    /**
     * The probability that the customer is still alive.
     *
     * @param customer the summary; not null
     * @return the probability, in [0, 1]
     */
    default double probabilityAlive(PurchaseSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * The expected number of purchases in the time {@code t} after the calibration period, given
     * the customer's history: E[Y(t) | x, t<sub>x</sub>, T].
     *
     * @param t the length of the period ahead; zero or more
     * @param frequency x
     * @param recency t<sub>x</sub>
     * @param age T
     * @return the expected purchases, zero or more, non-decreasing in {@code t}
     */
    double conditionalExpectedPurchases(double t, int frequency, double recency, double age);

    /**
     * The expected number of purchases in the time {@code t} ahead, given the customer's history.
     *
     * @param t the length of the period ahead; zero or more
     * @param customer the summary; not null
     * @return the expected purchases
     */
    default double conditionalExpectedPurchases(double t, PurchaseSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return conditionalExpectedPurchases(t, customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * The expected number of repeat purchases of a new customer in the time {@code t} after the
     * first purchase: E[X(t)].
     *
     * @param t the length of time; zero or more
     * @return the expected purchases
     */
    double expectedPurchases(double t);

    /**
     * The probability that a new customer makes exactly {@code n} repeat purchases in the time
     * {@code t} after the first purchase: P(X(t) = n).
     *
     * @param t the length of time; zero or more
     * @param n the number of purchases; zero or more
     * @return the probability, in [0, 1]
     */
    double probabilityOfPurchases(double t, int n);
}
