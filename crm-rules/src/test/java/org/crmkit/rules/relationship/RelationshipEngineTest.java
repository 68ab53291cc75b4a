package org.crmkit.rules.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.lifecycle.Signals.with;

import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.lifecycle.Signals;
import org.junit.jupiter.api.Test;

/** The standard policy's relationship section on examples. */
class RelationshipEngineTest {
    private final RelationshipEngine engine = RelationshipEngine.of(
            PolicyLoader.standard().find(RelationshipPolicy.class).orElseThrow());

    private static CustomerSignals trusted() {
        return with(Signals.nothing(), Signal.REPEAT_PURCHASES, "2");
    }

    @Test
    void aCustomerWithEvidenceOfEveryLevelReachesVision() {
        CustomerSignals signals = Signals.quiet(Signals.metrics("c-1", 30, 4, true));
        signals = with(signals, Signal.REPEAT_PURCHASES, "5");
        signals = with(signals, Signal.CATEGORIES, "2");
        signals = with(signals, Signal.REFERRALS, "1");

        RelationshipDecision decision = engine.evaluate(signals);

        assertThat(decision.level()).contains(RelationshipLevel.VISION);
        assertThat(decision.relationshipType()).isEqualTo(RelationshipType.STRATEGIC);
        assertThat(decision.reasons()).containsExactly(
                "level vision",
                "trust evidence held: repeat_purchases 5 >= 1 met; open_breaches 0 = 0 met",
                "value evidence held: any of: value_added_services 0 >= 1 not met or categories 2 >= 2 met",
                "emotion evidence held: any of: referrals 1 >= 1 met or events 0 >= 1 not met or trials 0 >= 1 not met"
                        + " or promoter_answers 0 >= 1 not met",
                "vision evidence held: any of: strategic_agreement true = true met or joint_planning 0 >= 1 not met",
                "type strategic: strategic_agreement true = true met");
    }

    @Test
    void aStrategicAgreementWithoutRepeatPurchasesHoldsNoLevel() {
        CustomerSignals signals = Signals.quiet(Signals.metrics("c-1", 30, 1, true));
        signals = with(signals, Signal.JOINT_PLANNING, "3");

        RelationshipDecision decision = engine.evaluate(signals);

        assertThat(decision.level()).isEmpty();
        assertThat(decision.evidence().get(3).holds()).as("vision's own evidence").isTrue();
        assertThat(decision.reasons()).containsExactly("level none",
                "trust evidence did not hold: repeat_purchases 0 >= 1 not met; open_breaches 0 = 0 met",
                "type strategic: strategic_agreement true = true met");
    }

    @Test
    void aMissingLevelCapsTheHigherOnes() {
        CustomerSignals signals = with(trusted(), Signal.CATEGORIES, "3");
        signals = with(signals, Signal.JOINT_PLANNING, "1"); // vision evidence, but no emotion evidence

        assertThat(engine.evaluate(signals).level()).contains(RelationshipLevel.VALUE);
    }

    @Test
    void anOpenBreachCostsTrust() {
        CustomerSignals signals = with(trusted(), Signal.OPEN_BREACHES, "1");

        assertThat(engine.evaluate(signals).level()).isEmpty();
        assertThat(engine.evaluate(trusted()).level()).contains(RelationshipLevel.TRUST);
    }

    @Test
    void aLongFrequentCustomerIsRelationalAndOthersTransactional() {
        assertThat(engine.evaluate(CustomerSignals.of(Signals.metrics("c-1", 12, 3, 4, false))).relationshipType())
                .isEqualTo(RelationshipType.RELATIONAL);
        assertThat(engine.evaluate(CustomerSignals.of(Signals.metrics("c-1", 12, 3, 3, false))).relationshipType())
                .isEqualTo(RelationshipType.TRANSACTIONAL);
        assertThat(engine.evaluate(CustomerSignals.of(Signals.metrics("c-1", 11, 4, 9, false))).reasons())
                .last().isEqualTo("type transactional: no other type's condition held");
    }
}
