package org.crmkit.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.lifecycle.Signals.with;

import java.math.BigDecimal;
import java.util.Map;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

class ChurnRiskEngineTest {
    private final ChurnRiskEngine standard = ChurnRiskEngine.of(
            PolicyLoader.standard().find(LifecyclePolicy.class).orElseThrow().churnRisk());

    @Test
    void combinesEveryFactorByTheStandardWeights() {
        CustomerSignals signals = Signals.nothing();
        signals = with(signals, Signal.P_ALIVE, "0.4");            // risk 0.6 x 0.35 = 0.21
        signals = with(signals, Signal.RECENCY_RATIO, "2");        // (2-1)/(3-1) = 0.5 x 0.25 = 0.125
        signals = with(signals, Signal.SPEND_TREND, "-0.5");       // 0.5 x 0.15 = 0.075
        signals = with(signals, Signal.OPEN_COMPLAINTS, "1");      // 0.5 x 0.15 = 0.075
        signals = with(signals, Signal.SATISFACTION_CHANGE, "-2"); // 2/4 = 0.5 x 0.10 = 0.05

        ChurnRisk risk = standard.evaluate(signals);

        assertThat(risk.value()).isEqualByComparingTo("0.535");
        assertThat(risk.high()).isFalse();
        assertThat(risk.reasons()).containsExactly(
                "churn risk 0.5350",
                "p_alive 0.4: risk 0.6000, weight 0.35 (1 - P(alive))",
                "recency 2: risk 0.5000, weight 0.25 (days since the last purchase / own mean gap)",
                "spend_trend -0.5: risk 0.5000, weight 0.15 (later half of the window against the earlier)",
                "complaints 1: risk 0.5000, weight 0.15 (open complaints, 0 open breaches)",
                "satisfaction -2: risk 0.5000, weight 0.10 (change of the latest CSAT)");
    }

    @Test
    void factorsWithoutDataDropOutAndTheOthersShareTheirWeight() {
        // Only spend trend (risk 1) and complaints (risk 0) apply: (1 x 0.15 + 0 x 0.15) / 0.30 = 0.5.
        CustomerSignals signals = with(Signals.nothing(), Signal.SPEND_TREND, "-1");

        ChurnRisk risk = standard.evaluate(signals);

        assertThat(risk.value()).isEqualByComparingTo("0.5");
        assertThat(risk.reasons()).contains("p_alive: not counted, no P(alive) from a purchase model",
                "recency: not counted, fewer than two purchase days",
                "satisfaction: not counted, fewer than two satisfaction answers");
    }

    @Test
    void withoutServiceLevelsTheComplaintsFactorDropsOut() {
        CustomerSignals signals = with(CustomerSignals.of(Signals.metrics("c-1", 24, 0, false)), Signal.SPEND_TREND,
                "-1");

        ChurnRisk risk = standard.evaluate(signals);

        assertThat(risk.value()).isEqualByComparingTo("1");
        assertThat(risk.reasons()).contains("complaints: not counted, no service levels known");
    }

    @Test
    void anOpenBreachIsFullComplaintRiskAndRisksAreCappedAtOne() {
        CustomerSignals signals = with(Signals.nothing(), Signal.OPEN_BREACHES, "2");
        signals = with(signals, Signal.OPEN_COMPLAINTS, "1");
        signals = with(signals, Signal.RECENCY_RATIO, "40");
        signals = with(signals, Signal.P_ALIVE, "0");
        signals = with(signals, Signal.SPEND_TREND, "-1");
        signals = with(signals, Signal.SATISFACTION_CHANGE, "-4");

        ChurnRisk risk = standard.evaluate(signals);

        assertThat(risk.value()).isEqualByComparingTo("1");
        assertThat(risk.high()).isTrue();
    }

    @Test
    void risingTrendAndSatisfactionCountAsNoRisk() {
        CustomerSignals signals = with(Signals.nothing(), Signal.SPEND_TREND, "3");
        signals = with(signals, Signal.SATISFACTION_CHANGE, "2");
        signals = with(signals, Signal.RECENCY_RATIO, "0.5");
        signals = with(signals, Signal.P_ALIVE, "1");

        assertThat(standard.evaluate(signals).value()).isEqualByComparingTo("0");
    }

    @Test
    void aPolicyNeedsOneWeightAboveZeroAndAHighRiskWithinZeroAndOne() {
        assertThatThrownBy(() -> new ChurnRiskPolicy(Map.of(ChurnFactor.RECENCY, BigDecimal.ZERO), BigDecimal.ONE,
                BigDecimal.TEN)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Churn risk needs at least one factor with a weight above zero");
        assertThatThrownBy(() -> new ChurnRiskPolicy(Map.of(ChurnFactor.RECENCY, BigDecimal.ONE), new BigDecimal("1.5"),
                BigDecimal.TEN)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Churn risk high_risk must be between 0 and 1, was 1.5");
    }
}
