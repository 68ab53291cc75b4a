package org.crmkit.rules.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.condition.Comparison;
import org.crmkit.rules.condition.Operator;
import org.junit.jupiter.api.Test;

/** Policies built in code are held to the rules the loader applies to files. */
class TieringPolicyTest {
    private static final Tier GOLD = Tier.of("gold");
    private static final Tier SILVER = Tier.of("silver");
    private static final List<TierRule> RULES = List.of(
            TierRule.of(GOLD, Comparison.of(Metric.SPEND, Operator.GTE, "100000")),
            TierRule.of(SILVER, Comparison.of(Metric.SPEND, Operator.GT, "0")));

    @Test
    void ranksTiersInRuleOrder() {
        TieringPolicy policy = new TieringPolicy(RULES, HitPolicy.FIRST_MATCH, Optional.empty(), Map.of());

        assertThat(policy.ladder().tiers()).containsExactly(GOLD, SILVER);
        assertThat(policy.rule(SILVER)).contains(RULES.get(1));
        assertThat(policy.rule(Tier.of("bronze"))).isEmpty();
    }

    @Test
    void rejectsExpectedSharesAboveOneInTotal() {
        assertThatThrownBy(() -> new TieringPolicy(RULES, HitPolicy.FIRST_MATCH, Optional.empty(),
                Map.of(GOLD, new BigDecimal("0.6"), SILVER, new BigDecimal("0.5"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("expected shares add up to 1.1, more than 1");
    }

    @Test
    void rejectsSharesAndGraceForTiersItDoesNotHave() {
        assertThatThrownBy(() -> new TieringPolicy(RULES, HitPolicy.FIRST_MATCH, Optional.empty(),
                Map.of(Tier.of("bronze"), BigDecimal.ONE)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown tier 'bronze', expected one of [gold, silver]");
        assertThatThrownBy(() -> new TieringPolicy(RULES, HitPolicy.FIRST_MATCH,
                Optional.of(new DemotionGrace(2, Set.of(Tier.of("bronze")))), Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown tier 'bronze', expected one of [gold, silver]");
    }

    @Test
    void rejectsDuplicateTiersAndEmptyRules() {
        assertThatThrownBy(() -> new TieringPolicy(List.of(RULES.get(0), RULES.get(0)), HitPolicy.FIRST_MATCH,
                Optional.empty(), Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("TierLadder must not repeat a tier, was [gold, gold]");
        assertThatThrownBy(() -> new TieringPolicy(List.of(), HitPolicy.FIRST_MATCH, Optional.empty(), Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("a tiering policy needs at least one tier rule");
    }
}
