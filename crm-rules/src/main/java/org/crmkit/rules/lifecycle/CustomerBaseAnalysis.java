package org.crmkit.rules.lifecycle;

import org.crmkit.rules.segment.SegmentationPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.rules.Policy;
import org.crmkit.rules.relationship.RelationshipEngine;
import org.crmkit.rules.relationship.RelationshipPolicy;
import org.crmkit.rules.segment.SegmentPopulation;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.SlaEngine;
import org.crmkit.rules.tiering.TierEngine;

/**
 * Analyses a whole customer base as of a day, streaming it from a {@link CustomerFactsSource} in
 * bounded memory: each customer's tier, the service level of every case, the signals, P(alive) and
 * lifetime value from the {@link ValueEstimator}, churn risk, lifecycle stage, relationship level
 * and type, RFM score and ABC class. The decisions themselves are the pure engines'; this class only
 * gathers their inputs.
 *
 * <h2>Two passes</h2>
 * <ol>
 *   <li>The first pass streams every customer's facts and keeps what the population-wide steps
 *       need: the purchase histories the {@link ValueEstimator} fits its models on (grouped by
 *       distinct history), each customer's recency, frequency and spend for the RFM bins and ABC
 *       classes ({@link SegmentPopulation}: two ints and a decimal per customer), and the tier of the
 *       customers who have cases.</li>
 *   <li>Then the models are fitted, the population ranked and the cases evaluated (the cases are
 *       read from their port and held by customer: they are few beside the customers).</li>
 *   <li>The second pass streams the facts again, in the same customer order, and decides each
 *       customer, handing the assessment to the caller as it is made.</li>
 * </ol>
 * The source must give the same customers in both passes; a change between them is detected and
 * reported, not silently mixed.
 *
 * <pre>{@code
 * CustomerBaseAnalysis analysis = CustomerBaseAnalysis.of(policy, ClvEstimator.of(policy.section(ClvPolicy.class)));
 * CustomerBaseSummary summary = analysis.analyse(store.facts(), store.cases(), store.caseEvents(),
 *         LocalDate.of(2026, 6, 30), assessment -> writer.write(assessment));
 * summary.highRisk().forEach(customer -> System.out.println(customer.customerId() + " " + customer.valueAtRisk()));
 * }</pre>
 * Immutable and thread-safe.
 */
public final class CustomerBaseAnalysis {
    private final Policy policy;
    private final ValueEstimator estimator;
    private final LifecycleEngine lifecycle;
    private final RelationshipEngine relationship;
    private final RelationshipPolicy relationshipPolicy;
    private final TierEngine tiers;
    private final SlaEngine sla;

