package org.crmkit.rules.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;

/**
 * A customer-base model's estimates for the customers it could judge, and what it did, for
 * people. Immutable and thread-safe.
 *
 * @param byCustomer the estimate of every customer with a purchase, when a model was fitted; not null
 * @param notes what was fitted (model, parameters, log-likelihood) or why nothing was; not null
 */
public record ValueEstimates(Map<CustomerId, ValueEstimate> byCustomer, List<String> notes) {

    /** Copies the collections. */
    public ValueEstimates {
        byCustomer = Map.copyOf(Objects.requireNonNull(byCustomer, "byCustomer"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /**
     * No estimates.
     *
     * @param why the reason, for people; not null
     * @return the empty estimates
     */
    public static ValueEstimates none(String why) {
        return new ValueEstimates(Map.of(), List.of(why));
    }

    /**
     * One customer's estimate.
     *
     * @param customerId the customer; not null
     * @return the estimate, or empty if the model did not judge the customer
     */
    public Optional<ValueEstimate> of(CustomerId customerId) {
        return Optional.ofNullable(byCustomer.get(Objects.requireNonNull(customerId, "customerId")));
    }
}
