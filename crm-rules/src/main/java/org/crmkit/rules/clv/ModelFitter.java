package org.crmkit.rules.clv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.hipparchus.special.Gamma;

/**
 * Fits the customer-base models to customer summaries by maximum likelihood.
 *
 * <ul>
 *   <li>Summaries are grouped into distinct (x, t<sub>x</sub>, T) rows with the number of
 *       customers as weight before optimising, so the cost grows with the number of distinct
 *       histories, not of customers.</li>
 *   <li>Hipparchus' BOBYQA searches the logarithms of the parameters, each bounded to
 *       [1e-4, 1e4] times a scale: 1 for the shapes r, a, b, s, p, q; the mean age T of the
 *       customers for the time rates alpha and beta; the mean z&#772; for the money rate gamma.
 *       So the bounds hold whatever the time unit or currency. A parameter that ends on a bound
 *       is logged as a warning: the data do not determine it.</li>
 *   <li>Customers with T = 0 (first seen on the last day) have likelihood 1 under both purchase
 *       models: they are counted but do not move the parameters.</li>
 * </ul>
 * The reported log-likelihood is the sum of the model's {@code logLikelihood} over all customers.
 */
public final class ModelFitter {
    private ModelFitter() {
    }

    /**
     * Fits a purchase model of the given kind.
     *
     * @param kind the model; not null
     * @param customers the summaries, in one time unit; not null
     * @return the fitted model
     * @throws InvalidValueException if the customers cannot identify the model (see the fitters)
     */
    public static FittedModel<? extends PurchaseModel> fit(PurchaseModelKind kind, List<PurchaseSummary> customers) {
        return fit(kind, CustomerSummaries.of(customers));
    }

