package org.crmkit.rules.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.segment.AbcSummary;

/**
 * What a {@link CustomerBaseAnalysis} found across the customer base, in bounded memory: the
 * customers per lifecycle stage, the head of the early-warning list, the win-back candidates, the
 * ABC classes and what the purchase model did. Each customer's own assessment goes to the
 * analysis' consumer as it is made; this summary keeps none of them but the
 * {@value #HIGH_RISK_KEPT} at the head of the early-warning list. Immutable and thread-safe.
 *
 * @param asOf the day analysed; not null
 * @param policy the policy; not null
 * @param customers the number of customers analysed, zero or more
 * @param stageCounts the customers per stage, every stage present; not null
 * @param highRiskCount the customers on the early-warning list: high churn risk and not churned
 * @param highRisk the head of that list, at most {@value #HIGH_RISK_KEPT}, largest value at risk
 *     first (then the higher churn risk, then customer id); not null
 * @param winBack the churned customers flagged for win-back, zero or more
 * @param abc how customers and spend divide over the ABC classes; not null
 * @param model what was fitted (model, parameters, log-likelihood) or why nothing was; not null
 */
public record CustomerBaseSummary(LocalDate asOf, PolicyRef policy, int customers,
        Map<LifecycleStage, Integer> stageCounts, int highRiskCount, List<CustomerAssessment> highRisk, int winBack,
        AbcSummary abc, List<String> model) {

    /** How many high-risk customers the summary names, largest value at risk first. */
    public static final int HIGH_RISK_KEPT = 100;

    /**
     * The order of the early-warning list: the largest value at risk first, then the higher churn
     * risk, then customer id.
     */
    public static final Comparator<CustomerAssessment> BY_VALUE_AT_RISK = Comparator
            .comparing(CustomerAssessment::valueAtRisk).reversed()
            .thenComparing(customer -> customer.lifecycle().churnRisk().value(), Comparator.reverseOrder())
            .thenComparing(CustomerAssessment::customerId);

    /** Copies the collections. */
    public CustomerBaseSummary {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        stageCounts = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(stageCounts, "stageCounts")));
        highRisk = List.copyOf(Objects.requireNonNull(highRisk, "highRisk"));
        Objects.requireNonNull(abc, "abc");
        model = List.copyOf(Objects.requireNonNull(model, "model"));
    }

    /** Counts assessments one at a time, keeping only the head of the early-warning list. */
    static final class Tally {
        private final Map<LifecycleStage, Integer> stages = new EnumMap<>(LifecycleStage.class);
        /** The worst of the kept at its head, so that a better one can push it out. */
        private final PriorityQueue<CustomerAssessment> highRisk = new PriorityQueue<>(BY_VALUE_AT_RISK.reversed());
        private int customers;
        private int highRiskCount;
        private int winBack;

        Tally() {
            for (LifecycleStage stage : LifecycleStage.values()) {
                stages.put(stage, 0);
            }
        }

        void add(CustomerAssessment customer) {
            customers++;
            stages.merge(customer.lifecycle().lifecycleStage(), 1, Integer::sum);
            if (customer.lifecycle().winBack()) {
                winBack++;
            }
            if (customer.onEarlyWarningList()) {
                highRiskCount++;
                highRisk.add(customer);
                if (highRisk.size() > HIGH_RISK_KEPT) {
                    highRisk.poll();
                }
            }
        }

        CustomerBaseSummary summary(LocalDate asOf, PolicyRef policy, AbcSummary abc, List<String> model) {
            List<CustomerAssessment> head = new ArrayList<>(highRisk);
            head.sort(BY_VALUE_AT_RISK);
            return new CustomerBaseSummary(asOf, policy, customers, stages, highRiskCount, head, winBack, abc, model);
        }
    }
}
