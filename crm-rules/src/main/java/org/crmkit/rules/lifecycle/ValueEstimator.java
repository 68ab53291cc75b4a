package org.crmkit.rules.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.facts.CustomerFacts;

/**
 * Estimates P(alive) and lifetime value for a customer base: the seam between the lifecycle
 * analysis and the customer-base models of {@code org.crmkit.rules.clv}. The analysis streams the
 * base twice: in the first pass every customer's facts go to a {@link Fitting}, which keeps what the
 * fit needs in bounded memory; the fitted {@link ValueModel} then judges each customer in the second.
 */
@FunctionalInterface
public interface ValueEstimator {

    /**
     * Starts fitting on a customer base as of a day, the end of the calibration period.
     *
     * @param asOf the day; not null
     * @return the fitting, which takes every customer's facts
     */
    Fitting fitting(LocalDate asOf);

    /**
     * No model: P(alive) and lifetime value stay unknown.
     *
     * @return the estimator
     */
    static ValueEstimator none() {
        return asOf -> new Fitting() {
            @Override
            public void add(CustomerFacts facts) {
                // nothing to gather
            }

            @Override
            public ValueModel fit() {
                return ValueModel.none("no purchase model: P(alive) and lifetime value unknown");
            }
        };
    }

    /** Gathers a customer base, one customer at a time, then fits. Not thread-safe. */
    interface Fitting {
        /**
         * Takes the next customer.
         *
         * @param facts the customer's facts with the purchase history; not null
         */
        void add(CustomerFacts facts);

        /**
         * Fits the model on the customers taken.
         *
         * @return the model, which says nothing, with the reason, when no model can be fitted
         */
        ValueModel fit();
    }

    /** A fitted model that judges customers one at a time. Immutable and thread-safe. */
    interface ValueModel {
        /**
         * A customer's estimate.
         *
         * @param facts the customer's facts with the purchase history; not null
         * @return the estimate, or empty for a customer the model does not judge (who never bought,
         *     or when nothing was fitted)
         */
        Optional<ValueEstimate> estimate(CustomerFacts facts);

        /** @return what was fitted (model, parameters, log-likelihood) or why nothing was */
        List<String> notes();

        /**
         * A model that judges nobody.
         *
         * @param why the reason, for people; not null
         * @return the model
         */
        static ValueModel none(String why) {
            List<String> notes = List.of(why);
            return new ValueModel() {
                @Override
                public Optional<ValueEstimate> estimate(CustomerFacts facts) {
                    return Optional.empty();
                }

                @Override
                public List<String> notes() {
                    return notes;
                }
            };
        }
    }
}
