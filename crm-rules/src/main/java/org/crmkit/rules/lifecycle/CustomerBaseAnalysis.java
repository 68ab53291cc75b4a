package org.crmkit.rules.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.relationship.RelationshipEngine;
import org.crmkit.rules.relationship.RelationshipPolicy;
import org.crmkit.rules.segment.AbcClassifier;
import org.crmkit.rules.segment.AbcResult;
import org.crmkit.rules.segment.AbcSummary;
import org.crmkit.rules.segment.RfmScore;
import org.crmkit.rules.segment.RfmScorer;
import org.crmkit.rules.segment.SegmentInput;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.SlaEngine;
import org.crmkit.rules.tiering.TierEngine;

/**
 * Analyses a whole customer base in memory as of a day: metrics and tier, the service level of
 * every case, the signals, P(alive) and lifetime value from the {@link ValueEstimator}, churn risk,
 * lifecycle stage, relationship level and type, RFM score and ABC class. The decisions themselves
 * are the pure engines'; this class only computes their inputs. Immutable and thread-safe.
 *
 * <pre>{@code
 * Policy policy = PolicyLoader.standard();
 * CustomerBaseAnalysis analysis = new CustomerBaseAnalysis(policy, ClvEstimator.of(policy.clv()));
 * CustomerBaseReport report = analysis.analyse(CustomerBase.of(customers, purchases), LocalDate.of(2026, 6, 30));
 * report.highRisk().forEach(customer -> System.out.println(customer.customerId() + " " + customer.valueAtRisk()));
 * }</pre>
 */
public final class CustomerBaseAnalysis {
    private final Policy policy;
    private final ValueEstimator estimator;
    private final LifecycleEngine lifecycle;
    private final RelationshipEngine relationship;
    private final RelationshipPolicy relationshipPolicy;
    private final TierEngine tiers;
    private final SlaEngine sla;

