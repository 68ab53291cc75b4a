package org.crmkit.rules.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The source plan's numbers, run through the built-in standard policy. */
class StandardPolicyExamplesTest {
    private static final Policy STANDARD = PolicyLoader.standard();
    private static final TierEngine ENGINE = TierEngine.of(STANDARD.header(), STANDARD.section(TieringPolicy.class));

    @ParameterizedTest(name = "spend {0} in {1} active quarters, {2} inquiries -> {3}")
    @CsvSource(nullValues = "none", value = {
        "100000,    3, 0, core",
        "100000.00, 4, 0, core",
        "250000,    3, 2, core",
        "99999.99,  3, 0, important",
        "100000,    2, 0, important",
        "30000,     1, 0, important",
        "29999,     2, 0, basic",
        "29999.99,  4, 0, basic",
        "10000,     1, 0, basic",
        "0.01,      1, 0, basic",
        "0,         0, 1, potential",
        "0.00,      1, 1, potential",
        "0,         0, 5, potential",
        "0,         0, 0, none",
    })
    void decidesTheTiersOfTheSourcePlan(String spend, int activeQuarters, int inquiries, String expected) {
        Snapshot snapshot = Snapshot.any().spend(spend).activeQuarters(activeQuarters)
                .orders(activeQuarters).inquiries(inquiries);

        TierDecision decision = ENGINE.evaluate(snapshot.build());

        assertThat(decision.tier().map(Tier::name)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void explainsWhyStableCooperationIsMissingForCore() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("100000", 2).build());

        assertThat(decision.reasons()).containsExactly(
                "rule core not matched: spend 100000.00 >= 100000 met; active_quarters 2 >= 3 not met",
                "rule important matched: spend 100000.00 >= 30000 met");
        assertThat(decision.matchedRule()).map(result -> result.rule().name()).contains("important");
    }

    @Test
    void explainsEveryHigherRuleForAProspect() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().inquiries(2).build());

        assertThat(decision.reasons()).containsExactly(
                "rule core not matched: spend 0.00 >= 100000 not met; active_quarters 0 >= 3 not met",
                "rule important not matched: spend 0.00 >= 30000 not met",
                "rule basic not matched: spend 0.00 > 0 not met",
                "rule potential matched: spend 0.00 = 0 met; inquiries 2 >= 1 met");
    }

    @Test
    void saysWhenNoRuleMatches() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().build());

        assertThat(decision.tier()).isEmpty();
        assertThat(decision.ruleTier()).isEmpty();
        assertThat(decision.reasons()).hasSize(5).last().isEqualTo("no rule matched: no tier");
    }

    @ParameterizedTest(name = "spend {0} in {1} active quarters, inquiries unknown -> {2}")
    @CsvSource(nullValues = "none", value = {
        "100000,   3, core",
        "99999.99, 3, important",
        "0.01,     1, basic",
        "0,        0, none",
        "0.00,     1, none",
    })
    void withoutInquiriesDataBuyersKeepTheirTierAndNoOneIsPotential(String spend, int activeQuarters,
            String expected) {
        Snapshot snapshot = Snapshot.any().spend(spend).activeQuarters(activeQuarters).orders(activeQuarters)
                .inquiriesUnknown();

        TierDecision decision = ENGINE.evaluate(snapshot.build());

        assertThat(decision.tier().map(Tier::name)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aProspectWithoutInquiriesDataIsToldWhyPotentialCannotMatch() {
        // The plan's potential customer (~20%): no paid purchase, but inquiries. Without interactions
        // data they cannot be seen, and the decision says so instead of "inquiries 0 >= 1 not met".
        TierDecision decision = ENGINE.evaluate(Snapshot.any().inquiriesUnknown().build());

        assertThat(decision.tier()).isEmpty();
        assertThat(decision.reasons()).containsExactly(
                "rule core not matched: spend 0.00 >= 100000 not met; active_quarters 0 >= 3 not met",
                "rule important not matched: spend 0.00 >= 30000 not met",
                "rule basic not matched: spend 0.00 > 0 not met",
                "rule potential not matched: spend 0.00 = 0 met; inquiries unknown >= 1 not met",
                "no rule matched: no tier",
                "inquiries unknown: the source has no interactions data");
    }

    @Test
    void stopsAtTheFirstMatchingRule() {
        TierDecision decision = ENGINE.evaluate(Snapshot.any().buyer("150000", 4).build());

        assertThat(decision.evaluatedRules()).extracting(result -> result.rule().name()).containsExactly("core");
        assertThat(decision.reasons()).containsExactly(
                "rule core matched: spend 150000.00 >= 100000 met; active_quarters 4 >= 3 met");
    }

    @Test
    void keepsTheInputsAndThePolicyInTheDecision() {
        TierDecision decision = ENGINE.evaluate(Snapshot.customer("acme").buyer("42000", 2).build());

        assertThat(decision.customerId().value()).isEqualTo("acme");
        assertThat(decision.asOf()).isEqualTo(Snapshot.AS_OF);
        assertThat(decision.policy().toString()).isEqualTo("standard@2026.1");
        assertThat(decision.metrics().spend().toString()).isEqualTo("42000.00 CNY");
    }

    @Test
    void rejectsMetricsInAnotherCurrency() {
        assertThatThrownBy(() -> ENGINE.evaluate(Snapshot.any().spend("5").currency("USD").build()))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Metrics of customer 'c-1': currency USD does not match CNY (crmkit does not convert currencies)");
    }

    @Test
    void ranksTheStandardTiersInPlanOrder() {
        assertThat(ENGINE.ladder().tiers()).extracting(Tier::name)
                .containsExactly("core", "important", "basic", "potential");
    }
}
