package org.crmkit.core.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.SurveyAnswers;
import org.jspecify.annotations.Nullable;

/**
 * Computes facts with {@link FactsCalculator} from whatever implements the record ports, one
 * customer at a time: the reference the other sources are compared with.
 */
final class InMemoryFactsSource implements CustomerFactsSource {
    private final Customers customers;
    private final PurchaseHistory purchases;
    /** Null for a source without interactions data, whose inquiries are unknown. */
    private final @Nullable InteractionLog interactions;
    private final SurveyAnswers surveys;

    InMemoryFactsSource(Customers customers, PurchaseHistory purchases, InteractionLog interactions,
            SurveyAnswers surveys) {
        this(customers, purchases, surveys, Objects.requireNonNull(interactions, "interactions"));
    }

    /** A source without interactions data: every customer's inquiries are unknown. */
    InMemoryFactsSource(Customers customers, PurchaseHistory purchases, SurveyAnswers surveys) {
        this(customers, purchases, surveys, null);
    }

    private InMemoryFactsSource(Customers customers, PurchaseHistory purchases, SurveyAnswers surveys,
            @Nullable InteractionLog interactions) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.purchases = Objects.requireNonNull(purchases, "purchases");
        this.interactions = interactions;
        this.surveys = Objects.requireNonNull(surveys, "surveys");
    }

    @Override
    public Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query) {
        Objects.requireNonNull(query, "query");
        return customers.findById(customerId).map(customer -> compute(customer, query));
    }

    @Override
    public void forEach(FactsQuery query, Consumer<? super CustomerFacts> action) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(action, "action");
        LocalDate asOf = query.metrics().asOf();
        customers.forEach(customer -> {
            if (!customer.createdOn().isAfter(asOf)) {
                action.accept(compute(customer, query));
            }
        });
    }

    private CustomerFacts compute(Customer customer, FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        // Everything up to the as-of day: the span for sums, anything older for the history.
        DateWindow upToAsOf = DateWindow.of(LocalDate.MIN, metrics.asOf());
        // Every answer up to the end of the as-of day, for the two latest satisfaction scores.
        Instant afterAsOf = metrics.asOf().plusDays(1).atStartOfDay(metrics.zone()).toInstant();
        List<SurveyAnswer> answers = query.wants(FactGroup.ACTIVITY)
                ? surveys.findByCustomer(customer.id(), Instant.MIN, afterAsOf) : List.of();
        List<Purchase> bought = purchases.findByCustomer(customer.id(), upToAsOf);
        if (interactions == null) {
            return FactsCalculator.computeWithoutInteractions(customer, bought, answers, query);
        }
        return FactsCalculator.compute(customer, bought,
                interactions.findByCustomer(customer.id(), metrics.windowStart(), metrics.windowEndExclusive()),
                answers, query);
    }
}
