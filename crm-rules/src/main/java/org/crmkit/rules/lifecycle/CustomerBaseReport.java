package org.crmkit.rules.lifecycle;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.segment.AbcSummary;

/**
 * The analysis of a customer base as of a day. Immutable and thread-safe.
 *
 * @param asOf the day; not null
 * @param policy the policy that decided; not null
 * @param customers every customer that existed on the day, in ascending id order; not null
 * @param model what the customer-base model did; not null
 * @param abc the share of customers and spend per ABC class; not null
 */
public record CustomerBaseReport(LocalDate asOf, PolicyRef policy, List<CustomerAssessment> customers,
        List<String> model, AbcSummary abc) {

    /** Copies the lists. */
    public CustomerBaseReport {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        customers = List.copyOf(Objects.requireNonNull(customers, "customers"));
        model = List.copyOf(Objects.requireNonNull(model, "model"));
        Objects.requireNonNull(abc, "abc");
    }

    /**
     * The early-warning list: customers whose churn risk is high and who are not churned yet,
     * ordered by value at risk, largest first (then by risk, then by id).
     *
     * @return the high-risk customers
     */
    public List<CustomerAssessment> highRisk() {
        return customers.stream()
                .filter(customer -> customer.lifecycle().churnRisk().high())
                .filter(customer -> customer.lifecycle().lifecycleStage() != LifecycleStage.CHURNED)
                .sorted(Comparator.comparing(CustomerAssessment::valueAtRisk).reversed()
                        .thenComparing(customer -> customer.lifecycle().churnRisk().value(), Comparator.reverseOrder())
                        .thenComparing(CustomerAssessment::customerId))
                .toList();
    }

    /** @return the number of customers per stage, in lifecycle order, zero counts included */
    public Map<LifecycleStage, Integer> stageCounts() {
        Map<LifecycleStage, Integer> counts = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            counts.put(stage, 0);
        }
        customers.forEach(customer -> counts.merge(customer.lifecycle().lifecycleStage(), 1, Integer::sum));
        return counts;
    }

    /** @return the churned customers flagged for win-back, by id */
    public List<CustomerAssessment> winBack() {
        return customers.stream().filter(customer -> customer.lifecycle().winBack()).toList();
    }
}