    /**
     * Fits a purchase model of the given kind to gathered summaries.
     *
     * @param kind the model; not null
     * @param customers the summaries, in one time unit; not null
     * @return the fitted model
     * @throws InvalidValueException if the customers cannot identify the model (see the fitters)
     */
    public static FittedModel<? extends PurchaseModel> fit(PurchaseModelKind kind, CustomerSummaries customers) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case BGNBD -> fitBgNbd(customers);
            case PARETO_NBD -> fitParetoNbd(customers);
        };
    }

    /**
     * Fits the BG/NBD model.
     *
     * @param customers the summaries, in one time unit; not null
     * @return the fitted model, its log-likelihood, the number of customers and of evaluations
     * @throws InvalidValueException if there are no customers, none observed for any time (T &gt; 0),
     *     or none with a repeat purchase
     */
    public static FittedModel<BgNbdModel> fitBgNbd(List<PurchaseSummary> customers) {
        return fitBgNbd(CustomerSummaries.of(customers));
    }

    /**
     * Fits the BG/NBD model to gathered summaries.
     *
     * @param customers the summaries, in one time unit; not null
     * @return the fitted model, its log-likelihood, the number of customers and of evaluations
     * @throws InvalidValueException as {@link #fitBgNbd(List)} does
     */
    public static FittedModel<BgNbdModel> fitBgNbd(CustomerSummaries customers) {
        PurchaseRows rows = purchaseRows("BG/NBD", customers);
        double timeScale = customers.meanObservedAge();
        LogSpaceFit.Result result = LogSpaceFit.maximise("BG/NBD", new String[] {"r", "alpha", "a", "b"},
                new double[] {1, timeScale, 1, 1},
                parameters -> logLikelihood(new BgNbdModel(parameters[0], parameters[1], parameters[2], parameters[3]),
                        rows));
        double[] best = result.parameters();
        BgNbdModel model = new BgNbdModel(best[0], best[1], best[2], best[3]);
        return new FittedModel<>(model, logLikelihood(model, rows), rows.customers, result.evaluations(),
                result.atBound());
    }

    /**
     * Fits the Pareto/NBD model.
     *
     * @param customers the summaries, in one time unit; not null
     * @return the fitted model, its log-likelihood, the number of customers and of evaluations
     * @throws InvalidValueException if there are no customers, none observed for any time (T &gt; 0),
     *     or none with a repeat purchase
     */
    public static FittedModel<ParetoNbdModel> fitParetoNbd(List<PurchaseSummary> customers) {
        return fitParetoNbd(CustomerSummaries.of(customers));
    }

    /**
     * Fits the Pareto/NBD model to gathered summaries.
     *
     * @param customers the summaries, in one time unit; not null
     * @return the fitted model, its log-likelihood, the number of customers and of evaluations
     * @throws InvalidValueException as {@link #fitParetoNbd(List)} does
     */
    public static FittedModel<ParetoNbdModel> fitParetoNbd(CustomerSummaries customers) {
        PurchaseRows rows = purchaseRows("Pareto/NBD", customers);
        double timeScale = customers.meanObservedAge();
        LogSpaceFit.Result result = LogSpaceFit.maximise("Pareto/NBD", new String[] {"r", "alpha", "s", "beta"},
                new double[] {1, timeScale, 1, timeScale},
                parameters -> logLikelihood(new ParetoNbdModel(parameters[0], parameters[1], parameters[2],
                        parameters[3]), rows));
        double[] best = result.parameters();
        ParetoNbdModel model = new ParetoNbdModel(best[0], best[1], best[2], best[3]);
        return new FittedModel<>(model, logLikelihood(model, rows), rows.customers, result.evaluations(),
                result.atBound());
    }

    /**
     * Fits the Gamma-Gamma spend model on the customers with at least one repeat purchase; the
     * others carry no information about the value of repeat purchases and are left out.
     *
     * @param customers the summaries, with average repeat values in one currency; not null
     * @return the fitted model, its log-likelihood, the number of customers with x &gt; 0 and of
     *     evaluations
     * @throws InvalidValueException if no customer has a repeat purchase, or one with repeat
     *     purchases has an average repeat value of 0
     */
    public static FittedModel<GammaGammaModel> fitGammaGamma(List<PurchaseSummary> customers) {
        return fitGammaGamma(CustomerSummaries.of(customers));
    }

    /**
     * Fits the Gamma-Gamma spend model to gathered summaries, on the customers with a repeat purchase.
     *
     * @param customers the summaries, with average repeat values in one currency; not null
     * @return the fitted model, its log-likelihood, the number of customers with x &gt; 0 and of
     *     evaluations
     * @throws InvalidValueException as {@link #fitGammaGamma(List)} does
     */
    public static FittedModel<GammaGammaModel> fitGammaGamma(CustomerSummaries customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.unpaidRepeatBuyer().isPresent()) {
            PurchaseSummary customer = customers.unpaidRepeatBuyer().get();
            throw new InvalidValueException("Gamma-Gamma fit: customer '" + customer.customerKey() + "' has "
                    + customer.frequency() + " repeat purchases but an average repeat value of 0;"
                    + " the model needs values above 0");
        }
        if (customers.paidRepeatBuyers() == 0) {
            throw new InvalidValueException("Gamma-Gamma fit needs at least one customer with a repeat purchase, got "
                    + customers.customers() + " customers without");
        }
        return gammaGamma(customers);
    }

    /**
     * Fits the Gamma-Gamma spend model on the repeat buyers whose repeat purchases were worth more
     * than 0, leaving out those whose repeat purchases were all free, which {@link #fitGammaGamma}
     * refuses: what a customer-base analysis fits its spend model on, from summaries gathered once
     * for the purchase model too.
     *
     * @param customers the summaries, with average repeat values in one currency; not null
     * @return the fitted model, its log-likelihood, the number of repeat buyers who paid and of evaluations
     * @throws InvalidValueException if no repeat buyer paid for a repeat purchase
     */
    public static FittedModel<GammaGammaModel> fitGammaGammaOnPaidRepeatBuyers(CustomerSummaries customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.paidRepeatBuyers() == 0) {
            throw new InvalidValueException("Gamma-Gamma fit needs at least one customer whose repeat purchases were"
                    + " worth more than 0, got " + customers.customers() + " customers without");
        }
        return gammaGamma(customers);
    }

    /** Fits Gamma-Gamma on the distinct (x, zbar) pairs of the paid repeat buyers, weighted by their customers. */
    private static FittedModel<GammaGammaModel> gammaGamma(CustomerSummaries customers) {
        CustomerSummaries.SpendRows rows = customers.spendRows();
        int[] order = rows.summationOrder();
        int[] frequency = rows.frequency();
        double[] value = rows.value();
        double[] weight = rows.weight();
        SpendLikelihood likelihood = new SpendLikelihood(order, frequency, value, weight);
        LogSpaceFit.Result result = LogSpaceFit.maximise("Gamma-Gamma", new String[] {"p", "q", "gamma"},
                new double[] {1, 1, customers.meanRepeatValue()}, parameters -> likelihood.of(
                        new GammaGammaModel(parameters[0], parameters[1], parameters[2])));
        double[] best = result.parameters();
        GammaGammaModel model = new GammaGammaModel(best[0], best[1], best[2]);
        double logLikelihood = likelihood.of(model);
        return new FittedModel<>(model, logLikelihood, customers.paidRepeatBuyers(), result.evaluations(),
                result.atBound());
    }

    private static PurchaseRows purchaseRows(String model, CustomerSummaries customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.customers() == 0) {
            throw new InvalidValueException(model + " fit needs customers, got none");
        }
        if (!customers.anyObserved()) {
            throw new InvalidValueException(model + " fit needs customers observed for some time (T > 0); all "
                    + customers.customers() + " were first seen at the end of the calibration period");
        }
        if (!customers.anyRepeated()) {
            throw new InvalidValueException(model + " fit needs at least one customer with a repeat purchase; none of "
                    + customers.customers() + " has one, so the purchase rate cannot be told from the drop-out");
        }
        return customers.purchaseRows();
    }

    /** The BG/NBD log-likelihood of grouped rows, with each log and gamma function computed once per distinct value. */
    static double logLikelihood(BgNbdModel model, PurchaseRows rows) {
        double[] logAlphaRecency = new double[rows.recencies.length];
        for (int i = 0; i < logAlphaRecency.length; i++) {
            logAlphaRecency[i] = Math.log(model.alpha() + rows.recencies[i]);
        }
        double[] logAlphaAge = new double[rows.ages.length];
        for (int i = 0; i < logAlphaAge.length; i++) {
            logAlphaAge[i] = Math.log(model.alpha() + rows.ages[i]);
        }
        double[] countTerm = new double[rows.frequencies.length];
        for (int i = 0; i < countTerm.length; i++) {
            countTerm[i] = model.countTerm(rows.frequencies[i]);
        }
        double sum = 0;
        for (int row = 0; row < rows.rows; row++) {
            sum += rows.weight[row] * (countTerm[rows.frequencyIndex[row]] + model.timeTerm(rows.frequency[row],
                    logAlphaRecency[rows.recencyIndex[row]], logAlphaAge[rows.ageIndex[row]]));
        }
        return sum;
    }

    /** The Gamma-Gamma log-likelihood of grouped (x, zbar) rows, summed in the given order of rows. */
    /**
     * The Gamma-Gamma log-likelihood of grouped (x, zbar) rows, each row's term computed as
     * {@link GammaGammaModel#logLikelihood(int, double)} computes it, operation for operation, so
     * the sums are equal to the last bit; but what depends on x alone (three log-gammas) is
     * computed once per distinct x and evaluation, and log(zbar) once per fit, since these
     * dominated the fit of a large base.
     */
    private static final class SpendLikelihood {
        private final int[] order;
        private final int[] frequency;
        private final double[] value;
        private final double[] logValue;
        private final double[] weight;
        private final int maxFrequency;

        SpendLikelihood(int[] order, int[] frequency, double[] value, double[] weight) {
            this.order = order;
            this.frequency = frequency;
            this.value = value;
            this.weight = weight;
            this.logValue = new double[value.length];
            int max = 0;
            for (int i = 0; i < value.length; i++) {
                logValue[i] = Math.log(value[i]);
                max = Math.max(max, frequency[i]);
            }
            this.maxFrequency = max;
        }

        double of(GammaGammaModel model) {
            double p = model.p();
            double q = model.q();
            double gamma = model.gamma();
            // head[x]: the terms before log(zbar); tail[x]: px log x. NaN until x is met.
            double[] head = new double[maxFrequency + 1];
            double[] pxLogX = new double[maxFrequency + 1];
            Arrays.fill(head, Double.NaN);
            double sum = 0;
            for (int i : order) {
                int x = frequency[i];
                double px = p * x;
                if (Double.isNaN(head[x])) {
                    head[x] = Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma);
                    pxLogX[x] = px * Math.log(x);
                }
                sum += weight[i] * (head[x] + (px - 1) * logValue[i] + pxLogX[x]
                        - (px + q) * Math.log(gamma + x * value[i]));
            }
            return sum;
        }
    }

    /** The Pareto/NBD log-likelihood of grouped rows. */
    static double logLikelihood(ParetoNbdModel model, PurchaseRows rows) {
        double sum = 0;
        for (int row = 0; row < rows.rows; row++) {
            sum += rows.weight[row] * model.uncheckedLogLikelihood(rows.frequency[row], rows.recency(row), rows.age(row));
        }
        return sum;
    }
}
