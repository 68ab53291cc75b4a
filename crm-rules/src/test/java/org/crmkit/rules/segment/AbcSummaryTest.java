package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.segment.Segments.cny;
import static org.crmkit.rules.segment.Segments.spender;

import java.math.BigDecimal;
import java.util.List;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;

class AbcSummaryTest {

    @Test
    void countsCustomersAndSpendPerClass() {
        // A: 500 + 200, B: 100 + 100, C: 50 + 30 + 20 + 0 of 1000.
        List<AbcResult> results = AbcClassifier.classify(List.of(spender("a", "500"), spender("b", "200"),
                spender("c", "100"), spender("d", "100"), spender("e", "50"), spender("f", "30"), spender("g", "20"),
                spender("h", "0")), AbcSettings.standard());

        AbcSummary summary = AbcSummary.of(results);

        assertThat(summary.customers()).isEqualTo(8);
        assertThat(summary.line(AbcClass.A)).isEqualTo(new AbcSummary.Line(AbcClass.A, 2, new BigDecimal("0.2500"),
                new BigDecimal("0.7000")));
        assertThat(summary.line(AbcClass.B).describe()).isEqualTo("B: 2 customers (25.00%), 20.00% of spend");
        assertThat(summary.line(AbcClass.C).describe()).isEqualTo("C: 4 customers (50.00%), 10.00% of spend");
    }

    @Test
    void roundsSharesHalfEvenToHundredthsOfAPercent() {
        AbcSummary summary = AbcSummary.of(AbcClassifier.classify(
                List.of(spender("a", "2"), spender("b", "1"), spender("c", "0")), AbcSettings.standard()));

        assertThat(summary.line(AbcClass.A).customerShare()).isEqualByComparingTo("0.6667");
        assertThat(summary.line(AbcClass.A).spendShare()).isEqualByComparingTo("1.0000");
        assertThat(summary.line(AbcClass.C).describe()).isEqualTo("C: 1 customer (33.33%), 0.00% of spend");
    }

    @Test
    void hasZeroSharesWhenThereIsNobody() {
        AbcSummary summary = AbcSummary.of(List.of());

        assertThat(summary.customers()).isZero();
        assertThat(summary.lines()).extracting(AbcSummary.Line::describe).containsExactly(
                "A: 0 customers (0.00%), 0.00% of spend", "B: 0 customers (0.00%), 0.00% of spend",
                "C: 0 customers (0.00%), 0.00% of spend");
    }

    @Test
    void rejectsResultsInTwoCurrencies() {
        List<AbcResult> results = List.of(result("a", AbcClass.A, cny("5")),
                result("b", AbcClass.B, Money.of("EUR", "5")));

        assertThatThrownBy(() -> AbcSummary.of(results)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("spend of customer 'b': currency EUR does not match CNY (crmkit does not convert currencies)");
    }

    @Test
    void needsOneLinePerClassInOrderAddingUpToTheCustomers() {
        AbcSummary.Line a = new AbcSummary.Line(AbcClass.A, 1, BigDecimal.ONE, BigDecimal.ONE);
        AbcSummary.Line b = new AbcSummary.Line(AbcClass.B, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        AbcSummary.Line c = new AbcSummary.Line(AbcClass.C, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(new AbcSummary(1, List.of(a, b, c)).line(AbcClass.A)).isEqualTo(a);
        assertThatThrownBy(() -> new AbcSummary(1, List.of(a, b))).isInstanceOf(InvalidValueException.class)
                .hasMessage("ABC summary needs one line per class, was 2 lines");
        assertThatThrownBy(() -> new AbcSummary(1, List.of(b, a, c))).isInstanceOf(InvalidValueException.class)
                .hasMessage("ABC summary line 1 must be for class A, was B");
        assertThatThrownBy(() -> new AbcSummary(2, List.of(a, b, c))).isInstanceOf(InvalidValueException.class)
                .hasMessage("ABC summary lines count 1 customers, not 2");
    }

    private static AbcResult result(String id, AbcClass abcClass, Money spend) {
        return new AbcResult(CustomerId.of(id), abcClass, spend, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
