package org.crmkit.rules.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.condition.AllOf;
import org.crmkit.rules.condition.AnyOf;
import org.crmkit.rules.condition.Comparison;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.Operator;
import org.crmkit.rules.policy.EvaluationWindow;
import org.crmkit.rules.policy.PolicyHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled rules decide and explain exactly as the tree-walking {@link Condition#evaluate} does:
 * random policies (nested all/any over every metric, every operator, thresholds of every scale and
 * beyond a long) against snapshots whose values often sit on, just below or just above a threshold.
 */
class CompiledTierRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final PolicyHeader HEADER = new PolicyHeader(PolicyRef.of("random", "1"), LocalDate.of(2026, 1, 1),
            Money.currency("CNY"), ZoneId.of("Asia/Shanghai"), EvaluationWindow.trailingYear());
    private static final BigDecimal BEYOND_LONG = new BigDecimal("100000000000000000000");

    /** A policy and snapshots drawn near its thresholds. */
    private record Case(List<TierRule> rules, List<CustomerMetrics> snapshots) {
    }

    @Test
    void everyRuleHoldsAndExplainsItselfAsTheTreeWalkingEvaluationDoes() {
        Property.forAll(cases()).tries(2_000).cover("a rule held", 50).cover("a rule did not hold", 50)
                .cover("a comparison of nested all/any", 30).cover("an inquiries comparison on unknown inquiries", 10)
                .check(example -> {
            CompiledTierRules compiled = CompiledTierRules.compile(HEADER.currency(), example.rules());
            Property.classify("a comparison of nested all/any", example.rules().stream()
                    .anyMatch(rule -> rule.when() instanceof AllOf all && all.conditions().stream()
                            .anyMatch(part -> !(part instanceof Comparison))
                            || rule.when() instanceof AnyOf any && any.conditions().stream()
                            .anyMatch(part -> !(part instanceof Comparison))));
            boolean held = false;
            boolean failed = false;
            boolean unknownCompared = false;
            for (CustomerMetrics metrics : example.snapshots()) {
                unknownCompared |= !metrics.inquiriesKnown() && mentions(example.rules(), Metric.INQUIRIES);
                for (int r = 0; r < example.rules().size(); r++) {
                    RuleResult reference = example.rules().get(r).evaluate(metrics);
                    held |= reference.matched();
                    failed |= !reference.matched();
                    StringBuilder explanation = new StringBuilder();
                    compiled.explain(r, reference.matched(), metrics, explanation);

                    assertThat(compiled.matches(r, metrics)).as("rule %d on %s", r, metrics)
                            .isEqualTo(reference.matched());
                    assertThat(explanation.toString()).isEqualTo(reference.explain());
                }
            }
            Property.classify("an inquiries comparison on unknown inquiries", unknownCompared);
            Property.classify("a rule held", held);
            Property.classify("a rule did not hold", failed);
        });
    }

    @Test
    void engineDecisionsEqualDecisionsMadeFromTheTreeWalkingResults() {
        Property.forAll(cases(), Gens.integers(1, 3), Gens.integers(0, 4)).tries(500)
                .cover("no rule matched", 20).cover("a rule matched", 50).cover("demotion grace held a tier", 5)
                .check((example, graceEvaluations, heldRank) -> {
                    List<Tier> tiers = example.rules().stream().map(TierRule::tier).toList();
                    TieringPolicy policy = new TieringPolicy(example.rules(), HitPolicy.FIRST_MATCH,
                            Optional.of(DemotionGrace.of(graceEvaluations)), Map.of());
                    TierEngine engine = TierEngine.of(HEADER, policy);
                    for (CustomerMetrics metrics : example.snapshots()) {
                        Optional<TierAssignment> previous = heldRank < tiers.size()
                                ? Optional.of(new TierAssignment(metrics.customerId(), Optional.of(tiers.get(heldRank)),
                                        AS_OF.minusMonths(1), HEADER.ref(), graceEvaluations - 1, Instant.EPOCH))
                                : Optional.empty();

                        TierDecision decision = engine.evaluate(metrics, previous);
                        Property.classify("no rule matched", decision.ruleTier().isEmpty());
                        Property.classify("a rule matched", decision.ruleTier().isPresent());
                        Property.classify("demotion grace held a tier", !decision.tier().equals(decision.ruleTier()));

                        List<RuleResult> reference = treeWalk(example.rules(), metrics);
                        Optional<Tier> referenceTier = reference.get(reference.size() - 1).matched()
                                ? Optional.of(reference.get(reference.size() - 1).rule().tier()) : Optional.empty();
                        TierDecision eager = new TierDecision(metrics, HEADER.ref(), reference, decision.ruleTier(),
                                decision.tier(), decision.grace(), decision.notes(), decision.evaluationsBelow());
                        assertThat(decision.ruleTier()).isEqualTo(referenceTier);
                        assertThat(decision.evaluatedRules()).isEqualTo(reference);
                        assertThat(decision.matchedRule()).isEqualTo(reference.stream().filter(RuleResult::matched)
                                .findFirst());
                        assertThat(decision.reasons()).isEqualTo(eager.reasons());
                        assertThat(decision).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
                        assertThat(eager).isEqualTo(decision);
                    }
                });
    }

    @Test
    void explainsNestedAnyAndAllAsTheReadmeShowsThem() {
        Policy policy = PolicyDocuments.load("""
                id: nested
                version: 1
                effective_from: 2026-01-01
                currency: CNY
                time_zone: Asia/Shanghai
                tiers:
                  - name: core
                    when:
                      all:
                        - spend: {gte: 100000, currency: CNY}
                        - any:
                            - active_quarters: {gte: 3}
                            - strategic_agreement: true
                            - all:
                                - orders: {gt: 10}
                                - tenure_months: {gte: 24, lt: 120}
                  - name: basic
                    when:
                      spend: {gt: 0.005}
                """, "nested.yaml");
        TierEngine engine = TierEngine.of(policy.header(), policy.section(TieringPolicy.class));

        TierDecision decision = engine.evaluate(metrics("120000", 2, 11, 0, 36, false));

        assertThat(decision.reasons()).containsExactly("rule core matched: spend 120000.00 >= 100000 met; "
                + "(any of: active_quarters 2 >= 3 not met or strategic_agreement false = true not met or "
                + "(orders 11 > 10 met; tenure_months 36 >= 24 met; tenure_months 36 < 120 met))");
        assertThat(engine.evaluate(metrics("0.001", 0, 1, 0, 0, false)).reasons()).containsExactly(
                "rule core not matched: spend 0.001 >= 100000 not met; (any of: active_quarters 0 >= 3 not met or "
                        + "strategic_agreement false = true not met or (orders 1 > 10 not met; tenure_months 0 >= 24 "
                        + "not met; tenure_months 0 < 120 met))",
                "rule basic not matched: spend 0.001 > 0.005 not met",
                "no rule matched: no tier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.05", "-0.05", "7", "-7", "123.4500", "100000.00", "0.000000000000000001",
        "999999999999999999", "999999999999999.999", "9999999999999999999", "99999999999999999.99",
        "-999999999999999999", "12345678901234567890.12", "1E+3", "-1.5E+2", "0E-20", "123456789012345678901234.5"})
    void printsAmountsAsToPlainStringDoes(String amount) {
        StringBuilder out = new StringBuilder("spend ");

        CompiledTierRules.appendPlain(new BigDecimal(amount), out);

        assertThat(out.toString()).isEqualTo("spend " + new BigDecimal(amount).toPlainString());
    }

    @Test
    void printsAnyAmountAsToPlainStringDoes() {
        Property.forAll(Gens.integers(0, 20).flatMap(scale -> Gens.bigDecimals(new BigDecimal("-1E+20"),
                new BigDecimal("1E+20"), scale))).check(amount -> {
                    StringBuilder out = new StringBuilder();
                    CompiledTierRules.appendPlain(amount, out);
                    assertThat(out.toString()).isEqualTo(amount.toPlainString());
                });
    }

    @Test
    void aSignalInATierRuleFailsAsTheTreeWalkingEvaluationDoes() {
        TierRule rule = TierRule.of(Tier.of("core"), Condition.all(Comparison.of(Metric.SPEND, Operator.GT, "0"),
                Comparison.of(Signal.REFERRALS, Operator.GTE, "1")));
        TierEngine engine = TierEngine.of(HEADER, new TieringPolicy(List.of(rule), HitPolicy.FIRST_MATCH,
                Optional.empty(), Map.of()));
        CustomerMetrics metrics = metrics("5", 1, 1, 0, 0, false);

        assertThatThrownBy(() -> rule.evaluate(metrics)).isInstanceOf(InvalidValueException.class)
                .hasMessage("The metrics snapshot has no referrals; signals need a CustomerSignals snapshot");
        assertThatThrownBy(() -> engine.evaluate(metrics)).isInstanceOf(InvalidValueException.class)
                .hasMessage("The metrics snapshot has no referrals; signals need a CustomerSignals snapshot");
    }

    @Test
    void unknownInquiriesExplainThePotentialTierAsTheTreeWalkingEvaluationDoes() {
        Policy standard = PolicyLoader.standard();
        TieringPolicy tiering = standard.section(TieringPolicy.class);
        TierEngine engine = TierEngine.of(standard.header(), tiering);
        // No purchase in the window, inquiries not known: every rule is tried, potential does not hold.
        CustomerMetrics unknown = metrics("0", 0, 0, 0, 24, false).withInquiriesUnknown();

        TierDecision decision = engine.evaluate(unknown);

        assertThat(decision.ruleTier()).isEmpty();
        assertThat(decision.reasons()).containsExactly(
                "rule core not matched: spend 0.00 >= 100000 not met; active_quarters 0 >= 3 not met",
                "rule important not matched: spend 0.00 >= 30000 not met",
                "rule basic not matched: spend 0.00 > 0 not met",
                "rule potential not matched: spend 0.00 = 0 met; inquiries unknown >= 1 not met",
                "no rule matched: no tier",
                "inquiries unknown: the source has no interactions data");
        assertThat(decision.evaluatedRules()).isEqualTo(treeWalk(tiering.rules(), unknown));
        assertThat(decision.evaluatedRules().get(3).explain())
                .isEqualTo("rule potential not matched: spend 0.00 = 0 met; inquiries unknown >= 1 not met");
        // The same customer with known inquiries: one inquiry makes a potential customer, none no tier.
        assertThat(engine.evaluate(metrics("0", 0, 0, 1, 24, false)).ruleTier()).contains(Tier.of("potential"));
        assertThat(engine.evaluate(metrics("0", 0, 0, 0, 24, false)).reasons()).containsExactly(
                "rule core not matched: spend 0.00 >= 100000 not met; active_quarters 0 >= 3 not met",
                "rule important not matched: spend 0.00 >= 30000 not met",
                "rule basic not matched: spend 0.00 > 0 not met",
                "rule potential not matched: spend 0.00 = 0 met; inquiries 0 >= 1 not met",
                "no rule matched: no tier");
    }

    @Test
    void unknownInquiriesSayNothingWhenNoRuleTriedComparesThem() {
        Policy standard = PolicyLoader.standard();
        TierEngine engine = TierEngine.of(standard.header(), standard.section(TieringPolicy.class));

        TierDecision decision = engine.evaluate(metrics("42000", 2, 2, 0, 24, false).withInquiriesUnknown());

        assertThat(decision.reasons()).containsExactly("rule core not matched: spend 42000.00 >= 100000 not met;"
                + " active_quarters 2 >= 3 not met", "rule important matched: spend 42000.00 >= 30000 met");
        assertThat(decision.notes()).isEmpty();
    }

    @Test
    void decisionsOfEnginesWithEqualRulesAreEqual() {
        Policy standard = PolicyLoader.standard();
        TierEngine one = TierEngine.of(standard.header(), standard.section(TieringPolicy.class));
        TierEngine other = TierEngine.of(standard.header(), PolicyLoader.standard().section(TieringPolicy.class));
        CustomerMetrics metrics = metrics("42000", 2, 2, 0, 24, false);

        assertThat(one.evaluate(metrics)).isEqualTo(other.evaluate(metrics))
                .hasSameHashCodeAs(other.evaluate(metrics))
                .isNotEqualTo(one.evaluate(metrics.withSpend(Money.of("CNY", "42000.01"))));
    }

    @Test
    void anEagerDecisionWithOtherRuleResultsIsNotEqual() {
        Policy standard = PolicyLoader.standard();
        TierDecision decision = TierEngine.of(standard.header(), standard.section(TieringPolicy.class))
                .evaluate(metrics("42000", 2, 2, 0, 24, false));
        List<RuleResult> results = new ArrayList<>(decision.evaluatedRules());
        results.set(0, standard.section(TieringPolicy.class).rules().get(2).evaluate(decision.metrics()));

        TierDecision other = new TierDecision(decision.metrics(), decision.policy(), results, decision.ruleTier(),
                decision.tier(), decision.grace(), decision.notes(), decision.evaluationsBelow());

        assertThat(decision).isNotEqualTo(other);
        assertThat(other).isNotEqualTo(decision);
    }

    private static List<RuleResult> treeWalk(List<TierRule> rules, CustomerMetrics metrics) {
        List<RuleResult> results = new ArrayList<>();
        for (TierRule rule : rules) {
            RuleResult result = rule.evaluate(metrics);
            results.add(result);
            if (result.matched()) {
                break;
            }
        }
        return results;
    }

    private static CustomerMetrics metrics(String spend, int activeQuarters, int orders, int inquiries, int tenure,
            boolean agreement) {
        return metrics("c-1", new BigDecimal(spend), activeQuarters, orders, inquiries, true, tenure, agreement);
    }

    private static CustomerMetrics metrics(String id, BigDecimal spend, int activeQuarters, int orders,
            int inquiries, boolean inquiriesKnown, int tenure, boolean agreement) {
        return new CustomerMetrics(CustomerId.of(id), AS_OF, DateWindow.trailingMonths(12, AS_OF),
                Money.of("CNY", spend), orders, activeQuarters, inquiriesKnown ? inquiries : 0, inquiriesKnown, tenure,
                agreement,
                orders > 0 ? Optional.of(AS_OF.minusDays(3)) : Optional.empty());
    }

    // ---- generators

    private static Gen<Case> cases() {
        return source -> {
            List<Condition> conditions = condition(2).list(1, 4).generate(source);
            List<TierRule> rules = new ArrayList<>();
            for (int i = 0; i < conditions.size(); i++) {
                // Tier names in ASCII, in Latin-1 beyond ASCII, and beyond Latin-1.
                String name = Gens.of("t", "général", "核心").generate(source);
                rules.add(TierRule.of(Tier.of(name + i), conditions.get(i)));
            }
            List<Comparison> comparisons = new ArrayList<>();
            conditions.forEach(condition -> collect(condition, comparisons));
            List<CustomerMetrics> snapshots = snapshot(comparisons).list(1, 8).generate(source);
            List<CustomerMetrics> numbered = new ArrayList<>();
            for (int i = 0; i < snapshots.size(); i++) {
                CustomerMetrics m = snapshots.get(i);
                numbered.add(metrics("c-" + i, m.spend().amount(), m.activeQuarters(), m.orders(), m.inquiries(),
                        m.inquiriesKnown(), m.tenureMonths(), m.strategicAgreement()));
            }
            return new Case(rules, numbered);
        };
    }

    private static boolean mentions(List<TierRule> rules, Metric metric) {
        List<Comparison> comparisons = new ArrayList<>();
        rules.forEach(rule -> collect(rule.when(), comparisons));
        return comparisons.stream().anyMatch(comparison -> comparison.measure() == metric);
    }

    private static void collect(Condition condition, List<Comparison> into) {
        if (condition instanceof Comparison comparison) {
            into.add(comparison);
        } else {
            (condition instanceof AllOf all ? all.conditions() : ((AnyOf) condition).conditions())
                    .forEach(part -> collect(part, into));
        }
    }

    private static Gen<Condition> condition(int depth) {
        Gen<Condition> comparison = CompiledTierRulesTest::comparison;
        if (depth == 0) {
            return comparison;
        }
        Gen<List<Condition>> parts = condition(depth - 1).list(1, 3);
        return Gens.frequency(Gens.weighted(3, comparison),
                Gens.weighted(2, parts.map(AllOf::new)),
                Gens.weighted(2, parts.map(AnyOf::new)));
    }

    private static Comparison comparison(org.crmkit.proptest.Source source) {
        Metric metric = Gens.of(Metric.class).generate(source);
        Operator operator = Gens.of(Operator.class).generate(source);
        BigDecimal threshold = switch (metric.kind()) {
            case MONEY -> Gens.oneOf(
                    Gens.integers(0, 4).flatMap(scale -> Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("200000"),
                            scale)),
                    Gens.of(new BigDecimal("1E+5"), new BigDecimal("30000.000"), new BigDecimal("0.005"),
                            BEYOND_LONG, new BigDecimal("9223372036854775807.99"))).generate(source);
            case COUNT -> Gens.oneOf(Gens.integers(0, 6).map(BigDecimal::valueOf),
                    Gens.integers(0, 6).map(count -> BigDecimal.valueOf(count).setScale(2)),
                    Gens.of(BEYOND_LONG, new BigDecimal(Long.MAX_VALUE), new BigDecimal(Integer.MAX_VALUE)))
                    .generate(source);
            case FLAG -> Gens.integers(0, 2).map(BigDecimal::valueOf).generate(source);
            case RATIO -> throw new IllegalStateException("no metric is a ratio");
        };
        return new Comparison(metric, operator, threshold);
    }

    /** Snapshots whose values are random or on, just below or just above one of the thresholds. */
    private static Gen<CustomerMetrics> snapshot(List<Comparison> comparisons) {
        return source -> {
            BigDecimal spend = money(comparisons).generate(source);
            int quarters = count(comparisons, Metric.ACTIVE_QUARTERS, 4).generate(source);
            int orders = Math.max(quarters, count(comparisons, Metric.ORDERS, Integer.MAX_VALUE).generate(source));
            int inquiries = count(comparisons, Metric.INQUIRIES, Integer.MAX_VALUE).generate(source);
            // One snapshot in four from a source without interactions data: inquiries unknown.
            boolean inquiriesKnown = Gens.integers(0, 3).generate(source) != 0;
            int tenure = count(comparisons, Metric.TENURE_MONTHS, Integer.MAX_VALUE).generate(source);
            boolean agreement = Gens.booleans().generate(source);
            return metrics("c", spend, quarters, orders, inquiries, inquiriesKnown, tenure, agreement);
        };
    }

    private static Gen<BigDecimal> money(List<Comparison> comparisons) {
        List<BigDecimal> thresholds = comparisons.stream().filter(c -> c.measure() == Metric.SPEND)
                .map(Comparison::threshold).toList();
        Gen<BigDecimal> random = Gens.integers(0, 4).flatMap(scale -> Gens.bigDecimals(BigDecimal.ZERO,
                new BigDecimal("200000"), scale));
        if (thresholds.isEmpty()) {
            return random;
        }
        Gen<BigDecimal> near = source -> {
            BigDecimal threshold = Gens.of(thresholds).generate(source);
            BigDecimal delta = Gens.of(BigDecimal.ZERO, new BigDecimal("0.01"), new BigDecimal("-0.01"),
                    new BigDecimal("0.001"), new BigDecimal("-0.0001"), BigDecimal.ONE.negate()).generate(source);
            return threshold.add(delta).max(BigDecimal.ZERO);
        };
        return Gens.oneOf(random, near);
    }

    private static Gen<Integer> count(List<Comparison> comparisons, Metric metric, int maximum) {
        List<Integer> near = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            if (comparison.measure() == metric && comparison.threshold().compareTo(BigDecimal.valueOf(maximum)) <= 0) {
                int threshold = comparison.threshold().intValueExact();
                for (int value : new int[] {threshold - 1, threshold, threshold + 1}) {
                    if (value >= 0 && value <= maximum) {
                        near.add(value);
                    }
                }
            }
        }
        Gen<Integer> random = Gens.integers(0, Math.min(maximum, 8));
        return near.isEmpty() ? random : Gens.oneOf(random, Gens.of(near));
    }
}
