package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.condition.AllOf;
import org.crmkit.rules.condition.AnyOf;
import org.crmkit.rules.condition.Comparison;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.Operator;
import org.crmkit.rules.internal.Box;
import org.crmkit.rules.internal.Coverage;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.policy.EvaluationWindow;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.tiering.HitPolicy;
import org.crmkit.rules.tiering.TierEngine;
import org.crmkit.rules.tiering.TierRule;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;

/** Lint never cries wolf: what it calls dead or uncovered really is, for random policies and customers. */
class PolicyLinterProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final PolicyHeader HEADER = new PolicyHeader(PolicyRef.of("random", "1"), AS_OF,
            Money.currency("CNY"), ZoneId.of("Asia/Shanghai"), EvaluationWindow.trailingYear());
    private static final Pattern DEAD = Pattern.compile("rule (\\S+) can never match.*");

    @Test
    void aRuleLintCallsDeadNeverDecidesATier() {
        Property.forAll(policies(), customers()).tries(300).cover("dead rule reported", 5).check((policy, customers) -> {
            List<String> dead = new ArrayList<>();
            for (InputProblem warning : PolicyLinter.lint(policy)) {
                Matcher matcher = DEAD.matcher(warning.message());
                if (matcher.matches()) {
                    dead.add(matcher.group(1));
                }
            }
            TierEngine engine = TierEngine.of(policy.header(), policy.section(TieringPolicy.class));
            Property.classify("dead rule reported", !dead.isEmpty());

            for (CustomerMetrics customer : customers) {
                assertThat(engine.evaluate(customer).tier().map(Tier::name)).isNotIn(
                        dead.stream().map(Optional::of).toList());
            }
        });
    }

    @Test
    void theUncoveredRegionsHoldExactlyTheBuyersNoRuleMatches() {
        Property.forAll(policies(), customers()).tries(300).cover("uncovered buyers", 5).check((policy, customers) -> {
            TierEngine engine = TierEngine.of(policy.header(), policy.section(TieringPolicy.class));
            List<Box> uncovered = Coverage.uncoveredBuyers(policy.section(TieringPolicy.class).rules()).orElseThrow();
            Property.classify("uncovered buyers", !uncovered.isEmpty());

            for (CustomerMetrics customer : customers.stream().filter(c -> c.spend().amount().signum() > 0).toList()) {
                boolean inUncoveredRegion = uncovered.stream().anyMatch(region -> region.contains(customer));
                assertThat(engine.evaluate(customer).tier().isEmpty()).as("%s", customer).isEqualTo(inUncoveredRegion);
            }
        });
    }

    @Test
    void lintWarnsAboutUncoveredBuyersExactlyWhenThereAreAny() {
        Property.forAll(policies()).tries(100).check(policy -> {
            boolean warned = PolicyLinter.lint(policy).stream()
                    .anyMatch(warning -> warning.message().startsWith("no tier rule matches customers with "));

            assertThat(warned).isEqualTo(!Coverage.uncoveredBuyers(policy.section(TieringPolicy.class).rules()).orElseThrow().isEmpty());
        });
    }

    static Gen<Policy> policies() {
        Gen<Metric> metrics = Gens.of(Metric.SPEND, Metric.ORDERS, Metric.ACTIVE_QUARTERS, Metric.STRATEGIC_AGREEMENT);
        Gen<Operator> operators = Gens.of(Operator.values());
        Gen<Integer> thresholds = Gens.of(0, 1, 2, 3, 5, 30000, 100000);
        Gen<Condition> comparison = source -> {
            Metric metric = metrics.generate(source);
            Operator operator = operators.generate(source);
            int threshold = thresholds.generate(source);
            return metric == Metric.STRATEGIC_AGREEMENT
                    ? Comparison.flag(metric, threshold % 2 == 1)
                    : new Comparison(metric, operator, BigDecimal.valueOf(threshold));
        };
        Gen<Condition> group = comparison.list(1, 3)
                .flatMap(parts -> Gens.booleans().map(all -> all ? new AllOf(parts) : new AnyOf(parts)));
        Gen<Condition> condition = Gens.oneOf(comparison, group, group.list(1, 2).map(AllOf::new));
        return condition.list(1, 4).map(conditions -> {
            List<TierRule> rules = new ArrayList<>();
            for (int i = 0; i < conditions.size(); i++) {
                rules.add(TierRule.of(Tier.of("t" + i), conditions.get(i)));
            }
            return Policy.of(HEADER, new TieringPolicy(rules, HitPolicy.FIRST_MATCH, Optional.empty(), Map.of()),
                    PolicySource.named("random"));
        });
    }

    static Gen<List<CustomerMetrics>> customers() {
        Gen<Integer> orderCounts = Gens.of(0, 1, 2, 3, 4, 5, 9);
        Gen<Integer> quarterCounts = Gens.integers(0, 4);
        Gen<String> spends = Gens.of("0.01", "1", "2999.99", "30000", "30000.01", "99999.99", "100000", "250000");
        Gen<Boolean> agreements = Gens.booleans();
        Gen<CustomerMetrics> one = source -> {
            int orders = orderCounts.generate(source);
            int quarters = quarterCounts.generate(source);
            String spend = spends.generate(source);
            boolean agreement = agreements.generate(source);
            return new CustomerMetrics(CustomerId.of("c"), AS_OF,
                    DateWindow.trailingMonths(12, AS_OF), Money.of("CNY", orders == 0 ? "0" : spend), orders,
                    orders == 0 ? 0 : Math.min(quarters, orders), 0, true, 12, agreement, Optional.empty());
        };
        return one.list(1, 20);
    }
}
