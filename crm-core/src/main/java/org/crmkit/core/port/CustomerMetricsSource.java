package org.crmkit.core.port;

import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;

/**
 * Computes metrics snapshots where the data lives: in memory from the other ports, in SQL in
 * the JDBC adapter. Every implementation must give the numbers that
 * {@link org.crmkit.core.metrics.MetricsCalculator} defines.
 */
public interface CustomerMetricsSource {
    /**
     * One customer's snapshot. Answers for every known customer, including one created after
     * the as-of day, whose tenure is then 0.
     *
     * @param customerId the customer; not null
     * @param query as-of day, window, zone and currency; not null
     * @return the snapshot, or empty for an unknown customer
     */
    Optional<CustomerMetrics> find(CustomerId customerId, MetricsQuery query);

    /**
     * The snapshot of every customer created on or before the as-of day, in ascending customer
     * id order: a past day is never evaluated for customers who did not exist yet. Customers
     * created after {@code query.asOf()} are skipped, although {@link #find} still answers for
     * them. The action must not call back into the ports, since implementations may stream from
     * storage.
     *
     * @param query as-of day, window, zone and currency; not null
     * @param action called once per customer created on or before {@code query.asOf()}; not null
     */
    void forEach(MetricsQuery query, Consumer<? super CustomerMetrics> action);
}
