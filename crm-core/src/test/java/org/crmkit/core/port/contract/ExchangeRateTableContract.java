package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.Money;
import org.crmkit.core.port.ExchangeRateTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviour every {@link ExchangeRateTable} implementation must show: a rate applies from its
 * day until the next rate of the same two currencies. An adapter's test extends this class and
 * implements {@link #newExchangeRateTable()}.
 */
public abstract class ExchangeRateTableContract {
    private static final Currency USD = Money.currency("USD");
    private static final Currency EUR = Money.currency("EUR");
    private static final Currency CNY = Money.currency("CNY");

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract ExchangeRateTable newExchangeRateTable();

    private static ExchangeRate rate(String currency, String into, String day, String rate) {
        return ExchangeRate.of(currency, into, LocalDate.parse(day), rate);
    }

    private ExchangeRateTable usdHistory() {
        ExchangeRateTable table = newExchangeRateTable();
        table.record(rate("USD", "CNY", "2026-01-01", "7.10"));
        table.record(rate("USD", "CNY", "2026-02-01", "7.20"));
        table.record(rate("USD", "CNY", "2026-03-01", "7.05"));
        table.record(rate("EUR", "CNY", "2026-01-15", "7.80"));
        table.record(rate("USD", "EUR", "2026-01-01", "0.92"));
        return table;
    }

    @ParameterizedTest(name = "USD to CNY on {0}: {1}")
    @CsvSource({
        "2025-12-31, ''",
        "2026-01-01, 7.10",
        "2026-01-31, 7.10",
        "2026-02-01, 7.20",
        "2026-02-28, 7.20",
        "2026-03-01, 7.05",
        "2030-01-01, 7.05",
    })
    public void aRateAppliesFromItsDayUntilTheNextOne(String day, String expected) {
        ExchangeRateTable table = usdHistory();

        assertThat(table.rate(USD, CNY, LocalDate.parse(day)).map(rate -> rate.stripTrailingZeros().toPlainString()))
                .isEqualTo(expected.isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of(new BigDecimal(expected).stripTrailingZeros().toPlainString()));
    }

    @Test
    public void ratesAreKeptPerPairOfCurrencies() {
        ExchangeRateTable table = usdHistory();
        LocalDate day = LocalDate.of(2026, 1, 20);

        assertThat(table.rate(USD, EUR, day)).hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("0.92"));
        assertThat(table.rate(EUR, CNY, day)).hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("7.80"));
        assertThat(table.rate(EUR, CNY, LocalDate.of(2026, 1, 14))).isEmpty();
        assertThat(table.rate(CNY, USD, day)).as("the inverse is not implied").isEmpty();
        assertThat(table.rate(EUR, USD, day)).isEmpty();
    }

    @Test
    public void aRateKeepsEveryDecimal() {
        ExchangeRateTable table = newExchangeRateTable();
        table.record(rate("JPY", "CNY", "2026-01-01", "0.048123456789012345"));

        assertThat(table.rate(Money.currency("JPY"), CNY, LocalDate.of(2026, 5, 1)))
                .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("0.048123456789012345"));
    }

    @Test
    public void listsEveryRateByCurrenciesAndDay() {
        ExchangeRateTable table = usdHistory();

        assertThat(table.all()).extracting(rate -> rate.currency().getCurrencyCode() + ">"
                + rate.into().getCurrencyCode() + "@" + rate.validFrom() + "=" + rate.rate().stripTrailingZeros()
                        .toPlainString())
                .containsExactly("EUR>CNY@2026-01-15=7.8", "USD>CNY@2026-01-01=7.1", "USD>CNY@2026-02-01=7.2",
                        "USD>CNY@2026-03-01=7.05", "USD>EUR@2026-01-01=0.92");
    }

    @Test
    public void recordingTheSameRateAgainChangesNothing() {
        ExchangeRateTable table = usdHistory();

        table.record(rate("USD", "CNY", "2026-02-01", "7.20"));

        assertThat(table.all()).hasSize(5);
    }

    @Test
    public void refusesAnotherRateForTheSameCurrenciesAndDay() {
        ExchangeRateTable table = usdHistory();

        assertThatThrownBy(() -> table.record(rate("USD", "CNY", "2026-02-01", "7.25")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("USD to CNY from 2026-02-01 is already recorded");
        assertThat(table.rate(USD, CNY, LocalDate.of(2026, 2, 2)))
                .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("7.20"));
    }

    @Test
    public void anEmptyTableKnowsNoRate() {
        assertThat(newExchangeRateTable().rate(USD, CNY, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(newExchangeRateTable().all()).isEqualTo(List.of());
    }
}
