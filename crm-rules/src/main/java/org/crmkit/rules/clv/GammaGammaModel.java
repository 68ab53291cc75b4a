package org.crmkit.rules.clv;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of the value of repeat purchases, from Fader &amp; Hardie, "The
 * Gamma-Gamma Model of Monetary Value" (2013), and Fader, Hardie &amp; Lee, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis" (2005). A customer's purchase values are gamma
 * distributed with shape {@code p} and rate nu; nu is gamma distributed across customers with
 * shape {@code q} and rate {@code gamma}. The mean value per purchase is independent of how
 * often a customer buys, so it multiplies a purchase model's expectation. Values are in the
 * currency of the data the model was fitted on. Immutable and thread-safe.
 *
 * @param p the shape of a customer's purchase values; finite and more than 0
 * @param q the shape of the rate nu across customers; finite and more than 0; more than 1 for the
 *     population to have a finite mean value
 * @param gamma the rate of that distribution, in money; finite and more than 0
 */
public record GammaGammaModel(double p, double q, double gamma) {
    /** The model's name in messages. */
    private static final String LABEL = "Gamma-Gamma";
    private static final List<String> PARAMETERS = List.of("p", "q", "gamma");

    /** Checks the invariants. */
    public GammaGammaModel {
        SummaryChecks.parameters(LABEL, PARAMETERS, p, q, gamma);
    }

    /**
     * Creates a model.
     *
     * @param p the shape of a customer's values; more than 0
     * @param q the shape of the rate across customers; more than 0
     * @param gamma the rate across customers; more than 0
     * @return the model
     * @throws InvalidValueException if a parameter is not a number more than 0
     */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(p, q, gamma);
    }

    /** @return the parameters by their names in the literature, {@code p}, {@code q}, {@code gamma}, in that order */
    public Map<String, Double> parameters() {
        return SummaryChecks.parameters(LABEL, PARAMETERS, p, q, gamma);
    }

    /**
     * The log-likelihood of a customer's mean repeat-purchase value: the logarithm of the density
     * of z&#772; given x purchases (equation 3 of the note).
     *
     * @param frequency x, the number of repeat purchases; more than 0
     * @param averageValue z&#772;, their mean value; more than 0
     * @return the log-density
     * @throws InvalidValueException if x or z&#772; is not more than 0
     */
    public double logLikelihood(int frequency, double averageValue) {
        if (frequency <= 0) {
            throw new InvalidValueException("Gamma-Gamma: the likelihood needs at least one repeat purchase, x was "
                    + frequency);
        }
        if (!Double.isFinite(averageValue) || averageValue <= 0) {
            throw new InvalidValueException("Gamma-Gamma: the average repeat value must be more than 0, was "
                    + averageValue);
        }
        double px = p * frequency;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(averageValue) + px * Math.log(frequency)
                - (px + q) * Math.log(gamma + frequency * averageValue);
    }

    /**
     * The log-likelihood of a customer's mean repeat-purchase value.
     *
     * @param customer the summary, with repeat purchases and an average value above 0; not null
     * @return the log-density
     * @throws InvalidValueException if the customer has no repeat purchase or an average value of 0
     */
    public double logLikelihood(PurchaseSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return logLikelihood(customer.frequency(), customer.averageRepeatValue().doubleValue());
    }

    /**
     * The mean value of a purchase across the whole population: {@code p gamma / (q - 1)}.
     *
     * @return the mean value
     * @throws InvalidValueException if {@code q <= 1}: the mean is then infinite
     */
    public double populationMeanValue() {
        if (q <= 1) {
            throw new InvalidValueException("Gamma-Gamma: the population's mean value is infinite when q <= 1, q is "
                    + q);
        }
        return p * gamma / (q - 1);
    }

    /**
     * The expected value of the customer's future purchases given x repeat purchases of mean
     * value z&#772;: {@code p (gamma + x zbar) / (p x + q - 1)}, a weighted mean of the
     * population mean and z&#772; that trusts z&#772; more the more purchases it averages. For
     * x = 0 it is the population mean.
     *
     * @param frequency x; zero or more
     * @param averageValue z&#772;; zero or more (ignored when x = 0)
     * @return the expected value per purchase
     * @throws InvalidValueException if the arguments are negative or not finite, or the expectation
     *     is infinite ({@code p x + q <= 1})
     */
    public double conditionalExpectedAverageValue(int frequency, double averageValue) {
        if (frequency < 0) {
            throw new InvalidValueException("Gamma-Gamma: frequency (x) must not be negative, was " + frequency);
        }
        if (!Double.isFinite(averageValue) || averageValue < 0) {
            throw new InvalidValueException("Gamma-Gamma: the average repeat value must be zero or more, was "
                    + averageValue);
        }
        if (frequency == 0) {
            return populationMeanValue();
        }
        double denominator = p * frequency + q - 1;
        if (denominator <= 0) {
            throw new InvalidValueException("Gamma-Gamma: the expected value is infinite when p x + q <= 1, was "
                    + (denominator + 1));
        }
        return p * (gamma + frequency * averageValue) / denominator;
    }
}
