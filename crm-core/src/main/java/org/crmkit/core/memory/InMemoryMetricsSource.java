package org.crmkit.core.memory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.port.CustomerMetricsSource;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.PurchaseHistory;

/** Computes snapshots with {@link MetricsCalculator} from whatever implements the other ports. */
final class InMemoryMetricsSource implements CustomerMetricsSource {
    private final Customers customers;
    private final PurchaseHistory purchases;
    private final InteractionLog interactions;

    InMemoryMetricsSource(Customers customers, PurchaseHistory purchases, InteractionLog interactions) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.purchases = Objects.requireNonNull(purchases, "purchases");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
    }

    @Override
    public Optional<CustomerMetrics> find(CustomerId customerId, MetricsQuery query) {
        Objects.requireNonNull(query, "query");
        return customers.findById(customerId).map(customer -> compute(customer, query));
    }

    @Override
    public void forEach(MetricsQuery query, Consumer<? super CustomerMetrics> action) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(action, "action");
        customers.forEach(customer -> {
            if (!customer.createdOn().isAfter(query.asOf())) {
                action.accept(compute(customer, query));
            }
        });
    }

    private CustomerMetrics compute(Customer customer, MetricsQuery query) {
        // Everything up to the as-of day: the span for sums, anything older for the last purchase.
        DateWindow upToAsOf = DateWindow.of(LocalDate.MIN, query.asOf());
        List<Purchase> history = purchases.findByCustomer(customer.id(), upToAsOf);
        List<Interaction> inWindow = interactions.findByCustomer(customer.id(), query.windowStart(),
                query.windowEndExclusive());
        return MetricsCalculator.compute(customer, history, inWindow, query);
    }
}
