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
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.model.TierLadder;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;

class TierEngineProperties {
    private static final Policy STANDARD = PolicyLoader.standard();
    private static final TierEngine ENGINE = TierEngine.of(STANDARD.header(), STANDARD.tiering());
    private static final TierLadder LADDER = STANDARD.tiering().ladder();

    @Property
    void everyCustomerGetsExactlyOneOutcomeTheFirstMatchingRule(@ForAll("snapshots") CustomerMetrics metrics) {
        TierDecision decision = ENGINE.evaluate(metrics);

        List<Tier> matching = STANDARD.tiering().rules().stream()
                .filter(rule -> rule.when().evaluate(metrics).holds()).map(TierRule::tier).toList();
        assertThat(decision.tier()).isEqualTo(matching.stream().findFirst());
        assertThat(decision.evaluatedRules().stream().filter(RuleResult::matched)).hasSizeLessThanOrEqualTo(1);
    }

    @Property
    void raisingSpendNeverLowersTheTier(@ForAll("snapshots") CustomerMetrics metrics,
            @ForAll("amounts") BigDecimal raise) {
        CustomerMetrics richer = metrics.withSpend(metrics.spend().plus(Money.of(metrics.spend().currency(), raise)));

        Optional<Tier> before = ENGINE.evaluate(metrics).tier();
        Optional<Tier> after = ENGINE.evaluate(richer).tier();

        assertThat(LADDER.compare(after, before)).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 200)
    void evaluationIsDeterministicAndIndependentOfInputOrder(
            @ForAll @Size(min = 1, max = 30) List<@net.jqwik.api.From("snapshots") CustomerMetrics> snapshots,
            @ForAll long seed) {
        List<CustomerMetrics> unique = distinctCustomers(snapshots);
        List<CustomerMetrics> shuffled = new ArrayList<>(unique);
        Collections.shuffle(shuffled, new Random(seed));

        Map<CustomerId, TierDecision> inOrder = evaluateAll(unique);
        Map<CustomerId, TierDecision> reordered = evaluateAll(shuffled);

        assertThat(reordered).isEqualTo(inOrder);
        assertThat(evaluateAll(unique)).isEqualTo(inOrder);
    }

    @Property
    void explanationsAlwaysNameTheDecidingRule(@ForAll("snapshots") CustomerMetrics metrics,
            @ForAll("previous") Optional<TierAssignment> previous, @ForAll @IntRange(min = 1, max = 4) int evaluations) {
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
    }

    @Property
    void demotionGraceNeverDropsMoreThanOneTier(@ForAll("snapshots") CustomerMetrics metrics,
            @ForAll("previous") Optional<TierAssignment> previous, @ForAll @IntRange(min = 1, max = 4) int evaluations) {
        TierEngine engine = graceEngine(evaluations);

        TierDecision decision = engine.evaluate(metrics, previous);

        int heldRank = LADDER.rank(previous.flatMap(TierAssignment::tier));
        assertThat(LADDER.rank(decision.tier())).isLessThanOrEqualTo(heldRank + 1);
        // Grace only ever holds a customer up; it never puts anyone below what the rules say.
        assertThat(LADDER.compare(decision.tier(), decision.ruleTier())).isGreaterThanOrEqualTo(0);
    }

    private static TierEngine graceEngine(int evaluations) {
        Policy policy = Policies.standardWithGrace("{evaluations: " + evaluations + "}");
        return TierEngine.of(policy.header(), policy.tiering());
    }

    private static List<CustomerMetrics> distinctCustomers(List<CustomerMetrics> snapshots) {
        List<CustomerMetrics> unique = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            CustomerMetrics metrics = snapshots.get(i);
            unique.add(new CustomerMetrics(CustomerId.of("c-" + i), metrics.asOf(), metrics.window(), metrics.spend(),
                    metrics.orders(), metrics.activeQuarters(), metrics.inquiries(), metrics.tenureMonths(),
                    metrics.strategicAgreement(), metrics.lastPurchase()));
        }
        return unique;
    }

    private static Map<CustomerId, TierDecision> evaluateAll(List<CustomerMetrics> snapshots) {
        return snapshots.stream().map(ENGINE::evaluate)
                .collect(Collectors.toMap(TierDecision::customerId, Function.identity()));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigDecimal> boundaries = Arbitraries.of("0", "0.01", "9999.99", "10000", "29999.99", "30000",
                "99999.99", "100000", "100000.01").map(BigDecimal::new);
        Arbitrary<BigDecimal> anywhere = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("400000"))
                .ofScale(2);
        return Arbitraries.oneOf(boundaries, anywhere);
    }

    @Provide
    Arbitrary<CustomerMetrics> snapshots() {
        return Combinators.combine(amounts(), Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 120), Arbitraries.of(true, false))
                .as((spend, orders, quarters, inquiries, tenure, agreement) -> Snapshot.any().spend(spend.toPlainString())
                        .orders(orders).activeQuarters(quarters).inquiries(inquiries).tenureMonths(tenure)
                        .strategicAgreement(agreement).build());
    }

    @Provide
    Arbitrary<Optional<TierAssignment>> previous() {
        Arbitrary<Optional<Tier>> tiers = Arbitraries.of(LADDER.tiers()).map(Optional::of)
                .injectNull(0.2).map(tier -> tier == null ? Optional.<Tier>empty() : tier);
        Arbitrary<TierAssignment> assignments = Combinators.combine(tiers, Arbitraries.integers().between(0, 3))
                .as((tier, below) -> new TierAssignment(CustomerId.of("c-1"), tier, Snapshot.AS_OF.minusMonths(1),
                        PolicyRef.of("standard", "2026.1"), below, Instant.EPOCH));
        return assignments.optional(0.8);
    }
}
