package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.clv.ClvTimeUnit.WEEKS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.junit.jupiter.api.Test;

class PurchaseSummariesTest {
    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    private int next;

    private Purchase purchase(String customer, String day, String amount) {
        return purchase(customer, day, amount, "CNY");
    }

    private Purchase purchase(String customer, String day, String amount, String currency) {
        next++;
        return Purchase.of(PurchaseId.of("p" + next), CustomerId.of(customer), LocalDate.parse(day),
                Money.of(currency, amount));
    }

    @Test
    void repeatPurchasesAreTheDaysAfterTheFirstAndTheirMeanLeavesTheFirstOut() {
        List<Purchase> purchases = List.of(
                purchase("a", "2026-01-01", "500.00"),      // first purchase: not in the mean
                purchase("a", "2026-01-15", "100.00"),
                purchase("a", "2026-01-15", "20.00"),       // same day: one purchase of 120.00
                purchase("a", "2026-02-26", "60.00"),
                purchase("a", "2026-04-01", "999.00"));     // after the calibration end: ignored

        PurchaseSummary a = PurchaseSummaries.fromPurchases(purchases, END, WEEKS).get(0);

        assertThat(a.customerKey()).isEqualTo("a");
        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.recency()).isEqualTo(8.0);               // 56 days
        assertThat(a.age()).isEqualTo(89 / 7.0);             // 2026-01-01 to 2026-03-31
        assertThat(a.averageRepeatValue()).isEqualByComparingTo("90.00");
    }

    @Test
    void aCustomerWithOnlyTheFirstPurchaseHasZeroFrequencyRecencyAndValue() {
        List<PurchaseSummary> summaries = PurchaseSummaries.fromPurchases(List.of(
                purchase("b", "2026-03-01", "80.00"), purchase("b", "2026-03-01", "5.00")), END, ClvTimeUnit.DAYS);

        assertThat(summaries).containsExactly(new PurchaseSummary("b", 0, 0, 30, BigDecimal.ZERO));
    }

    @Test
    void customersBuyingOnlyAfterTheEndHaveNoSummaryAndTheRestAreOrderedById() {
        List<PurchaseSummary> summaries = PurchaseSummaries.fromPurchases(List.of(
                purchase("z", "2026-03-31", "1.00"), purchase("late", "2026-04-02", "1.00"),
                purchase("m", "2026-03-30", "1.00"), purchase("m", "2026-03-31", "3.00")), END, ClvTimeUnit.DAYS);

        assertThat(summaries).extracting(PurchaseSummary::customerKey).containsExactly("m", "z");
        assertThat(summaries.get(1).age()).isZero();
        assertThat(summaries.get(0)).isEqualTo(new PurchaseSummary("m", 1, 1, 1, new BigDecimal("3.00")));
    }

    @Test
    void anAverageThatDoesNotTerminateKeeps16Digits() {
        PurchaseSummary c = PurchaseSummaries.fromPurchases(List.of(purchase("c", "2026-01-01", "1"),
                purchase("c", "2026-01-02", "10"), purchase("c", "2026-01-03", "0"), purchase("c", "2026-01-04", "0")),
                END, ClvTimeUnit.DAYS).get(0);

        assertThat(c.averageRepeatValue()).isEqualByComparingTo("3.333333333333333");
    }

    @Test
    void mixedCurrenciesAreRejectedNamingTheCustomer() {
        List<Purchase> purchases = List.of(purchase("a", "2026-01-01", "10.00"),
                purchase("d", "2026-01-05", "10.00", "USD"));

        assertThatThrownBy(() -> PurchaseSummaries.fromPurchases(purchases, END, ClvTimeUnit.DAYS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("customer 'd': purchase 'p2' is in USD, other purchases are in CNY; summaries need a single"
                        + " currency");
    }
}
