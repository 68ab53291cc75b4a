package org.crmkit.rules.clv;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * A model fitted by maximum likelihood, with what the fit saw. Immutable and thread-safe if the
 * model is.
 *
 * @param <M> the model's type
 * @param model the parameters at the maximum; not null
 * @param logLikelihood the log-likelihood there, summed over the customers; finite
 * @param customers the number of customers whose summaries entered the likelihood; zero or more
 * @param evaluations how many times the optimiser evaluated the likelihood; zero or more
 * @param parametersAtBound the parameters that ended on a bound of their search range: the data
 *     do not pin them down, so read them as "very small" or "very large" rather than as estimates; not null
 */
public record FittedModel<M>(M model, double logLikelihood, int customers, int evaluations,
        List<String> parametersAtBound) {

    /** Checks the invariants. */
    public FittedModel {
        Objects.requireNonNull(model, "model");
        parametersAtBound = List.copyOf(Objects.requireNonNull(parametersAtBound, "parametersAtBound"));
        if (!Double.isFinite(logLikelihood)) {
            throw new InvalidValueException("fitted model: log-likelihood must be finite, was " + logLikelihood);
        }
        if (customers < 0 || evaluations < 0) {
            throw new InvalidValueException("fitted model: customers and evaluations must not be negative, were "
                    + customers + " and " + evaluations);
        }
    }

    /**
     * A fit with every parameter inside its search range.
     *
     * @param model the parameters; not null
     * @param logLikelihood the log-likelihood; finite
     * @param customers the customers fitted on
     * @param evaluations the likelihood evaluations
     */
    public FittedModel(M model, double logLikelihood, int customers, int evaluations) {
        this(model, logLikelihood, customers, evaluations, List.of());
    }
}