    /**
     * Creates an analysis.
     *
     * @param policy a policy with {@code lifecycle} and {@code relationship} sections; not null
     * @param estimator the customer-base model, or {@link ValueEstimator#none()}; not null
     * @throws InvalidValueException naming the missing section
     */
    public CustomerBaseAnalysis(Policy policy, ValueEstimator estimator) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.lifecycle = new LifecycleEngine(policy.lifecycle().orElseThrow(() -> missing(policy, "lifecycle")));
        this.relationshipPolicy = policy.relationship().orElseThrow(() -> missing(policy, "relationship"));
        this.relationship = new RelationshipEngine(relationshipPolicy);
        this.tiers = TierEngine.of(policy.header(), policy.tiering());
        this.sla = SlaEngine.of(policy.ref(), policy.sla());
    }

    private static InvalidValueException missing(Policy policy, String section) {
        return new InvalidValueException("Policy " + policy.ref() + " has no " + section + " section; the standard"
                + " policy's is a starting point (crm policy show)");
    }

    /**
     * Analyses every customer that existed on the day.
     *
     * @param base the customer base; not null
     * @param asOf the day; records after it are ignored; not null
     * @return the report, customers in ascending id order
     * @throws InvalidValueException if a record belongs to no customer of the base
     * @throws CurrencyMismatchException if a purchase up to the day is not in the policy's currency
     */
    public CustomerBaseReport analyse(CustomerBase base, LocalDate asOf) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(asOf, "asOf");
        MetricsQuery query = policy.header().metricsQuery(asOf);
        // SLAs are judged at the end of the as-of day in the policy's zone.
        Instant moment = asOf.plusDays(1).atStartOfDay(policy.header().zone()).toInstant();
        Map<CustomerId, Customer> customers = new LinkedHashMap<>();
        base.customers().stream().filter(customer -> !customer.createdOn().isAfter(asOf))
                .sorted(Comparator.comparing(Customer::id)).forEach(customer -> customers.put(customer.id(), customer));
        Set<CustomerId> known = base.customers().stream().map(Customer::id).collect(Collectors.toSet());
        Map<CustomerId, List<Purchase>> purchases = byCustomer(base.purchases(), Purchase::customerId, known);
        // The whole history feeds the purchase and spend models, not just the window: one currency throughout.
        Currency currency = policy.header().currency();
        base.purchases().stream().filter(purchase -> !purchase.orderDate().isAfter(asOf))
                .filter(purchase -> !purchase.amount().currency().equals(currency)).findFirst().ifPresent(purchase -> {
                    throw new CurrencyMismatchException("Purchase '" + purchase.id() + "' of customer '"
                            + purchase.customerId() + "'", currency, purchase.amount().currency());
                });
        Map<CustomerId, List<Interaction>> interactions = byCustomer(base.interactions(), Interaction::customerId, known);
        Map<CustomerId, List<SurveyAnswer>> surveys = byCustomer(base.surveys(), SurveyAnswer::customerId, known);
        Map<CustomerId, List<ServiceCase>> cases = byCustomer(base.cases(), ServiceCase::customerId, known);

        ValueEstimates estimates = estimator.estimate(customers.keySet().stream()
                .flatMap(id -> purchases.getOrDefault(id, List.of()).stream()).toList(), asOf);
        SignalsCalculator calculator = new SignalsCalculator(relationshipPolicy.valueAddedCategories(),
                policy.header().zone());

        List<CustomerMetrics> snapshots = new ArrayList<>();
        List<Partial> partials = new ArrayList<>();
        for (Customer customer : customers.values()) {
            List<Purchase> own = purchases.getOrDefault(customer.id(), List.of());
            CustomerMetrics metrics = MetricsCalculator.compute(customer, own,
                    interactions.getOrDefault(customer.id(), List.of()), query);
            Optional<Tier> tier = tiers.evaluate(metrics).tier();
            List<CaseSla> slas = cases.getOrDefault(customer.id(), List.of()).stream()
                    .map(serviceCase -> sla.evaluate(serviceCase, base.caseEvents().getOrDefault(serviceCase.id(),
                            List.of()), tier, moment))
                    .toList();
            CustomerSignals signals = calculator.compute(metrics, new CustomerActivity(own,
                    interactions.getOrDefault(customer.id(), List.of()), surveys.getOrDefault(customer.id(), List.of()),
                    slas));
            // The model judged exactly the customers who bought up to the day.
            Optional<ValueEstimate> value = estimates.of(customer.id());
            if (value.isPresent() && !value.get().aliveByAssumption()) {
                signals = signals.with(Signal.P_ALIVE, value.get().probabilityAlive());
            }
            snapshots.add(metrics);
            partials.add(new Partial(tier, signals, value));
        }

        Map<CustomerId, RfmScore> rfm = RfmScorer.score(snapshots.stream().map(SegmentInput::of)
                        .flatMap(Optional::stream).toList(), policy.segmentation().rfm()).stream()
                .collect(Collectors.toMap(RfmScore::customerId, Function.identity()));
        Map<CustomerId, Money> spends = new LinkedHashMap<>();
        snapshots.forEach(metrics -> spends.put(metrics.customerId(), metrics.spend()));
        List<AbcResult> abcResults = AbcClassifier.classify(spends, policy.segmentation().abc());
        Map<CustomerId, AbcResult> abc = abcResults.stream()
                .collect(Collectors.toMap(AbcResult::customerId, Function.identity()));

        List<CustomerAssessment> assessed = new ArrayList<>();
        for (Partial partial : partials) {
            CustomerId id = partial.signals().metrics().customerId();
            LifecycleDecision stage = lifecycle.evaluate(partial.signals());
            // The relationship rules see the scored signals, churn risk included.
            assessed.add(new CustomerAssessment(partial.tier(), stage, relationship.evaluate(stage.signals()),
                    Optional.ofNullable(rfm.get(id)), abc.get(id), partial.value()));
        }
        return new CustomerBaseReport(asOf, policy.ref(), assessed, estimates.notes(), AbcSummary.of(abcResults));
    }

    /** A customer's inputs before the population-wide segments are known. */
    private record Partial(Optional<Tier> tier, CustomerSignals signals, Optional<ValueEstimate> value) {
    }

    private static <T> Map<CustomerId, List<T>> byCustomer(Collection<T> records, Function<T, CustomerId> owner,
            Set<CustomerId> known) {
        Map<CustomerId, List<T>> grouped = new HashMap<>();
        records.forEach(item -> grouped.computeIfAbsent(owner.apply(item), id -> new ArrayList<>()).add(item));
        grouped.keySet().stream().filter(id -> !known.contains(id)).sorted().findFirst().ifPresent(id -> {
            throw new InvalidValueException("Records of customer '" + id + "', who is not in the customer base");
        });
        return grouped;
    }
}
