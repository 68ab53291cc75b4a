package org.crmkit.core.port;

import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.model.CustomerId;

/**
 * Computes customers' {@link CustomerFacts} where the data lives: in memory from the other ports,
 * in SQL in the JDBC adapter, in a streaming pass over files in the command line. Every
 * implementation must give the facts that {@link org.crmkit.core.facts.FactsCalculator} defines;
 * the contract tests in crm-core's test jar check it.
 *
 * <p>{@link #forEach} streams: an implementation never holds the whole customer base's facts, and
 * a caller that needs them all keeps only what it needs of each.
 */
public interface CustomerFactsSource {
    /**
     * One customer's facts. Answers for every known customer, including one created after the
     * as-of day, whose tenure is then 0.
     *
     * @param customerId the customer; not null
     * @param query what to compute; not null
     * @return the facts, or empty for an unknown customer
     */
    Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query);

    /**
     * The facts of every customer created on or before the as-of day, in ascending customer id
     * order (of the ids' {@link String#compareTo natural order}): a past day is never evaluated for
     * customers who did not exist yet. The action must not call back into the ports, since
     * implementations may stream from storage.
     *
     * @param query what to compute; not null
     * @param action called once per customer created on or before the as-of day; not null
     */
    void forEach(FactsQuery query, Consumer<? super CustomerFacts> action);
}
