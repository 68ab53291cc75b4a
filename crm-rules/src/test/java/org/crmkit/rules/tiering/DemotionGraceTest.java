package org.crmkit.rules.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.rules.Policy;
import org.junit.jupiter.api.Test;

class DemotionGraceTest {
    private static final Policy TWO_EVALUATIONS = Policies.standardWithGrace("{evaluations: 2}");
    private static final TierEngine ENGINE = TierEngine.of(TWO_EVALUATIONS.header(), TWO_EVALUATIONS.section(TieringPolicy.class));

    private static TierAssignment held(String tier, int evaluationsBelow) {
        return new TierAssignment(CustomerId.of("c-1"), Optional.of(Tier.of(tier)), Snapshot.AS_OF.minusMonths(3),
                PolicyRef.of("standard", "2026.1"), evaluationsBelow, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void keepsTheHeldTierOnTheFirstEvaluationBelowIt() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("50000", 4).build(),
                Optional.of(held("core", 0)));

        assertThat(decision.ruleTier()).contains(Tier.of("important"));
        assertThat(decision.tier()).contains(Tier.of("core"));
        assertThat(decision.evaluationsBelow()).isEqualTo(1);
        assertThat(decision.reasons()).last().isEqualTo("demotion grace: kept core, 1 of 2 evaluations below its rule");
    }

    @Test
    void dropsOneTierAfterTheConfiguredNumberOfEvaluationsBelow() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("50000", 4).build(),
                Optional.of(held("core", 1)));

        assertThat(decision.tier()).contains(Tier.of("important"));
        assertThat(decision.evaluationsBelow()).isZero();
        assertThat(decision.reasons()).last().isEqualTo(
                "demotion grace: moved down one tier from core to important after 2 of 2 evaluations below its rule");
    }

    @Test
    void dropsOnlyOneTierEvenWhenTheRulesGiveNoTierAtAll() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().build(), Optional.of(held("core", 1)));

        assertThat(decision.ruleTier()).isEmpty();
        assertThat(decision.tier()).contains(Tier.of("important"));
    }

    @Test
    void dropsFromTheLowestTierToNoTier() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().build(), Optional.of(held("potential", 1)));

        assertThat(decision.tier()).isEmpty();
        assertThat(decision.reasons()).last().isEqualTo(
                "demotion grace: moved down one tier from potential to no tier after 2 of 2 evaluations below its rule");
    }

    @Test
    void promotesAtOnce() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("120000", 4).build(),
                Optional.of(held("basic", 1)));

        assertThat(decision.tier()).contains(Tier.of("core"));
        assertThat(decision.grace()).isEmpty();
        assertThat(decision.evaluationsBelow()).isZero();
    }

    @Test
    void resetsTheCountWhenTheCustomerMeetsTheHeldTierAgain() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("120000", 3).build(),
                Optional.of(held("core", 1)));

        assertThat(decision.tier()).contains(Tier.of("core"));
        assertThat(decision.evaluationsBelow()).isZero();
        assertThat(decision.grace()).isEmpty();
    }

    @Test
    void appliesOnlyToTheNamedTiers() {
        Policy coreOnly = Policies.standardWithGrace("{evaluations: 3, applies_to: [core]}");
        TierEngine engine = TierEngine.of(coreOnly.header(), coreOnly.section(TieringPolicy.class));

        TierDecision important = engine.evaluate(Snapshot.any().buyer("5000", 1).build(),
                Optional.of(held("important", 0)));
        TierDecision core = engine.evaluate(Snapshot.any().buyer("5000", 1).build(), Optional.of(held("core", 0)));

        assertThat(important.tier()).contains(Tier.of("basic"));
        assertThat(core.tier()).contains(Tier.of("core"));
    }

    @Test
    void isOffInTheStandardPolicy() {
        Policy standard = org.crmkit.rules.PolicyLoader.standard();
        TierEngine engine = TierEngine.of(standard.header(), standard.section(TieringPolicy.class));

        TierDecision decision = engine.evaluate(Snapshot.any().build(), Optional.of(held("core", 0)));

        assertThat(standard.section(TieringPolicy.class).demotionGrace()).isEmpty();
        assertThat(decision.tier()).isEmpty();
    }

    @Test
    void ignoresAHeldTierThePolicyNoLongerHasAndSaysSo() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("5000", 1).build(), Optional.of(held("gold", 1)));

        assertThat(decision.tier()).contains(Tier.of("basic"));
        assertThat(decision.reasons()).contains(
                "previous tier gold is not in policy standard@2026.1: demotion grace not applied");
    }

    @Test
    void neverHoldsBeyondThisPolicysLimitWhateverTheStoredCount() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("50000", 4).build(),
                Optional.of(held("core", 5)));

        assertThat(decision.tier()).contains(Tier.of("important"));
        assertThat(decision.reasons()).last().isEqualTo(
                "demotion grace: moved down one tier from core to important after 2 of 2 evaluations below its rule");
    }

    @Test
    void rejectsAPreviousAssignmentThatIsNotOlderThanTheSnapshot() {
        TierAssignment sameDay = new TierAssignment(CustomerId.of("c-1"), Optional.of(Tier.of("core")), Snapshot.AS_OF,
                PolicyRef.of("standard", "2026.1"), 0, Instant.EPOCH);

        assertThatThrownBy(() -> ENGINE.evaluate(Snapshot.any().build(), Optional.of(sameDay)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Previous assignment of customer 'c-1' as of 2026-03-31 is not before the evaluated day"
                        + " 2026-03-31");
    }

    @Test
    void rejectsAnotherCustomersAssignment() {
        TierAssignment someoneElse = new TierAssignment(CustomerId.of("c-2"), Optional.of(Tier.of("core")),
                Snapshot.AS_OF.minusMonths(3), PolicyRef.of("standard", "2026.1"), 0, Instant.EPOCH);

        assertThatThrownBy(() -> ENGINE.evaluate(Snapshot.any().build(), Optional.of(someoneElse)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Previous assignment of customer 'c-2' given for customer 'c-1'");
    }
}
