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
     * One customer's snapshot.
     *
     * @param customerId the customer; not null
     * @param query as-of day, window, zone and currency; not null
     * @return the snapshot, or empty for an unknown customer
     */
    Optional<CustomerMetrics> find(CustomerId customerId, MetricsQuery query);

    /**
     * Every customer's snapshot, in ascending customer id order. The action must not call back
     * into the ports, since implementations may stream from storage.
     *
     * @param query as-of day, window, zone and currency; not null
     * @param action called once per customer; not null
     */
    void forEach(MetricsQuery query, Consumer<? super CustomerMetrics> action);
}
