package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.NoExchangeRateException;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryExchangeRateTable;
import org.crmkit.core.metrics.CustomerMetrics;
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
import org.junit.jupiter.api.Test;

/**
 * Facts in SQL converting purchases in other currencies: through the store's rate table, fixed
 * rates and a rate table held in memory; each purchase rounded half-even to the currency's
 * decimals; customers without a rate reported with the currency and the day; credit notes of an
 * ERP converted with their sign. Run on H2 and PostgreSQL.
 */
abstract class AbstractExchangeRatesFactsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final MetricsQuery YEAR = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF),
            ZoneId.of("Asia/Shanghai"), Money.currency("CNY"));

    /** @return the test's database */
    abstract DatabaseExtension database();

    private static Customer customer(String id) {
        return Customer.of(CustomerId.of(id), "Customer " + id, LocalDate.of(2020, 1, 15));
    }

    private static Purchase purchase(String id, String customer, String day, String amount, String currency) {
        return Purchase.of(PurchaseId.of(id), CustomerId.of(customer), LocalDate.parse(day), Money.of(currency, amount));
    }

    private JdbcStore holding(List<Customer> customers, List<Purchase> purchases) {
        JdbcStore store = database().store();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        return store;
    }

    private void execute(String sql) throws SQLException {
        DatabaseExtension.execute(database().dataSource(), sql);
    }

    @Test
    void convertsThroughTheStoresRateTableAndReportsACustomerWithoutARateForTheDay() {
        JdbcStore store = holding(List.of(customer("c-1"), customer("c-2"), customer("c-3")),
                List.of(purchase("o-1", "c-1", "2026-01-10", "10.00", "CNY"),
                        purchase("o-2", "c-2", "2026-01-31", "100.005", "USD"),
                        purchase("o-3", "c-2", "2026-02-01", "100.005", "USD"),
                        purchase("o-4", "c-3", "2025-12-31", "1.00", "USD"),
                        purchase("o-5", "c-3", "2026-01-10", "5.00", "USD")));
        store.exchangeRates().record(ExchangeRate.of("USD", "CNY", LocalDate.of(2026, 1, 1), "7.1"));
        store.exchangeRates().record(ExchangeRate.of("USD", "CNY", LocalDate.of(2026, 2, 1), "7.3"));
        store.exchangeRates().record(ExchangeRate.of("USD", "EUR", LocalDate.of(2020, 1, 1), "0.9"));
        FactsQuery query = FactsQuery.metricsOnly(YEAR.withExchangeRates(store.exchangeRates()));
        List<CustomerMetrics> visited = new ArrayList<>();
        List<NotEvaluable> skipped = new ArrayList<>();

        store.facts(skipped::add).forEach(query, facts -> visited.add(facts.metrics()));

        // 100.005 x 7.1 = 710.0355 -> 710.04; 100.005 x 7.3 = 730.0365 -> 730.04
        assertThat(visited).extracting(metrics -> metrics.customerId().value() + " " + metrics.spend())
                .containsExactly("c-1 10.00 CNY", "c-2 1440.08 CNY");
        assertThat(skipped).containsExactly(new NotEvaluable(CustomerId.of("c-3"),
                "Purchase 'o-4': no exchange rate from USD to CNY on 2025-12-31"));
        assertThatThrownBy(() -> store.facts().find(CustomerId.of("c-3"), query))
                .isExactlyInstanceOf(NoExchangeRateException.class)
                .hasMessage("Purchase 'o-4': no exchange rate from USD to CNY on 2025-12-31");
    }

    @Test
    void aPurchaseBeforeTheWindowNeedsARateForTheHistoryOnly() {
        JdbcStore store = holding(List.of(customer("c-1")),
                List.of(purchase("o-1", "c-1", "2024-06-01", "10.00", "EUR"),
                        purchase("o-2", "c-1", "2026-01-10", "10.00", "USD")));
        MetricsQuery query = YEAR.withExchangeRates(new FixedExchangeRates(Money.currency("CNY"),
                Map.of(Money.currency("USD"), new BigDecimal("7.1"))));

        assertThat(store.facts().find(CustomerId.of("c-1"), FactsQuery.metricsOnly(query)).orElseThrow().metrics()
                .spend()).isEqualTo(Money.of("CNY", "71.00"));
        assertThatThrownBy(() -> store.facts().find(CustomerId.of("c-1"), FactsQuery.all(query, Set.of())))
                .isExactlyInstanceOf(NoExchangeRateException.class)
                .hasMessage("Purchase 'o-1' of customer 'c-1': no exchange rate from EUR to CNY on 2024-06-01");
    }

    @Test
    void roundsEachPurchaseHalfEvenToTheDecimalsOfTheQuerysCurrency() {
        JdbcStore store = holding(List.of(customer("c-1"), customer("c-2"), customer("c-3")),
                List.of(purchase("o-1", "c-1", "2026-01-10", "1", "USD"),
                        purchase("o-2", "c-1", "2026-01-11", "3", "USD"),
                        purchase("o-3", "c-2", "2026-01-10", "0.99", "USD"),
                        purchase("o-4", "c-3", "2026-01-10", "1000", "CNY")));
        MetricsQuery inYen = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF), ZoneId.of("Asia/Tokyo"),
                Money.currency("JPY")).withExchangeRates(InMemoryExchangeRateTable.of(List.of(
                        ExchangeRate.of("USD", "JPY", LocalDate.of(2000, 1, 1), "150.5"),
                        ExchangeRate.of("CNY", "JPY", LocalDate.of(2000, 1, 1), "20.00001"))));
        List<String> spends = new ArrayList<>();

        store.facts().forEach(FactsQuery.all(inYen, Set.of()), facts -> spends.add(facts.metrics().spend().toString()));

        // 150.5 -> 150 and 451.5 -> 452 (half-even), 148.995 -> 149, 20000.01 -> 20000
        assertThat(spends).containsExactly("602 JPY", "149 JPY", "20000 JPY");
    }

    @Test
    void sqlFactsEqualTheCalculatorsWhateverTheRatesComeFrom() {
        List<Purchase> purchases = List.of(purchase("o-1", "c-1", "2025-05-01", "12.345", "USD"),
                purchase("o-2", "c-1", "2025-11-30", "0.125", "EUR"), purchase("o-3", "c-1", "2026-03-31", "8", "CNY"),
                purchase("o-4", "c-1", "2024-02-29", "99.99", "USD"));
        JdbcStore store = holding(List.of(customer("c-1")), purchases);
        List<ExchangeRate> rates = List.of(ExchangeRate.of("USD", "CNY", LocalDate.of(2024, 1, 1), "7.25"),
                ExchangeRate.of("USD", "CNY", LocalDate.of(2025, 10, 1), "7.125"),
                ExchangeRate.of("EUR", "CNY", LocalDate.of(2025, 11, 30), "0.5"));
        rates.forEach(store.exchangeRates()::record);
        ExchangeRates inMemory = InMemoryExchangeRateTable.of(rates);
        CustomerFacts expected = org.crmkit.core.facts.FactsCalculator.compute(customer("c-1"), purchases, List.of(),
                List.of(), FactsQuery.all(YEAR.withExchangeRates(inMemory), Set.of()));

        assertThat(store.facts().find(CustomerId.of("c-1"), FactsQuery.all(YEAR.withExchangeRates(inMemory), Set.of())))
                .contains(expected);
        assertThat(store.facts().find(CustomerId.of("c-1"),
                FactsQuery.all(YEAR.withExchangeRates(store.exchangeRates()), Set.of()))).contains(expected);
        // 12.345 x 7.25 = 89.50125 -> 89.50; 0.125 x 0.5 = 0.0625 -> 0.06; 99.99 x 7.25 = 724.9275 -> 724.93
        assertThat(expected.history().orElseThrow().spend()).isEqualTo(Money.of("CNY", "822.49"));
    }

    @Test
    void convertsThroughAnotherStoresRateTableByListingItsRates() {
        List<Purchase> purchases = List.of(purchase("o-1", "c-1", "2025-05-01", "12.345", "USD"),
                purchase("o-2", "c-1", "2025-11-30", "0.125", "EUR"));
        JdbcStore store = holding(List.of(customer("c-1")), purchases);
        List<ExchangeRate> rates = List.of(ExchangeRate.of("USD", "CNY", LocalDate.of(2024, 1, 1), "7.25"),
                ExchangeRate.of("EUR", "CNY", LocalDate.of(2025, 11, 30), "0.5"));
        rates.forEach(store.exchangeRates()::record);
        FactsQuery expectedQuery = FactsQuery.all(YEAR.withExchangeRates(InMemoryExchangeRateTable.of(rates)), Set.of());
        CustomerFacts expected = org.crmkit.core.facts.FactsCalculator.compute(customer("c-1"), purchases, List.of(),
                List.of(), expectedQuery);

        try (JdbcStore other = database().openAgain()) {
            assertThat(store.facts().find(CustomerId.of("c-1"),
                    FactsQuery.all(YEAR.withExchangeRates(other.exchangeRates()), Set.of()))).contains(expected);
        }
    }

    @Test
    void refusesRatesThatSqlCannotReadOrThatWouldBeRounded() {
        JdbcStore store = holding(List.of(customer("c-1")), List.of(purchase("o-1", "c-1", "2026-01-10", "1", "USD")));
        ExchangeRates custom = (currency, into, day) -> Optional.of(BigDecimal.ONE);
        FixedExchangeRates tooFine = new FixedExchangeRates(Money.currency("CNY"),
                Map.of(Money.currency("USD"), new BigDecimal("7.1234567890123456789")));

        assertThatThrownBy(() -> store.facts().find(CustomerId.of("c-1"), FactsQuery.metricsOnly(
                YEAR.withExchangeRates(custom))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("The JDBC store's facts convert through fixed exchange rates");
        assertThatThrownBy(() -> store.facts().find(CustomerId.of("c-1"), FactsQuery.metricsOnly(
                YEAR.withExchangeRates(tooFine))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("The exchange rate from USD to CNY 7.1234567890123456789 does not fit the JDBC store,"
                        + " which keeps at most 20 digits before and 18 after the decimal point");
    }

    @Test
    void convertsAnErpsCreditNotesWithTheirSign() throws SQLException {
        JdbcStore store = ErpSchema.storeHolding(database(), List.of(customer("c-1")),
                List.of(purchase("o-1", "c-1", "2026-01-10", "100.00", "CNY")), List.of(), List.of());
        execute("INSERT INTO sales_document VALUES ('cn-1', 'c-1', DATE '2026-02-01', -10.005, 'USD', NULL, 'posted')");
        execute("INSERT INTO sales_document VALUES ('cn-2', 'c-1', DATE '2026-02-02', -0.0004, 'USD', NULL, 'posted')");
        MetricsQuery query = YEAR.withExchangeRates(new FixedExchangeRates(Money.currency("CNY"),
                Map.of(Money.currency("USD"), new BigDecimal("7.1"))));

        CustomerMetrics metrics = store.facts().find(CustomerId.of("c-1"), FactsQuery.all(query, Set.of()))
                .orElseThrow().metrics();

        // -10.005 x 7.1 = -71.0355 -> -71.04; -0.0004 x 7.1 = -0.00284 -> 0.00, still a credit note
        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "28.96"));
        assertThat(metrics.orders()).isEqualTo(1);
        assertThat(metrics.lastPurchase()).contains(LocalDate.of(2026, 1, 10));
    }
}
