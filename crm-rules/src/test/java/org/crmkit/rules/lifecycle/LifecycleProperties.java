package org.crmkit.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

class LifecycleProperties {
    private static final LifecyclePolicy STANDARD = PolicyLoader.standard().find(LifecyclePolicy.class).orElseThrow();

    @Test
    void churnRiskIsAlwaysBetweenZeroAndOne() {
        Property.forAll(signals(), churnPolicies()).tries(300).check((signals, policy) -> {
            ChurnRisk risk = ChurnRiskEngine.of(policy).evaluate(signals);

            assertThat(risk.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(risk.high()).isEqualTo(risk.value().compareTo(policy.highRisk()) >= 0);
        });
    }

    @Test
    void aLowerProbabilityOfBeingAliveNeverLowersTheRisk() {
        Property.forAll(signals(), probability(), probability()).tries(300).check((signals, lower, higher) -> {
            ChurnRiskEngine scorer = ChurnRiskEngine.of(STANDARD.churnRisk());
            BigDecimal low = lower.min(higher);
            BigDecimal high = lower.max(higher);

            assertThat(scorer.evaluate(signals.with(Signal.P_ALIVE, low)).value())
                    .isGreaterThanOrEqualTo(scorer.evaluate(signals.with(Signal.P_ALIVE, high)).value());
        });
    }

    @Test
    void everyCustomerGetsAStageAndOnlyChurnedOnesAreFlaggedForWinBack() {
        Property.forAll(signals()).tries(300).check(signals -> {
            LifecycleDecision decision = LifecycleEngine.of(STANDARD).evaluate(signals);

            assertThat(decision.lifecycleStage()).isNotNull();
            assertThat(!decision.winBack() || decision.lifecycleStage() == LifecycleStage.CHURNED).isTrue();
            assertThat(decision.signals().get(Signal.CHURN_RISK)).isEqualByComparingTo(decision.churnRisk().value());
            if (decision.churnRisk().high() && decision.lifecycleStage() != LifecycleStage.CHURNED) {
                // The standard decline rule and high-risk threshold are both 0.6: a high risk is an early warning.
                assertThat(decision.lifecycleStage()).isEqualTo(LifecycleStage.DECLINE);
            }
        });
    }

    static Gen<CustomerSignals> signals() {
        return SignalGens.signals();
    }

    static Gen<BigDecimal> probability() {
        return Gens.bigDecimals(BigDecimal.ZERO, BigDecimal.ONE, 3);
    }

    static Gen<ChurnRiskPolicy> churnPolicies() {
        Gen<BigDecimal> weight = Gens.bigDecimals(BigDecimal.ZERO, BigDecimal.TEN, 2);
        Gen<List<BigDecimal>> weights = weight.list(ChurnFactor.values().length, ChurnFactor.values().length);
        Gen<BigDecimal> highs = probability();
        Gen<BigDecimal> ratios = Gens.bigDecimals(new BigDecimal("1.01"), new BigDecimal("20"), 2);
        return source -> {
            List<BigDecimal> drawn = weights.generate(source);
            BigDecimal high = highs.generate(source);
            BigDecimal ratio = ratios.generate(source);
            Map<ChurnFactor, BigDecimal> map = new EnumMap<>(ChurnFactor.class);
            for (ChurnFactor factor : ChurnFactor.values()) {
                map.put(factor, drawn.get(factor.ordinal()));
            }
            if (map.values().stream().allMatch(value -> value.signum() == 0)) {
                map.put(ChurnFactor.COMPLAINTS, BigDecimal.ONE);
            }
            return new ChurnRiskPolicy(map, high, ratio);
        };
    }
}
