package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.NoExchangeRateException;
import org.crmkit.core.memory.InMemoryExchangeRateTable;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.FixedExchangeRates;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.ExchangeRates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsQueryExchangeRatesTest {
    private static final Currency CNY = Money.currency("CNY");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final MetricsQuery IN_CNY = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF),
            ZoneId.of("Asia/Shanghai"), CNY);

    private static Purchase purchase(String amount, String currency, String day) {
        return Purchase.of(PurchaseId.of("o-2"), CustomerId.of("c-1"), LocalDate.parse(day), Money.of(currency, amount));
    }

    private static MetricsQuery fixed(String currency, String rate) {
        return IN_CNY.withExchangeRates(new FixedExchangeRates(CNY, Map.of(Money.currency(currency),
                new BigDecimal(rate))));
    }

    @Test
    void aQueryConvertsNothingUnlessGivenRates() {
        assertThat(IN_CNY.exchangeRates()).isSameAs(ExchangeRates.none());
        assertThatThrownBy(() -> IN_CNY.amountOf(purchase("10", "USD", "2026-03-02"), "Purchase 'o-2'"))
                .isExactlyInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-2': currency USD does not match CNY (crmkit does not convert currencies)");
    }

    @Test
    void anAmountInTheQuerysCurrencyIsNeverRounded() {
        Money exact = Money.of("CNY", "10.123456");

        assertThat(fixed("USD", "7.10").amountOf(purchase("10.123456", "CNY", "2026-03-02"), "Purchase 'o-2'"))
                .isEqualTo(exact);
    }

    @ParameterizedTest(name = "{0} {1} at {2} is {3} CNY")
    @CsvSource({
        // amount x rate, then half-even to 2 decimals
        "10,       USD, 7.10,     71.00",
        "0.01,     USD, 0.5,      0.00",
        "0.03,     USD, 0.5,      0.02",
        "0.05,     USD, 0.5,      0.02",
        "0.07,     USD, 0.5,      0.04",
        "0.015,    USD, 1,        0.02",
        "0.025,    USD, 1,        0.02",
        "0.0250001, USD, 1,       0.03",
        "12345.6789, EUR, 7.8123, 96448.15",
        "1000,     JPY, 0.04812,  48.12",
        "1.005,    KWD, 23.4,     23.52",
        "1.0025,   KWD, 2,        2.00",
        "1.0075,   KWD, 2,        2.02",
    })
    void convertsEachPurchaseAtItsRateRoundingHalfEvenToTheCurrencysDecimals(String amount, String currency,
            String rate, String expected) {
        Money converted = fixed(currency, rate).amountOf(purchase(amount, currency, "2026-03-02"), "Purchase 'o-2'");

        assertThat(converted).isEqualTo(Money.of("CNY", expected));
    }

    @Test
    void convertsIntoACurrencyWithoutDecimalsToWholeUnits() {
        MetricsQuery inYen = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF), ZoneId.of("Asia/Tokyo"),
                Money.currency("JPY")).withExchangeRates(new FixedExchangeRates(Money.currency("JPY"),
                        Map.of(Money.currency("USD"), new BigDecimal("150.5"))));

        assertThat(inYen.amountOf(purchase("0.99", "USD", "2026-03-02"), "Purchase 'o-2'"))
                .isEqualTo(Money.of("JPY", "149"));
        assertThat(inYen.amountOf(purchase("1", "USD", "2026-03-02"), "Purchase 'o-2'"))
                .as("150.5 rounds half-even to 150").isEqualTo(Money.of("JPY", "150"));
    }

    @Test
    void aPurchaseWithoutARateForItsDayNamesTheCurrencyAndTheDay() {
        MetricsQuery dated = IN_CNY.withExchangeRates(InMemoryExchangeRateTable.of(java.util.List.of(
                ExchangeRate.of("USD", "CNY", LocalDate.of(2026, 3, 3), "7.10"))));

        assertThatThrownBy(() -> dated.amountOf(purchase("10", "USD", "2026-03-02"), "Purchase 'o-2'"))
                .isExactlyInstanceOf(NoExchangeRateException.class)
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-2': no exchange rate from USD to CNY on 2026-03-02")
                .satisfies(e -> assertThat(((NoExchangeRateException) e).day()).isEqualTo(LocalDate.of(2026, 3, 2)));
        assertThat(dated.amountOf(purchase("10", "USD", "2026-03-03"), "Purchase 'o-2'"))
                .isEqualTo(Money.of("CNY", "71.00"));
        assertThatThrownBy(() -> dated.amountOf(purchase("10", "EUR", "2026-03-03"), "Purchase 'o-2'"))
                .hasMessage("Purchase 'o-2': no exchange rate from EUR to CNY on 2026-03-03");
    }

    @Test
    void queriesWithTheSameRatesAreEqual() {
        assertThat(fixed("USD", "7.10")).isEqualTo(fixed("USD", "7.10")).isNotEqualTo(IN_CNY)
                .isNotEqualTo(fixed("USD", "7.11"));
        assertThat(fixed("USD", "7.10").withExchangeRates(ExchangeRates.none())).isEqualTo(IN_CNY);
    }
}
