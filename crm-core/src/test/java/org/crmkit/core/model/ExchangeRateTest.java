package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeRateTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    @Test
    void readsCodesAndAPlainDecimal() {
        ExchangeRate rate = ExchangeRate.of("USD", "CNY", DAY, "7.10");

        assertThat(rate.currency()).isEqualTo(Money.currency("USD"));
        assertThat(rate.into()).isEqualTo(Money.currency("CNY"));
        assertThat(rate.rate()).isEqualTo(new BigDecimal("7.1"));
    }

    @Test
    void ratesThatDifferInTrailingZerosOnlyAreEqual() {
        assertThat(ExchangeRate.of("USD", "CNY", DAY, "7.100000000000000000"))
                .isEqualTo(ExchangeRate.of("USD", "CNY", DAY, "7.1"));
        assertThat(ExchangeRate.of("JPY", "CNY", DAY, "100.00").rate()).isEqualTo(new BigDecimal("100"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7.10", "0.000"})
    void aRateMustBeMoreThanZero(String rate) {
        assertThatThrownBy(() -> ExchangeRate.of("USD", "CNY", DAY, rate))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("ExchangeRate from USD to CNY on 2026-01-01 must be more than zero, was " + rate);
    }

    @Test
    void convertsIntoAnotherCurrency() {
        assertThatThrownBy(() -> ExchangeRate.of("CNY", "CNY", DAY, "1"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("ExchangeRate from CNY must convert into another currency, was CNY");
    }

    @Test
    void fixedRatesAnswerForTheirTargetCurrencyWhateverTheDay() {
        FixedExchangeRates rates = new FixedExchangeRates(Money.currency("CNY"),
                Map.of(Money.currency("USD"), new BigDecimal("7.10")));

        assertThat(rates.rate(Money.currency("USD"), Money.currency("CNY"), LocalDate.MIN)).contains(new BigDecimal("7.10"));
        assertThat(rates.rate(Money.currency("USD"), Money.currency("CNY"), LocalDate.MAX)).contains(new BigDecimal("7.10"));
        assertThat(rates.rate(Money.currency("USD"), Money.currency("EUR"), DAY)).isEmpty();
        assertThat(rates.rate(Money.currency("EUR"), Money.currency("CNY"), DAY)).isEmpty();
    }

    @Test
    void fixedRatesRefuseARateForTheirOwnCurrencyOrNotAboveZero() {
        assertThatThrownBy(() -> new FixedExchangeRates(Money.currency("CNY"),
                Map.of(Money.currency("CNY"), BigDecimal.ONE)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("FixedExchangeRates into CNY must not give a rate for CNY itself");
        assertThatThrownBy(() -> new FixedExchangeRates(Money.currency("CNY"),
                Map.of(Money.currency("USD"), BigDecimal.ZERO)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("FixedExchangeRates rate of USD must be more than zero, was 0");
    }

    @Test
    void fixedRatesAreEqualWhenTheirRatesAre() {
        assertThat(new FixedExchangeRates(Money.currency("CNY"), Map.of(Money.currency("USD"), new BigDecimal("7.1"),
                Money.currency("EUR"), new BigDecimal("7.8"))))
                .isEqualTo(new FixedExchangeRates(Money.currency("CNY"), Map.of(Money.currency("EUR"),
                        new BigDecimal("7.8"), Money.currency("USD"), new BigDecimal("7.1"))));
    }
}
