package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.rules.io.InputProblem;
import org.junit.jupiter.api.Test;

class PolicyLinterTest {
    private static final String HEADER = """
            id: lint
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            tiers:
            """;

    private static java.util.List<String> lint(String tiers) {
        return PolicyLinter.lint(PolicyDocuments.load(HEADER + tiers, "lint.yaml")).stream()
                .map(InputProblem::toString).toList();
    }

    @Test
    void findsNothingWrongWithTheStandardPolicy() {
        assertThat(PolicyLinter.lint(PolicyLoader.standard())).isEmpty();
    }

    @Test
    void findsTheSourcePlansUnassignedBandBelowTenThousand() {
        assertThat(lint("""
                  - name: core
                    when: {all: [{spend: {gte: 100000}}, {active_quarters: {gte: 3}}]}
                  - name: important
                    when: {spend: {gte: 30000}}
                  - name: basic
                    when: {spend: {gte: 10000, lt: 30000}}
                  - name: potential
                    when: {all: [{spend: {eq: 0}}, {inquiries: {gte: 1}}]}
                """)).containsExactly("lint.yaml:6: tiers: no tier rule matches customers with spend in (0, 10000)");
    }

    @Test
    void findsBigSpendersWithoutStableCooperationWhenThePlansBandsAreTakenLiterally() {
        assertThat(lint("""
                  - name: core
                    when: {all: [{spend: {gte: 100000}}, {active_quarters: {gte: 3}}]}
                  - name: important
                    when: {spend: {gte: 30000, lt: 100000}}
                  - name: basic
                    when: {spend: {gte: 10000, lt: 30000}}
                """)).containsExactly(
                "lint.yaml:6: tiers: no tier rule matches customers with spend in (0, 10000)",
                "lint.yaml:6: tiers: no tier rule matches customers with spend >= 100000 and active_quarters <= 2");
    }

    @Test
    void saysSoWhenNoRuleMatchesAnyBuyer() {
        assertThat(lint("""
                  - name: prospect
                    when: {all: [{spend: {eq: 0}}, {inquiries: {gte: 1}}]}
                """)).containsExactly("lint.yaml:6: tiers: no tier rule matches customers with any spend above 0");
    }

    @Test
    void findsGapsBetweenAndAboveBands() {
        assertThat(lint("""
                  - name: top
                    when: {spend: {gt: 50000, lte: 80000}}
                  - name: low
                    when: {spend: {gt: 0, lt: 40000}}
                """)).containsExactly(
                "lint.yaml:6: tiers: no tier rule matches customers with spend in [40000, 50000]",
                "lint.yaml:6: tiers: no tier rule matches customers with spend > 80000");
    }

    @Test
    void findsARuleShadowedByOneHigherRule() {
        assertThat(lint("""
                  - name: gold
                    when: {spend: {gte: 100000}}
                  - name: platinum
                    when: {all: [{spend: {gte: 200000}}, {strategic_agreement: true}]}
                  - name: rest
                    when: {spend: {gt: 0}}
                """)).containsExactly(
                "lint.yaml:9: tiers[1]: rule platinum can never match: every customer it matches is matched first by"
                        + " rule gold");
    }

    @Test
    void findsARuleShadowedOnlyByTheUnionOfHigherRules() {
        assertThat(lint("""
                  - name: steady
                    when: {active_quarters: {gte: 2}}
                  - name: sporadic
                    when: {active_quarters: {lte: 1}}
                  - name: anyone
                    when: {orders: {gte: 1}}
                """)).containsExactly(
                "lint.yaml:11: tiers[2]: rule anyone can never match: every customer it matches is matched first by"
                        + " rules steady, sporadic");
    }

    @Test
    void findsContradictoryConditionsAndImpossibleValues() {
        assertThat(lint("""
                  - name: odd
                    when: {spend: {gte: 100, lt: 50}}
                  - name: between
                    when: {orders: {gt: 2, lt: 3}}
                  - name: five_quarters
                    when: {active_quarters: {gte: 5}}
                  - name: fine
                    when: {spend: {gt: 0}}
                """)).containsExactly(
                "lint.yaml:7: tiers[0]: rule odd can never match: no possible metric values satisfy its conditions",
                "lint.yaml:9: tiers[1]: rule between can never match: no possible metric values satisfy its conditions",
                "lint.yaml:11: tiers[2]: rule five_quarters can never match: no possible metric values satisfy its"
                        + " conditions");
    }

    @Test
    void keepsARuleThatCatchesWhatHigherRulesLeave() {
        assertThat(lint("""
                  - name: gold
                    when: {any: [{spend: {gte: 100000}}, {strategic_agreement: true}]}
                  - name: silver
                    when: {all: [{spend: {gte: 50000}}, {tenure_months: {gte: 12}}]}
                  - name: bronze
                    when: {spend: {gte: 0}}
                """)).isEmpty();
    }
}
