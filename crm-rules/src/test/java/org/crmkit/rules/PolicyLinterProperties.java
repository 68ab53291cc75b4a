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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.condition.AllOf;
import org.crmkit.rules.condition.AnyOf;
import org.crmkit.rules.condition.Comparison;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.Operator;
import org.crmkit.rules.internal.Box;
import org.crmkit.rules.internal.Coverage;
import org.crmkit.rules.policy.EvaluationWindow;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.policy.PolicyProblem;
import org.crmkit.rules.tiering.HitPolicy;
import org.crmkit.rules.tiering.TierEngine;
import org.crmkit.rules.tiering.TierRule;
import org.crmkit.rules.tiering.TieringPolicy;

/** Lint never cries wolf: what it calls dead or uncovered really is, for random policies and customers. */
class PolicyLinterProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final PolicyHeader HEADER = new PolicyHeader(PolicyRef.of("random", "1"), AS_OF,
            Money.currency("CNY"), ZoneId.of("Asia/Shanghai"), EvaluationWindow.trailingYear());
    private static final Pattern DEAD = Pattern.compile("rule (\\S+) can never match.*");

    @Property(tries = 300)
    void aRuleLintCallsDeadNeverDecidesATier(@ForAll("policies") Policy policy,
            @ForAll("customers") List<CustomerMetrics> customers) {
        List<String> dead = new ArrayList<>();
        for (PolicyProblem warning : PolicyLinter.lint(policy)) {
            Matcher matcher = DEAD.matcher(warning.message());
            if (matcher.matches()) {
                dead.add(matcher.group(1));
            }
        }
        TierEngine engine = TierEngine.of(policy.header(), policy.tiering());
        Statistics.label("dead rule reported").collect(!dead.isEmpty());
        Statistics.label("dead rule reported").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));

        for (CustomerMetrics customer : customers) {
            assertThat(engine.evaluate(customer).tier().map(Tier::name)).isNotIn(
                    dead.stream().map(Optional::of).toList());
        }
    }

    @Property(tries = 300)
    void theUncoveredRegionsHoldExactlyTheBuyersNoRuleMatches(@ForAll("policies") Policy policy,
            @ForAll("customers") List<CustomerMetrics> customers) {
        TierEngine engine = TierEngine.of(policy.header(), policy.tiering());
        List<Box> uncovered = Coverage.uncoveredBuyers(policy.tiering().rules()).orElseThrow();
        Statistics.label("uncovered buyers").collect(!uncovered.isEmpty());
        Statistics.label("uncovered buyers").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));

        for (CustomerMetrics customer : customers.stream().filter(c -> c.spend().amount().signum() > 0).toList()) {
            boolean inUncoveredRegion = uncovered.stream().anyMatch(region -> region.contains(customer));
            assertThat(engine.evaluate(customer).tier().isEmpty()).as("%s", customer).isEqualTo(inUncoveredRegion);
        }
    }

    @Property(tries = 100)
    void lintWarnsAboutUncoveredBuyersExactlyWhenThereAreAny(@ForAll("policies") Policy policy) {
        boolean warned = PolicyLinter.lint(policy).stream()
                .anyMatch(warning -> warning.message().startsWith("no tier rule matches customers with "));

        assertThat(warned).isEqualTo(!Coverage.uncoveredBuyers(policy.tiering().rules()).orElseThrow().isEmpty());
    }

    @Provide
    Arbitrary<Policy> policies() {
        Arbitrary<Condition> comparison = Combinators.combine(
                Arbitraries.of(Metric.SPEND, Metric.ORDERS, Metric.ACTIVE_QUARTERS, Metric.STRATEGIC_AGREEMENT),
                Arbitraries.of(Operator.values()), Arbitraries.of(0, 1, 2, 3, 5, 30000, 100000))
                .as((metric, operator, threshold) -> metric == Metric.STRATEGIC_AGREEMENT
                        ? Comparison.flag(metric, threshold % 2 == 1)
                        : new Comparison(metric, operator, BigDecimal.valueOf(threshold)));
        Arbitrary<Condition> group = comparison.list().ofMinSize(1).ofMaxSize(3)
                .flatMap(parts -> Arbitraries.of(true, false).map(all -> all ? new AllOf(parts) : new AnyOf(parts)));
        Arbitrary<Condition> condition = Arbitraries.oneOf(comparison, group,
                group.list().ofMinSize(1).ofMaxSize(2).map(AllOf::new));
        return condition.list().ofMinSize(1).ofMaxSize(4).map(conditions -> {
            List<TierRule> rules = new ArrayList<>();
            for (int i = 0; i < conditions.size(); i++) {
                rules.add(TierRule.of(Tier.of("t" + i), conditions.get(i)));
            }
            return Policy.of(HEADER, new TieringPolicy(rules, HitPolicy.FIRST_MATCH, Optional.empty(), Map.of()),
                    PolicySource.named("random"));
        });
    }

    @Provide
    Arbitrary<List<CustomerMetrics>> customers() {
        Arbitrary<CustomerMetrics> one = Combinators.combine(
                Arbitraries.of(0, 1, 2, 3, 4, 5, 9), Arbitraries.integers().between(0, 4),
                Arbitraries.of("0.01", "1", "2999.99", "30000", "30000.01", "99999.99", "100000", "250000"),
                Arbitraries.of(true, false))
                .as((orders, quarters, spend, agreement) -> new CustomerMetrics(CustomerId.of("c"), AS_OF,
                        DateWindow.trailingMonths(12, AS_OF), Money.of("CNY", orders == 0 ? "0" : spend), orders,
                        orders == 0 ? 0 : Math.min(quarters, orders), 0, 12, agreement, Optional.empty()));
        return one.list().ofMinSize(1).ofMaxSize(20);
    }
}
