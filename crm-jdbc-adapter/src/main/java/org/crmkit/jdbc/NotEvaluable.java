package org.crmkit.jdbc;

import java.util.Objects;
import org.crmkit.core.model.CustomerId;

/**
 * A customer whose facts could not be computed, and why: for now, a purchase that counts in
 * another currency than the query's, which the query's exchange rates do not convert (none given,
 * or none for its currency on its day), or a purchase without a currency. A facts source made by
 * {@link JdbcStore#facts(java.util.function.Consumer)} reports such a customer and goes on with the
 * next, so that one order in a foreign currency does not stop the evaluation of everyone.
 * Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param reason why, naming the purchase and its currency, and the day that has no rate; not null
 */
public record NotEvaluable(CustomerId customerId, String reason) {
    /** Checks that both parts are there. */
    public NotEvaluable {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
    }
}
