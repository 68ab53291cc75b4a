package org.crmkit.rules.lifecycle;

import org.crmkit.rules.relationship.RelationshipPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.PolicyDocuments.Broken.MEANING;
import static org.crmkit.rules.PolicyDocuments.Broken.STRUCTURE;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.condition.Choice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The relationship and lifecycle sections: a valid one, and each broken in one place with located messages. */
class LifecyclePolicyTest {
    private static final String VALID = """
            id: acme
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            tiers:
              - name: buyer
                when: {spend: {gt: 0}}
            relationship:
              value_added_categories: [service]
              levels:
                trust: {when: {repeat_purchases: {gte: 1}}}
                value: {when: {categories: {gte: 2}}}
                emotion: {when: {referrals: {gte: 1}}}
                vision: {when: {strategic_agreement: true}}
              types:
                - type: strategic
                  when: {strategic_agreement: true}
                - type: transactional
            lifecycle:
              stages:
                - stage: churned
                  when: {p_alive: {lt: 0.1}}
                - stage: decline
                  when: {churn_risk: {gte: 0.5}}
                - stage: growth
                  when: {spend_trend: {gt: -0.05}}
                - stage: acquisition
                  when: {days_since_first_purchase: {lte: 30}}
                - stage: maturity
              churn_risk:
                weights: {p_alive: 1, recency: 0}
                high_risk: 0.5
            """;

    @Test
    void readsTheSectionsInPolicyOrder() {
        Policy policy = PolicyDocuments.load(VALID, "acme.yaml");

        assertThat(policy.find(LifecyclePolicy.class).orElseThrow().stages().choices()).extracting(Choice::outcome).containsExactly(
                LifecycleStage.CHURNED, LifecycleStage.DECLINE, LifecycleStage.GROWTH, LifecycleStage.ACQUISITION,
                LifecycleStage.MATURITY);
        assertThat(policy.find(LifecyclePolicy.class).orElseThrow().winBack()).isEmpty();
        assertThat(policy.find(LifecyclePolicy.class).orElseThrow().churnRisk().recencyFullRiskRatio()).isEqualByComparingTo("3");
        assertThat(policy.find(RelationshipPolicy.class).orElseThrow().types().choices()).extracting(Choice::outcome)
                .containsExactly(RelationshipType.STRATEGIC, RelationshipType.TRANSACTIONAL);
        assertThat(policy.find(RelationshipPolicy.class).orElseThrow().valueAddedCategories()).containsExactly("service");
    }

    @Test
    void bothSectionsAreOptional() {
        Policy policy = PolicyDocuments.load(VALID.substring(0, VALID.indexOf("relationship:")), "acme.yaml");

        assertThat(policy.find(LifecyclePolicy.class)).isEmpty();
        assertThat(policy.find(RelationshipPolicy.class)).isEmpty();
    }

    static Stream<Arguments> brokenSections() {
        return Stream.of(
                broken("a signal in a tier condition", STRUCTURE, "when: {spend: {gt: 0}}",
                        "when: {referrals: {gt: 0}}",
                        "acme.yaml:8: tiers[0].when.referrals: unknown metric 'referrals', expected all, any or one of"
                                + " spend, orders, active_quarters, inquiries, tenure_months, strategic_agreement"),
                broken("an unknown signal", STRUCTURE, "{categories: {gte: 2}}", "{category: {gte: 2}}",
                        "acme.yaml:13: relationship.levels.value.when.category: unknown metric 'category', expected"
                                + " all, any or one of spend, orders, active_quarters, inquiries, tenure_months,"
                                + " strategic_agreement, " + Signal.knownKeys()),
                broken("a level without evidence", STRUCTURE, "    vision: {when: {strategic_agreement: true}}\n", "",
                        "acme.yaml:11: relationship.levels.vision: is required"),
                broken("an unknown level", STRUCTURE, "vision:", "visions:",
                        "acme.yaml:11: relationship.levels.vision: is required",
                        "acme.yaml:15: relationship.levels.visions: unknown field, expected one of trust, value,"
                                + " emotion, vision"),
                broken("a condition on the last type", MEANING, "    - type: transactional\n",
                        "    - type: transactional\n      when: {orders: {gte: 0}}\n",
                        "acme.yaml:20: relationship.types[1].when: the last type applies otherwise and takes no when"),
                broken("a type twice", MEANING, "- type: transactional", "- type: strategic",
                        "acme.yaml:19: relationship.types[1].type: type 'strategic' is listed twice"),
                broken("an unknown stage", STRUCTURE, "stage: growth", "stage: growing",
                        "acme.yaml:26: lifecycle.stages[2].stage: Unknown lifecycle stage 'growing', expected one of"
                                + " acquisition, growth, maturity, decline, churned"),
                broken("a stage without a condition before the last", MEANING,
                        "      when: {churn_risk: {gte: 0.5}}\n", "",
                        "acme.yaml:24: lifecycle.stages[1].when: is required: only the last stage applies otherwise"),
                broken("a missing stage", MEANING,
                        "    - stage: acquisition\n      when: {days_since_first_purchase: {lte: 30}}\n", "",
                        "acme.yaml:21: lifecycle.stages: needs a rule for every stage, missing acquisition"),
                broken("a probability above one", MEANING, "{p_alive: {lt: 0.1}}", "{p_alive: {lt: 10}}",
                        "acme.yaml:23: lifecycle.stages[0].when.p_alive.lt: must be between 0 and 1 for p_alive, was 10"),
                broken("a fractional count", MEANING, "{days_since_first_purchase: {lte: 30}}",
                        "{days_since_first_purchase: {lte: 30.5}}",
                        "acme.yaml:29: lifecycle.stages[3].when.days_since_first_purchase.lte: must be a whole number"
                                + " for days_since_first_purchase, was 30.5"),
                broken("an unknown churn factor", STRUCTURE, "recency: 0}", "recency: 0, mood: 1}",
                        "acme.yaml:32: lifecycle.churn_risk.weights.mood: unknown field, expected one of p_alive,"
                                + " recency, spend_trend, complaints, satisfaction"),
                broken("no weight above zero", MEANING, "p_alive: 1,", "p_alive: 0,",
                        "acme.yaml:32: lifecycle.churn_risk.weights: needs at least one weight above zero, factors:"
                                + " p_alive, recency, spend_trend, complaints, satisfaction"),
                broken("a high risk above one", STRUCTURE, "high_risk: 0.5", "high_risk: 5",
                        "acme.yaml:33: lifecycle.churn_risk.high_risk: must be between 0 and 1, was 5"));
    }

    private static Arguments broken(String what, PolicyDocuments.Broken broken, String from, String to,
            String... expected) {
        return Arguments.of(what, broken, VALID.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)),
                expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSections")
    void rejectsABrokenSectionWithLocatedMessages(String what, PolicyDocuments.Broken broken, String document,
            String[] expected) {
        assertThat(PolicyDocuments.rejected(document, "acme.yaml", broken)).as("a policy with %s", what)
                .containsExactly(expected);
    }
}
