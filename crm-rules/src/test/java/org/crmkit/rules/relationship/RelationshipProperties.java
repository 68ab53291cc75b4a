package org.crmkit.rules.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Property;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.lifecycle.SignalGens;
import org.junit.jupiter.api.Test;

class RelationshipProperties {
    private static final RelationshipEngine ENGINE = RelationshipEngine.of(
            PolicyLoader.standard().find(RelationshipPolicy.class).orElseThrow());

    @Test
    void theLevelNeverSkipsALevel() {
        Property.forAll(signals()).tries(500).check(signals -> {
            RelationshipDecision decision = ENGINE.evaluate(signals);

            int held = decision.level().map(level -> level.ordinal() + 1).orElse(0);
            for (LevelEvidence evidence : decision.evidence()) {
                if (evidence.level().ordinal() < held) {
                    assertThat(evidence.holds()).as("evidence of %s below the level held", evidence.level()).isTrue();
                }
            }
            if (held < RelationshipLevel.values().length) {
                assertThat(decision.evidence().get(held).holds()).as("the next level's evidence").isFalse();
            }
        });
    }

    @Test
    void moreEvidenceNeverLowersTheLevel() {
        Property.forAll(signals()).tries(200).check(signals -> {
            RelationshipDecision before = ENGINE.evaluate(signals);
            // From unknown, one referral is more evidence too: an unknown signal never counts as evidence.
            BigDecimal referrals = signals.has(Signal.REFERRALS) ? signals.get(Signal.REFERRALS) : BigDecimal.ZERO;
            CustomerSignals more = signals.with(Signal.REFERRALS, referrals.add(BigDecimal.ONE));

            int levelBefore = before.level().map(Enum::ordinal).orElse(-1);
            assertThat(ENGINE.evaluate(more).level().map(Enum::ordinal).orElse(-1))
                    .isGreaterThanOrEqualTo(levelBefore);
        });
    }

    static Gen<CustomerSignals> signals() {
        return SignalGens.signals();
    }
}
