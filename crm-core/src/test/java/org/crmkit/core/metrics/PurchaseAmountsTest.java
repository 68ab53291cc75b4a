package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.NoExchangeRateException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.ExchangeRates;
import org.junit.jupiter.api.Test;

class PurchaseAmountsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final MetricsQuery IN_CNY = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF),
            ZoneId.of("Asia/Shanghai"), Money.currency("CNY"));

    private static Purchase purchase(String id, String amount, String currency) {
        return Purchase.of(PurchaseId.of(id), CustomerId.of("c-1"), LocalDate.of(2026, 3, 2), Money.of(currency, amount));
    }

    @Test
    void convertsEachPurchaseOnceAndNamesItOnlyWhenItFails() {
        List<String> lookups = new ArrayList<>();
        ExchangeRates usdOnly = (currency, into, day) -> {
            lookups.add(currency.getCurrencyCode());
            return currency.getCurrencyCode().equals("USD") ? Optional.of(new BigDecimal("7.10")) : Optional.empty();
        };
        PurchaseAmounts amounts = PurchaseAmounts.of(IN_CNY.withExchangeRates(usdOnly));
        Purchase usd = purchase("o-1", "10.005", "USD");
        Purchase cny = purchase("o-2", "3", "CNY");

        assertThat(amounts.of(usd, p -> { throw new AssertionError("named " + p.id()); }))
                .isEqualTo(Money.of("CNY", "71.04"));
        assertThat(amounts.of(usd, p -> "unused")).isEqualTo(Money.of("CNY", "71.04"));
        assertThat(amounts.of(cny, p -> "unused")).isSameAs(cny.amount());
        assertThat(lookups).containsExactly("USD");
        assertThatThrownBy(() -> amounts.of(purchase("o-3", "1", "EUR"), p -> "Purchase '" + p.id() + "'"))
                .isExactlyInstanceOf(NoExchangeRateException.class)
                .hasMessage("Purchase 'o-3': no exchange rate from EUR to CNY on 2026-03-02");
    }

    @Test
    void withoutRatesAPurchaseInAnotherCurrencyIsAMismatch() {
        assertThatThrownBy(() -> PurchaseAmounts.of(IN_CNY).of(purchase("o-1", "1", "USD"), p -> "Purchase 'o-1'"))
                .isExactlyInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-1': currency USD does not match CNY (crmkit does not convert currencies)");
    }
}
