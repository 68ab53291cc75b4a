package org.crmkit.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crmkit.core.memory.InMemoryExchangeRateTable;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.FixedExchangeRates;
import org.crmkit.core.model.Money;
import org.crmkit.core.port.ExchangeRates;
import org.crmkit.rules.MinimalPolicy;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header's {@code exchange_rates}: fixed rates into the policy's currency, checked like every key. */
class ExchangeRatesPolicyTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Test
    void aPolicyWithoutExchangeRatesConvertsNothing() {
        Policy policy = MinimalPolicy.with("");

        assertThat(policy.header().exchangeRates()).isSameAs(ExchangeRates.none());
        assertThat(policy.header().metricsQuery(AS_OF).exchangeRates()).isSameAs(ExchangeRates.none());
    }

    @Test
    void readsFixedRatesQuotedOrAsNumbersIntoThePolicysCurrency() {
        Policy policy = MinimalPolicy.with("exchange_rates: {USD: \"7.10\", EUR: 7.8, JPY: '0.048123456789012345'}\n");

        FixedExchangeRates expected = new FixedExchangeRates(Money.currency("CNY"), Map.of(
                Money.currency("USD"), new BigDecimal("7.10"), Money.currency("EUR"), new BigDecimal("7.8"),
                Money.currency("JPY"), new BigDecimal("0.048123456789012345")));
        assertThat(policy.header().exchangeRates()).isEqualTo(expected);
        assertThat(policy.header().metricsQuery(AS_OF).exchangeRates()).isEqualTo(expected);
    }

    @Test
    void anEmptyMapConvertsNothing() {
        assertThat(MinimalPolicy.with("exchange_rates: {}\n").header().exchangeRates()).isSameAs(ExchangeRates.none());
    }

    @Test
    void readsTheRatesFromJsonToo() {
        Policy policy = PolicyDocuments.load("""
                {"id": "acme", "version": "1", "effective_from": "2026-01-01", "currency": "CNY",
                 "time_zone": "Asia/Shanghai", "exchange_rates": {"USD": "7.10"},
                 "tiers": [{"name": "buyer", "when": {"spend": {"gt": 0}}}]}
                """, "acme.json");

        assertThat(policy.header().exchangeRates().rate(Money.currency("USD"), Money.currency("CNY"), AS_OF))
                .contains(new BigDecimal("7.10"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not a map       | exchange_rates: 7.10                      | STRUCTURE | acme.yaml:9: exchange_rates: must be a map from ISO-4217 currency code to rate, e.g. {USD: \"7.10\"}, was 7.10",
        "unknown code    | exchange_rates: {RMB: 1.0}                | MEANING   | acme.yaml:9: exchange_rates.RMB: unknown ISO-4217 currency 'RMB'",
        "lower case code | exchange_rates: {usd: 7.10}               | STRUCTURE | acme.yaml:9: exchange_rates.usd: unknown ISO-4217 currency 'usd'",
        "own currency    | exchange_rates: {CNY: 1}                  | MEANING   | acme.yaml:9: exchange_rates.CNY: is the policy's own currency, which needs no rate",
        "zero rate       | exchange_rates: {USD: 0}                  | STRUCTURE | acme.yaml:9: exchange_rates.USD: must be more than zero, was 0",
        "negative rate   | exchange_rates: {USD: '-7.10'}            | MEANING   | acme.yaml:9: exchange_rates.USD: must be more than zero, was '-7.10'",
        "not a number    | exchange_rates: {USD: seven}              | STRUCTURE | acme.yaml:9: exchange_rates.USD: must be a number, was 'seven'",
        "too many digits | exchange_rates: {USD: '0.0000000000000000001'} | MEANING | acme.yaml:9: exchange_rates.USD: must have at most 20 digits before and 18 after the decimal point, was '0.0000000000000000001'",
    })
    void refusesABadRateNamingFileLineFieldAndValue(String what, String yaml, PolicyDocuments.Broken broken,
            String expected) {
        MinimalPolicy.assertRejected(yaml + "\n", broken, expected);
    }

    @Test
    void reportsEveryBadRateAtOnce() {
        assertThat(PolicyDocuments.rejected(MinimalPolicy.HEADER + "exchange_rates:\n  RMB: 1\n  USD: 0\n  EUR: 7.8\n",
                "acme.yaml", PolicyDocuments.Broken.STRUCTURE))
                .containsExactly("acme.yaml:10: exchange_rates.RMB: unknown ISO-4217 currency 'RMB'",
                        "acme.yaml:11: exchange_rates.USD: must be more than zero, was 0");
    }

    @Test
    void aPolicyTakesADatedRateTableInCode() {
        Policy policy = MinimalPolicy.with("exchange_rates: {USD: \"7.10\"}\n");
        InMemoryExchangeRateTable table = InMemoryExchangeRateTable.of(List.of(
                ExchangeRate.of("USD", "CNY", LocalDate.of(2026, 1, 1), "7.20")));

        Policy dated = policy.withExchangeRates(table);

        assertThat(dated.header().exchangeRates()).isSameAs(table);
        assertThat(dated.header().metricsQuery(AS_OF).exchangeRates()).isSameAs(table);
        assertThat(dated.section(TieringPolicy.class)).isEqualTo(policy.section(TieringPolicy.class));
        assertThat(dated.source()).isEqualTo(policy.source());
        assertThat(dated.header().withExchangeRates(policy.header().exchangeRates())).isEqualTo(policy.header());
    }
}