    private CustomerBaseAnalysis(Policy policy, ValueEstimator estimator) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.lifecycle = LifecycleEngine.of(policy);
        this.relationshipPolicy = policy.find(RelationshipPolicy.class)
                .orElseThrow(() -> LifecycleEngine.missing(policy, "relationship"));
        this.relationship = RelationshipEngine.of(relationshipPolicy);
        this.tiers = TierEngine.of(policy);
        this.sla = SlaEngine.of(policy);
    }

    /**
     * Creates an analysis.
     *
     * @param policy a policy with {@code lifecycle} and {@code relationship} sections; not null
     * @param estimator the customer-base model, or {@link ValueEstimator#none()}; not null
     * @return the analysis
     * @throws InvalidValueException naming the missing section
     */
    public static CustomerBaseAnalysis of(Policy policy, ValueEstimator estimator) {
        return new CustomerBaseAnalysis(policy, estimator);
    }

    /**
     * Analyses every customer that existed on the day, of a base without complaints or inquiries:
     * every customer's service-level signals are 0.
     *
     * @param facts the customers' facts; not null
     * @param asOf the day; records after it are ignored; not null
     * @param each receives every customer's assessment, in ascending customer id order; not null
     * @return the summary
     * @throws CurrencyMismatchException if a purchase up to the day is not in the policy's currency
     */
    public CustomerBaseSummary analyse(CustomerFactsSource facts, LocalDate asOf,
            Consumer<? super CustomerAssessment> each) {
        return analyse(facts, Map.of(), caseId -> List.of(), asOf, each);
    }

    /**
     * Analyses every customer that existed on the day, with their complaints and inquiries.
     *
     * @param facts the customers' facts; not null
     * @param cases the complaints and inquiries; those of customers not analysed are ignored; not null
     * @param events the cases' events; not null
     * @param asOf the day; records after it are ignored; not null
     * @param each receives every customer's assessment, in ascending customer id order; not null
     * @return the summary
     * @throws CurrencyMismatchException if a purchase up to the day is not in the policy's currency
     * @throws ConcurrentUpdateException if the facts source gave other customers in the second pass
     */
    public CustomerBaseSummary analyse(CustomerFactsSource facts, ServiceCases cases, CaseEventLog events,
            LocalDate asOf, Consumer<? super CustomerAssessment> each) {
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(events, "events");
        Map<CustomerId, List<ServiceCase>> byCustomer = new HashMap<>();
        cases.forEach(serviceCase -> byCustomer.computeIfAbsent(serviceCase.customerId(), id -> new ArrayList<>())
                .add(serviceCase));
        return analyse(facts, byCustomer, events::findByCase, asOf, each);
    }

    private CustomerBaseSummary analyse(CustomerFactsSource source, Map<CustomerId, List<ServiceCase>> cases,
            Function<CaseId, List<CaseEvent>> events, LocalDate asOf, Consumer<? super CustomerAssessment> each) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(each, "each");
        FactsQuery query = FactsQuery.all(policy.header().metricsQuery(asOf), relationshipPolicy.valueAddedCategories());
        Gathered base = firstPass(source, cases, events, query, asOf);

        // Pass 2: every customer decided, in the same order.
        CustomerBaseSummary.Tally tally = new CustomerBaseSummary.Tally();
        int[] position = {0};
        source.forEach(query, facts -> {
            int at = position[0]++;
            base.ids().check(at, facts.customerId());
            CustomerAssessment assessment = assess(facts, at, base.ranking(), base.model(),
                    base.service().getOrDefault(facts.customerId(), ServiceLevelFacts.NONE));
            tally.add(assessment);
            each.accept(assessment);
        });
        base.ids().checkCount(position[0]);
        return tally.summary(asOf, policy.ref(), base.ranking().abcSummary(), base.model().notes());
    }

    /** What the second pass needs from the first: the fitted model, the ranking, the service levels, the ids. */
    private record Gathered(ValueEstimator.ValueModel model, SegmentPopulation.Ranking ranking,
            Map<CustomerId, ServiceLevelFacts> service, IdChecks ids) {
    }

    /**
     * Pass 1: what the population-wide steps need, and the tiers of customers with cases; then the
     * fit, the ranking and the cases' service levels. What was gathered for them (the histories, the
     * population's spends) is let go when this returns, before the second pass.
     */
    private Gathered firstPass(CustomerFactsSource source, Map<CustomerId, List<ServiceCase>> cases,
            Function<CaseId, List<CaseEvent>> events, FactsQuery query, LocalDate asOf) {
        ValueEstimator.Fitting fitting = estimator.fitting(asOf);
        SegmentPopulation population = SegmentPopulation.in(policy.header().currency());
        IdChecks ids = new IdChecks();
        Map<CustomerId, Optional<Tier>> tiersOfComplainants = new HashMap<>();
        // The fit, the ranking and the tiers read the metrics and the purchase history alone: the
        // activity (interactions, surveys, categories), a good part of a database's work, waits for pass 2.
        FactsQuery historyOnly = new FactsQuery(query.metrics(), EnumSet.of(FactGroup.HISTORY),
                query.valueAddedCategories());
        source.forEach(historyOnly, facts -> {
            ids.record(facts.customerId());
            population.add(facts.metrics());
            fitting.add(facts);
            if (cases.containsKey(facts.customerId())) {
                tiersOfComplainants.put(facts.customerId(), tiers.evaluate(facts.metrics()).tier());
            }
        });
        ValueEstimator.ValueModel model = fitting.fit();
        SegmentPopulation.Ranking ranking = population.rank(policy.section(SegmentationPolicy.class).rfm(), policy.section(SegmentationPolicy.class).abc());
        return new Gathered(model, ranking, serviceLevels(cases, events, tiersOfComplainants, query, asOf), ids);
    }

    private CustomerAssessment assess(CustomerFacts facts, int position, SegmentPopulation.Ranking ranking,
            ValueEstimator.ValueModel model, ServiceLevelFacts service) {
        Optional<Tier> tier = tiers.evaluate(facts.metrics()).tier();
        CustomerSignals signals = SignalsCalculator.compute(facts, Optional.of(service));
        Optional<ValueEstimate> value = model.estimate(facts);
        // The model's P(alive) says something only where the customer could have dropped out.
        if (value.isPresent() && !value.get().aliveByAssumption()) {
            signals = signals.with(Signal.P_ALIVE, value.get().probabilityAlive());
        }
        LifecycleDecision stage = lifecycle.evaluate(signals);
        // The relationship rules see the scored signals, churn risk included.
        return new CustomerAssessment(tier, stage, relationship.evaluate(stage.signals()),
                ranking.rfm(position, facts.customerId()), ranking.abc(position, facts.metrics()), value);
    }

    /** Each complainant's cases evaluated at the end of the as-of day in the policy's zone, and counted. */
    private Map<CustomerId, ServiceLevelFacts> serviceLevels(Map<CustomerId, List<ServiceCase>> cases,
            Function<CaseId, List<CaseEvent>> events, Map<CustomerId, Optional<Tier>> tiersOfComplainants,
            FactsQuery query, LocalDate asOf) {
        Instant moment = asOf.plusDays(1).atStartOfDay(policy.header().zone()).toInstant();
        Map<CustomerId, ServiceLevelFacts> service = new HashMap<>();
        tiersOfComplainants.forEach((customer, tier) -> {
            // A case opened after the day did not exist as of it: records after the day are ignored.
            List<CaseSla> slas = cases.get(customer).stream()
                    .filter(serviceCase -> !serviceCase.openedAt().toInstant().isAfter(moment))
                    .map(serviceCase -> sla.evaluate(serviceCase, events.apply(serviceCase.id()), tier, moment))
                    .toList();
            service.put(customer, ServiceLevelFacts.of(customer, query.metrics(), slas));
        });
        return service;
    }

    /**
     * The customers of the first pass, to check the second against: a hash of each id by position.
     * A source that gives other customers the second time (a database that changed in between)
     * would otherwise get others' segments.
     */
    private static final class IdChecks {
        private int[] hashes = new int[1024];
        private int size;

        void record(CustomerId id) {
            if (size == hashes.length) {
                hashes = java.util.Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = id.value().hashCode();
        }

        void check(int position, CustomerId id) {
            if (position >= size || hashes[position] != id.value().hashCode()) {
                throw changed();
            }
        }

        void checkCount(int count) {
            if (count != size) {
                throw changed();
            }
        }

        private static ConcurrentUpdateException changed() {
            return new ConcurrentUpdateException("the customers changed between the two passes of the analysis;"
                    + " run it again on data that does not change while it runs");
        }
    }
}
