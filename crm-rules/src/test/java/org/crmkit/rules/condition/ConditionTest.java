package org.crmkit.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private static CustomerMetrics metrics(String spend, int orders, int inquiries, boolean agreement) {
        return new CustomerMetrics(CustomerId.of("c-1"), AS_OF, DateWindow.trailingMonths(12, AS_OF),
                Money.of("CNY", spend), orders, Math.min(orders, 4), inquiries, true, 30, agreement, Optional.empty());
    }

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({
        "100, gte, 100, true", "100, gte, 100.01, false", "100, gt, 100, false", "100.01, gt, 100, true",
        "100, lte, 100, true", "100.01, lte, 100, false", "99.99, lt, 100, true", "100, lt, 100, false",
        "100.00, eq, 100, true", "100.5, eq, 100, false",
    })
    void comparesExactlyAsWritten(String actual, String operator, String threshold, boolean expected) {
        assertThat(Operator.byKey(operator).orElseThrow().test(new BigDecimal(actual), new BigDecimal(threshold)))
                .isEqualTo(expected);
    }

    @Test
    void explainsAComparisonWithValueThresholdAndOutcome() {
        ConditionResult result = Comparison.of(Metric.SPEND, Operator.GTE, "100000").evaluate(metrics("99999.99", 3, 0, false));

        assertThat(result.holds()).isFalse();
        assertThat(result.explain()).isEqualTo("spend 99999.99 >= 100000 not met");
    }

    @ParameterizedTest(name = "inquiries {0} {1} on unknown inquiries does not hold")
    @CsvSource({"gte, 1", "lt, 1", "eq, 0", "lte, 5"})
    void aComparisonOfUnknownInquiriesIsUnknownWhateverTheOperator(String operator, String threshold) {
        Comparison comparison = Comparison.of(Metric.INQUIRIES, Operator.byKey(operator).orElseThrow(), threshold);

        ConditionResult result = comparison.evaluate(metrics("0", 0, 0, false).withInquiriesUnknown());

        assertThat(result).isInstanceOf(ConditionResult.Unknown.class);
        assertThat(result.holds()).isFalse();
        assertThat(result.explain()).isEqualTo("inquiries unknown " + comparison.operator().symbol() + " "
                + threshold + " not met");
        assertThat(comparison.evaluate(metrics("0", 0, 0, false)).holds())
                .isEqualTo(comparison.operator().test(BigDecimal.ZERO, new BigDecimal(threshold)));
    }

    @Test
    void explainsFlagsAsTrueOrFalse() {
        ConditionResult result = Comparison.flag(Metric.STRATEGIC_AGREEMENT, true).evaluate(metrics("0", 0, 0, false));

        assertThat(result.explain()).isEqualTo("strategic_agreement false = true not met");
    }

    @Test
    void aComparisonWithAnUnknownSignalDoesNotHoldWhateverItsOperatorAndSaysSo() {
        CustomerSignals signals = CustomerSignals.of(metrics("100", 1, 0, false)).with(Signal.REFERRALS, 1);

        for (Operator operator : Operator.values()) {
            ConditionResult result = Comparison.of(Signal.RECENCY_RATIO, operator, "2").evaluate(signals);
            assertThat(result.holds()).as("recency_ratio %s 2", operator.symbol()).isFalse();
            assertThat(result.explain()).isEqualTo("recency_ratio unknown " + operator.symbol() + " 2 not met");
        }
        ConditionResult either = Condition.any(Comparison.of(Signal.P_ALIVE, Operator.LT, "0.2"),
                Comparison.of(Signal.REFERRALS, Operator.GTE, "1")).evaluate(signals);
        assertThat(either.holds()).isTrue();
        assertThat(either.explain()).isEqualTo("any of: p_alive unknown < 0.2 not met or referrals 1 >= 1 met");
        assertThat(((ConditionResult.Combined) either).comparisons()).hasSize(1);
    }

    @Test
    void evaluatesEveryBranchOfAnyAndExplainsNestedGroups() {
        Condition condition = Condition.all(Comparison.of(Metric.ORDERS, Operator.GTE, "1"),
                Condition.any(Comparison.of(Metric.SPEND, Operator.GTE, "50000"),
                        Comparison.flag(Metric.STRATEGIC_AGREEMENT, true)));

        ConditionResult result = condition.evaluate(metrics("1000", 2, 0, true));

        assertThat(result.holds()).isTrue();
        assertThat(result.explain()).isEqualTo("orders 2 >= 1 met; (any of: spend 1000.00 >= 50000 not met"
                + " or strategic_agreement true = true met)");
        assertThat(((ConditionResult.Combined) result).comparisons()).hasSize(3);
    }

    @Test
    void holdsAnyWhenOneBranchHoldsAndAllOnlyWhenEveryBranchHolds() {
        Condition low = Comparison.of(Metric.INQUIRIES, Operator.GTE, "1");
        Condition high = Comparison.of(Metric.INQUIRIES, Operator.GTE, "5");
        CustomerMetrics two = metrics("0", 0, 2, false);

        assertThat(Condition.any(low, high).evaluate(two).holds()).isTrue();
        assertThat(Condition.all(low, high).evaluate(two).holds()).isFalse();
    }

    @Test
    void rejectsThresholdsThatDoNotSuitTheMetric() {
        assertThatThrownBy(() -> Comparison.of(Metric.SPEND, Operator.GT, "-1"))
                .isInstanceOf(InvalidValueException.class).hasMessage("spend threshold must not be negative, was -1");
        assertThatThrownBy(() -> Comparison.of(Metric.ORDERS, Operator.GT, "1.5"))
                .isInstanceOf(InvalidValueException.class).hasMessage("orders threshold must be a whole number, was 1.5");
        assertThatThrownBy(() -> Comparison.of(Metric.SPEND, Operator.GT, "lots"))
                .isInstanceOf(InvalidValueException.class).hasMessage("spend threshold must be a number, was 'lots'");
        assertThatThrownBy(() -> Comparison.flag(Metric.ORDERS, true))
                .isInstanceOf(InvalidValueException.class).hasMessage("orders is not a true/false measure");
        assertThatThrownBy(() -> new AllOf(java.util.List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessage("all needs at least one condition");
    }

    @Test
    void printsConditionsAsPolicyAuthorsWriteThem() {
        assertThat(Condition.all(Comparison.of(Metric.SPEND, Operator.GTE, "100000"),
                Comparison.flag(Metric.STRATEGIC_AGREEMENT, true)))
                .hasToString("all[spend >= 100000, strategic_agreement = true]");
    }
}
