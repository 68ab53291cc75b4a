package org.crmkit.rules.tiering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.model.TierLadder;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

class TierEngineProperties {
    private static final Policy STANDARD = PolicyLoader.standard();
    private static final TierEngine ENGINE = TierEngine.of(STANDARD.header(), STANDARD.section(TieringPolicy.class));
    private static final TierLadder LADDER = STANDARD.section(TieringPolicy.class).ladder();

    @Test
    void everyCustomerGetsExactlyOneOutcomeTheFirstMatchingRule() {
        Property.forAll(snapshots()).check(metrics -> {
            TierDecision decision = ENGINE.evaluate(metrics);

            List<Tier> matching = STANDARD.section(TieringPolicy.class).rules().stream()
                    .filter(rule -> rule.when().evaluate(metrics).holds()).map(TierRule::tier).toList();
            assertThat(decision.tier()).isEqualTo(matching.stream().findFirst());
            assertThat(decision.evaluatedRules().stream().filter(RuleResult::matched)).hasSizeLessThanOrEqualTo(1);
        });
    }

    @Test
    void raisingSpendNeverLowersTheTier() {
        Property.forAll(snapshots(), amounts()).check((metrics, raise) -> {
            CustomerMetrics richer = metrics.withSpend(metrics.spend().plus(Money.of(metrics.spend().currency(), raise)));

            Optional<Tier> before = ENGINE.evaluate(metrics).tier();
            Optional<Tier> after = ENGINE.evaluate(richer).tier();

            assertThat(LADDER.compare(after, before)).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void evaluationIsDeterministicAndIndependentOfInputOrder() {
        Property.forAll(snapshots().list(1, 30), Gens.longs()).tries(200).check((snapshots, seed) -> {
            List<CustomerMetrics> unique = distinctCustomers(snapshots);
            List<CustomerMetrics> shuffled = new ArrayList<>(unique);
            Collections.shuffle(shuffled, new Random(seed));

            Map<CustomerId, TierDecision> inOrder = evaluateAll(unique);
            Map<CustomerId, TierDecision> reordered = evaluateAll(shuffled);

            assertThat(reordered).isEqualTo(inOrder);
            assertThat(evaluateAll(unique)).isEqualTo(inOrder);
        });
    }

    @Test
    void explanationsAlwaysNameTheDecidingRule() {
        Property.forAll(snapshots(), previous(), Gens.integers(1, 4)).check((metrics, previous, evaluations) -> {
            TierEngine engine = graceEngine(evaluations);

            TierDecision decision = engine.evaluate(metrics, previous);

            if (decision.ruleTier().isPresent()) {
                assertThat(decision.reasons()).contains(decision.matchedRule().orElseThrow().explain())
                        .anyMatch(reason -> reason.startsWith("rule " + decision.ruleTier().get() + " matched: "));
            } else {
                assertThat(decision.reasons()).contains("no rule matched: no tier");
            }
            if (!decision.tier().equals(decision.ruleTier())) {
                assertThat(decision.reasons()).anyMatch(reason -> reason.startsWith("demotion grace: "));
            }
        });
    }

    @Test
    void demotionGraceNeverDropsMoreThanOneTier() {
        Property.forAll(snapshots(), previous(), Gens.integers(1, 4)).check((metrics, previous, evaluations) -> {
            TierEngine engine = graceEngine(evaluations);

            TierDecision decision = engine.evaluate(metrics, previous);

            int heldRank = LADDER.rank(previous.flatMap(TierAssignment::tier));
            assertThat(LADDER.rank(decision.tier())).isLessThanOrEqualTo(heldRank + 1);
            // Grace only ever holds a customer up; it never puts anyone below what the rules say.
            assertThat(LADDER.compare(decision.tier(), decision.ruleTier())).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void graceEndsACustomerBelowTheHeldTierFallsOneTierEveryGracePeriodUntilTheRulesTier() {
        Property.forAll(snapshots(), Gens.of(LADDER.tiers()), Gens.integers(1, 4)).check((metrics, held, evaluations) -> {
            TierEngine engine = graceEngine(evaluations);
            Optional<Tier> ruleTier = engine.evaluate(metrics).ruleTier();
            Property.assume(LADDER.compare(ruleTier, Optional.of(held)) < 0);

            // The same figures evaluated again and again, each decision stored as the next one's previous.
            List<Optional<Tier>> tiers = new ArrayList<>();
            TierAssignment previous = assignment(Optional.of(held), 0);
            for (int run = 0; run < evaluations * (LADDER.tiers().size() + 1); run++) {
                TierDecision decision = engine.evaluate(metrics, Optional.of(previous));
                tiers.add(decision.tier());
                previous = assignment(decision.tier(), decision.evaluationsBelow());
            }

            // Each tier above the rules' is kept for evaluations - 1 more evaluations, then left one step down.
            List<Optional<Tier>> expected = new ArrayList<>();
            Optional<Tier> current = Optional.of(held);
            while (expected.size() < tiers.size()) {
                if (current.equals(ruleTier)) {
                    expected.add(current);
                    continue;
                }
                for (int kept = 1; kept < evaluations; kept++) {
                    expected.add(current);
                }
                current = LADDER.below(current.orElseThrow());
                expected.add(current);
            }
            assertThat(tiers).isEqualTo(expected.subList(0, tiers.size()));
        });
    }

    private static TierAssignment assignment(Optional<Tier> tier, int evaluationsBelow) {
        return new TierAssignment(CustomerId.of("c-1"), tier, Snapshot.AS_OF.minusMonths(1),
                PolicyRef.of("standard", "2026.1"), evaluationsBelow, Instant.EPOCH);
    }

    /** Engines by grace evaluations, each loaded once: loading a policy file costs more than a try. */
    private static final Map<Integer, TierEngine> GRACE_ENGINES = new ConcurrentHashMap<>();

    private static TierEngine graceEngine(int evaluations) {
        return GRACE_ENGINES.computeIfAbsent(evaluations, count -> {
            Policy policy = Policies.standardWithGrace("{evaluations: " + count + "}");
            return TierEngine.of(policy.header(), policy.section(TieringPolicy.class));
        });
    }

    private static List<CustomerMetrics> distinctCustomers(List<CustomerMetrics> snapshots) {
        List<CustomerMetrics> unique = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            CustomerMetrics metrics = snapshots.get(i);
            unique.add(new CustomerMetrics(CustomerId.of("c-" + i), metrics.asOf(), metrics.window(), metrics.spend(),
                    metrics.orders(), metrics.activeQuarters(), metrics.inquiries(), metrics.inquiriesKnown(), metrics.tenureMonths(),
                    metrics.strategicAgreement(), metrics.lastPurchase()));
        }
        return unique;
    }

    private static Map<CustomerId, TierDecision> evaluateAll(List<CustomerMetrics> snapshots) {
        return snapshots.stream().map(ENGINE::evaluate)
                .collect(Collectors.toMap(TierDecision::customerId, Function.identity()));
    }

    static Gen<BigDecimal> amounts() {
        Gen<BigDecimal> boundaries = Gens.of("0", "0.01", "9999.99", "10000", "29999.99", "30000",
                "99999.99", "100000", "100000.01").map(BigDecimal::new);
        Gen<BigDecimal> anywhere = Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("400000"), 2);
        return Gens.oneOf(boundaries, anywhere);
    }

    static Gen<CustomerMetrics> snapshots() {
        Gen<BigDecimal> spends = amounts();
        Gen<Integer> orderCounts = Gens.integers(0, 40);
        Gen<Integer> quarterCounts = Gens.integers(0, 4);
        Gen<Integer> inquiryCounts = Gens.integers(0, 6);
        Gen<Integer> tenures = Gens.integers(0, 120);
        Gen<Boolean> agreements = Gens.booleans();
        // One snapshot in five from a source without interactions data: inquiries unknown.
        Gen<Boolean> inquiriesUnknown = Gens.integers(0, 4).map(draw -> draw == 0);
        return source -> {
            Snapshot snapshot = Snapshot.any().spend(spends.generate(source).toPlainString())
                    .orders(orderCounts.generate(source)).activeQuarters(quarterCounts.generate(source))
                    .inquiries(inquiryCounts.generate(source)).tenureMonths(tenures.generate(source))
                    .strategicAgreement(agreements.generate(source));
            return inquiriesUnknown.generate(source) ? snapshot.inquiriesUnknown().build() : snapshot.build();
        };
    }

    static Gen<Optional<TierAssignment>> previous() {
        // No tier held one time in five.
        Gen<Optional<Tier>> tiers = Gens.of(LADDER.tiers()).optional(0.8);
        Gen<Integer> belows = Gens.integers(0, 3);
        Gen<TierAssignment> assignments = source -> new TierAssignment(CustomerId.of("c-1"), tiers.generate(source),
                Snapshot.AS_OF.minusMonths(1), PolicyRef.of("standard", "2026.1"), belows.generate(source),
                Instant.EPOCH);
        return assignments.optional(0.8);
    }
}
