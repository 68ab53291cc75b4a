package org.crmkit.rules.clv;

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
 */
public record FittedModel<M>(M model, double logLikelihood, int customers, int evaluations) {

    /** Checks the invariants. */
    public FittedModel {
        Objects.requireNonNull(model, "model");
        if (!Double.isFinite(logLikelihood)) {
            throw new InvalidValueException("fitted model: log-likelihood must be finite, was " + logLikelihood);
        }
        if (customers < 0 || evaluations < 0) {
            throw new InvalidValueException("fitted model: customers and evaluations must not be negative, were "
                    + customers + " and " + evaluations);
        }
    }
}
