package org.crmkit.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.lifecycle.Signals.with;

import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

/** The standard policy's stage rules on examples; see the lifecycle section of standard-policy.yaml. */
class LifecycleEngineTest {
    private final LifecycleEngine engine = LifecycleEngine.of(PolicyLoader.standard().find(LifecyclePolicy.class).orElseThrow());

    private static CustomerSignals buyer(String daysSinceFirst, String daysSinceLast, String repeat) {
        CustomerSignals signals = with(Signals.nothing(), Signal.DAYS_SINCE_FIRST_PURCHASE, daysSinceFirst);
        signals = with(signals, Signal.DAYS_SINCE_LAST_PURCHASE, daysSinceLast);
        signals = with(signals, Signal.REPEAT_PURCHASES, repeat);
        return with(signals, Signal.SPEND_TREND, "0");
    }

    @Test
    void aProspectWithoutPurchaseIsInAcquisition() {
        LifecycleDecision decision = engine.evaluate(Signals.nothing());

        assertThat(decision.lifecycleStage()).isEqualTo(LifecycleStage.ACQUISITION);
        assertThat(decision.reasons().get(0))
                .isEqualTo("stage acquisition: days_since_first_purchase 0 <= 90 met");
    }

    @Test
    void aFirstPurchaseWithinNinetyDaysIsAcquisitionAndAfterThatMaturity() {
        assertThat(engine.evaluate(buyer("90", "90", "0")).lifecycleStage()).isEqualTo(LifecycleStage.ACQUISITION);
        LifecycleDecision settled = engine.evaluate(buyer("91", "10", "3"));
        assertThat(settled.lifecycleStage()).isEqualTo(LifecycleStage.MATURITY);
        assertThat(settled.reasons().get(0)).isEqualTo("stage maturity: no other stage's condition held");
    }

    @Test
    void spendTrendingUpOverFourOrdersIsGrowth() {
        CustomerSignals four = new CustomerSignals(Signals.metrics("c-1", 24, 4, 4, false), buyer("400", "5", "6")
                .values());
        CustomerSignals three = new CustomerSignals(Signals.metrics("c-1", 24, 3, 3, false), four.values());

        assertThat(engine.evaluate(with(four, Signal.SPEND_TREND, "0.25")).lifecycleStage())
                .isEqualTo(LifecycleStage.GROWTH);
        assertThat(engine.evaluate(with(four, Signal.SPEND_TREND, "0.24")).lifecycleStage())
                .isEqualTo(LifecycleStage.MATURITY);
        assertThat(engine.evaluate(with(three, Signal.SPEND_TREND, "3")).lifecycleStage())
                .isEqualTo(LifecycleStage.MATURITY);
    }

    @Test
    void aYearWithoutPurchaseIsChurnedAndFlaggedForWinBackWhenTheCustomerBoughtTwice() {
        LifecycleDecision twice = engine.evaluate(buyer("900", "365", "1"));
        LifecycleDecision once = engine.evaluate(buyer("400", "400", "0"));

        assertThat(twice.lifecycleStage()).isEqualTo(LifecycleStage.CHURNED);
        assertThat(twice.winBack()).isTrue();
        assertThat(twice.reasons()).first().asString()
                .isEqualTo("stage churned: any of: days_since_last_purchase 365 >= 365 met or p_alive unknown < 0.2 not met");
        assertThat(twice.reasons()).last().isEqualTo("flagged for win-back");
        assertThat(once.lifecycleStage()).isEqualTo(LifecycleStage.CHURNED);
        assertThat(once.winBack()).isFalse();
    }

    @Test
    void aLowProbabilityOfBeingAliveIsChurnedEvenWithARecentPurchase() {
        CustomerSignals signals = with(buyer("700", "100", "4"), Signal.P_ALIVE, "0.15");

        assertThat(engine.evaluate(signals).lifecycleStage()).isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    void aHighChurnRiskIsTheDeclineEarlyWarning() {
        // p_alive 0.3 -> 0.7 x 0.35; recency 3 -> 1 x 0.25; trend -0.8 -> 0.8 x 0.15; complaints 0:
        // (0.245 + 0.25 + 0.12) / 0.90 = 0.6833
        CustomerSignals signals = with(buyer("700", "100", "4"), Signal.P_ALIVE, "0.3");
        signals = with(signals, Signal.RECENCY_RATIO, "3");
        signals = with(signals, Signal.SPEND_TREND, "-0.8");

        LifecycleDecision decision = engine.evaluate(signals);

        assertThat(decision.churnRisk().value()).isEqualByComparingTo("0.6833");
        assertThat(decision.lifecycleStage()).isEqualTo(LifecycleStage.DECLINE);
        assertThat(decision.churnRisk().high()).isTrue();
        assertThat(decision.signals().get(Signal.CHURN_RISK)).isEqualByComparingTo("0.6833");
        assertThat(decision.winBack()).isFalse();
    }
}
