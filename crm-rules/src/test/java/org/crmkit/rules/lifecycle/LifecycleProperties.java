package org.crmkit.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.PolicyLoader;

class LifecycleProperties {
    private static final LifecyclePolicy STANDARD = PolicyLoader.standard().lifecycle().orElseThrow();

    @Property(tries = 300)
    void churnRiskIsAlwaysBetweenZeroAndOne(@ForAll("signals") CustomerSignals signals,
            @ForAll("churnPolicies") ChurnRiskPolicy policy) {
        ChurnRisk risk = new ChurnRiskScorer(policy).score(signals);

        assertThat(risk.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(risk.high()).isEqualTo(risk.value().compareTo(policy.highRisk()) >= 0);
    }

    @Property(tries = 300)
    void aLowerProbabilityOfBeingAliveNeverLowersTheRisk(@ForAll("signals") CustomerSignals signals,
            @ForAll("probability") BigDecimal lower, @ForAll("probability") BigDecimal higher) {
        ChurnRiskScorer scorer = new ChurnRiskScorer(STANDARD.churnRisk());
        BigDecimal low = lower.min(higher);
        BigDecimal high = lower.max(higher);

        assertThat(scorer.score(signals.with(Signal.P_ALIVE, low)).value())
                .isGreaterThanOrEqualTo(scorer.score(signals.with(Signal.P_ALIVE, high)).value());
    }

    @Property(tries = 300)
    void everyCustomerGetsAStageAndOnlyChurnedOnesAreFlaggedForWinBack(@ForAll("signals") CustomerSignals signals) {
        LifecycleDecision decision = new LifecycleEngine(STANDARD).evaluate(signals);

        assertThat(decision.lifecycleStage()).isNotNull();
        assertThat(!decision.winBack() || decision.lifecycleStage() == LifecycleStage.CHURNED).isTrue();
        assertThat(decision.signals().get(Signal.CHURN_RISK)).isEqualByComparingTo(decision.churnRisk().value());
        if (decision.churnRisk().high() && decision.lifecycleStage() != LifecycleStage.CHURNED) {
            // The standard decline rule and high-risk threshold are both 0.6: a high risk is an early warning.
            assertThat(decision.lifecycleStage()).isEqualTo(LifecycleStage.DECLINE);
        }
    }

    @Provide
    Arbitrary<CustomerSignals> signals() {
        return SignalArbitraries.signals();
    }

    @Provide
    Arbitrary<BigDecimal> probability() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3);
    }

    @Provide
    Arbitrary<ChurnRiskPolicy> churnPolicies() {
        Arbitrary<BigDecimal> weight = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.TEN).ofScale(2);
        return Combinators.combine(weight.list().ofSize(ChurnFactor.values().length), probability(),
                Arbitraries.bigDecimals().between(new BigDecimal("1.01"), new BigDecimal("20")).ofScale(2))
                .as((weights, high, ratio) -> {
                    Map<ChurnFactor, BigDecimal> map = new EnumMap<>(ChurnFactor.class);
                    for (ChurnFactor factor : ChurnFactor.values()) {
                        map.put(factor, weights.get(factor.ordinal()));
                    }
                    if (map.values().stream().allMatch(value -> value.signum() == 0)) {
                        map.put(ChurnFactor.COMPLAINTS, BigDecimal.ONE);
                    }
                    return new ChurnRiskPolicy(map, high, ratio);
                });
    }
}
