package org.crmkit.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.NoExchangeRateException;
import org.crmkit.core.memory.InMemoryExchangeRateTable;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.FixedExchangeRates;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.ExchangeRates;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

class FactsCalculatorExchangeRatesTest {
    private static final CustomerId C1 = CustomerId.of("c-1");
    private static final Customer CUSTOMER = Customer.of(C1, "ACME", LocalDate.of(2020, 1, 1));
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final MetricsQuery YEAR = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF),
            ZoneId.of("Asia/Shanghai"), Money.currency("CNY"));
    private static final ExchangeRates DATED = InMemoryExchangeRateTable.of(List.of(
            ExchangeRate.of("USD", "CNY", LocalDate.of(2024, 1, 1), "7.00"),
            ExchangeRate.of("USD", "CNY", LocalDate.of(2025, 10, 1), "7.25"),
            ExchangeRate.of("EUR", "CNY", LocalDate.of(2025, 6, 1), "7.8125")));

    private static Purchase purchase(String id, String day, String amount, String currency) {
        return Purchase.of(PurchaseId.of(id), C1, LocalDate.parse(day), Money.of(currency, amount));
    }

    private static CustomerFacts facts(ExchangeRates rates, Purchase... purchases) {
        return FactsCalculator.compute(CUSTOMER, List.of(purchases), List.of(), List.of(),
                FactsQuery.all(YEAR.withExchangeRates(rates), Set.of()));
    }

    @Test
    void sumsEachPurchaseConvertedAtTheRateOfItsDay() {
        CustomerFacts facts = facts(DATED,
                purchase("o-1", "2025-09-30", "100.005", "USD"),  // 700.035 -> 700.04
                purchase("o-2", "2025-10-01", "100.01", "USD"),   // 725.0725 -> 725.07
                purchase("o-3", "2025-12-01", "10", "EUR"),       // 78.125 -> 78.12
                purchase("o-4", "2026-01-02", "0.333", "CNY"));   // as recorded

        assertThat(facts.metrics().spend()).isEqualTo(Money.of("CNY", "1503.563"));
        assertThat(facts.history().orElseThrow().spend()).isEqualTo(Money.of("CNY", "1503.563"));
        assertThat(facts.activity().orElseThrow().earlierHalfSpend().plus(facts.activity().orElseThrow()
                .laterHalfSpend())).isEqualTo(Money.of("CNY", "1503.563"));
        assertThat(facts.history().orElseThrow().repeatSpend()).isEqualTo(Money.of("CNY", "803.523"));
    }

    @Test
    void looksUpTheRateOfEachPurchaseInAnotherCurrencyOnceForAllSums() {
        List<String> lookups = new ArrayList<>();
        ExchangeRates counted = (currency, into, day) -> {
            lookups.add(currency.getCurrencyCode() + " " + day);
            return DATED.rate(currency, into, day);
        };

        CustomerFacts facts = facts(counted,
                purchase("o-1", "2024-02-01", "10", "USD"),   // history only
                purchase("o-2", "2025-12-01", "10", "EUR"),   // metrics, history and activity
                purchase("o-3", "2026-01-02", "1", "CNY"));   // no rate needed

        assertThat(lookups).containsExactlyInAnyOrder("USD 2024-02-01", "EUR 2025-12-01");
        assertThat(facts.history().orElseThrow().spend()).isEqualTo(Money.of("CNY", "149.12"));
    }

    @Test
    void aPurchaseInTheWindowWithoutARateFailsTheMetricsNamingCurrencyAndDay() {
        assertThatThrownBy(() -> facts(DATED, purchase("o-1", "2025-05-31", "10", "EUR")))
                .isExactlyInstanceOf(NoExchangeRateException.class)
                .hasMessage("Purchase 'o-1': no exchange rate from EUR to CNY on 2025-05-31");
    }

    @Test
    void aPurchaseBeforeTheWindowWithoutARateFailsOnlyTheHistory() {
        Purchase old = purchase("o-1", "2023-12-31", "10", "USD");

        assertThatThrownBy(() -> facts(DATED, old))
                .isExactlyInstanceOf(NoExchangeRateException.class)
                .hasMessage("Purchase 'o-1' of customer 'c-1': no exchange rate from USD to CNY on 2023-12-31");
        CustomerFacts metricsOnly = FactsCalculator.compute(CUSTOMER, List.of(old), List.of(), List.of(),
                FactsQuery.metricsOnly(YEAR.withExchangeRates(DATED)));
        assertThat(metricsOnly.metrics().spend()).isEqualTo(Money.of("CNY", "0"));
        assertThat(metricsOnly.metrics().lastPurchase()).contains(LocalDate.of(2023, 12, 31));
    }

    /**
     * Converting through the rates gives exactly the facts of the same purchases recorded at their
     * converted amounts: conversion happens per purchase, before any sum, and nowhere else.
     */
    @Test
    void convertedFactsAreTheFactsOfThePurchasesAtTheirConvertedAmounts() {
        Gen<String> currencies = Gens.of("CNY", "USD", "EUR", "JPY");
        Gen<BigDecimal> amounts = Gens.integers(0, 4)
                .flatMap(scale -> Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("5000"), scale));
        Gen<LocalDate> days = Gens.integers(-800, 10).map(AS_OF::plusDays);
        Gen<Purchase> purchases = source -> {
            int id = Gens.integers(0, 1_000_000).generate(source);
            return Purchase.of(PurchaseId.of("o-" + id), C1, days.generate(source),
                    Money.of(currencies.generate(source), amounts.generate(source)));
        };
        Gen<BigDecimal> rates = Gens.integers(0, 6)
                .flatMap(scale -> Gens.bigDecimals(new BigDecimal("0.000001"), new BigDecimal("200"), scale))
                .map(rate -> rate.signum() == 0 ? BigDecimal.ONE : rate);
        Gen<ExchangeRates> exchangeRates = Gens.oneOf(
                source -> new FixedExchangeRates(Money.currency("CNY"), Map.of(Money.currency("USD"),
                        rates.generate(source), Money.currency("EUR"), rates.generate(source))),
                source -> {
                    Gen<ExchangeRate> rows = inner -> new ExchangeRate(
                            Money.currency(Gens.of("USD", "EUR", "JPY").generate(inner)), Money.currency("CNY"),
                            days.generate(inner), rates.generate(inner));
                    return InMemoryExchangeRateTable.of(rows.uniqueList(0, 6,
                            rate -> rate.currency() + "@" + rate.validFrom()).generate(source));
                });
        Property.forAll(purchases.uniqueList(0, 12, Purchase::id), exchangeRates).check((list, given) -> {
            FactsQuery converting = FactsQuery.all(YEAR.withExchangeRates(given), Set.of());
            Optional<CustomerFacts> converted = outcome(list, converting);
            List<Purchase> preConverted = new ArrayList<>();
            boolean convertible = true;
            for (Purchase purchase : list) {
                if (purchase.orderDate().isAfter(AS_OF)) {
                    // Ignored by every fact, whatever its currency.
                    preConverted.add(purchase);
                    continue;
                }
                try {
                    preConverted.add(Purchase.of(purchase.id(), C1, purchase.orderDate(),
                            converting.metrics().amountOf(purchase, "")));
                } catch (CrmException e) {
                    convertible = false;
                }
            }
            Property.classify("every purchase convertible", convertible);
            if (convertible) {
                assertThat(converted).isEqualTo(outcome(preConverted, FactsQuery.all(YEAR, Set.of())));
            } else {
                assertThat(converted).isEmpty();
            }
        });
    }

    private static Optional<CustomerFacts> outcome(List<Purchase> purchases, FactsQuery query) {
        try {
            return Optional.of(FactsCalculator.compute(CUSTOMER, purchases, List.of(), List.of(), query));
        } catch (NoExchangeRateException e) {
            return Optional.empty();
        }
    }
}
