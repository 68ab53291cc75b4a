package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.port.CustomerFactsSource;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CustomerFactsSource} whose storage holds purchases that input files
 * reject as bad input (the in-memory store, a database): in other currencies than the policy's
 * (those outside the window are ignored, one inside fails with a {@link CurrencyMismatchException}
 * only when it is reached), and with more decimals than the currency's minor unit (summed
 * exactly, never rounded). A source over files runs {@link CustomerFactsSourceContract} alone.
 */
public abstract class StoredPurchasesFactsSourceContract extends CustomerFactsSourceContract {
    @Test
    public void sumsAmountsWithMoreDecimalsThanTheCurrencyExactly() {
        FactsSourceMetricsContract.DataSet data = new FactsSourceMetricsContract.DataSet().customer("c-1")
                .purchase("o-1", "c-1", day("2025-06-10"), "0.10")
                .purchase("o-2", "c-1", day("2025-06-10"), "0.20")
                .purchase("o-3", "c-1", day("2026-02-01"), "1234.005")
                .purchase("o-4", "c-1", day("2026-01-01"), "0.004")
                .purchase("o-5", "c-1", day("2026-03-31"), "99999999999.99");

        CustomerMetrics metrics = data.source().find(ACME, YEAR).orElseThrow();

        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "100000001234.299"));
        assertThat(metrics.spend().amount().toPlainString()).isEqualTo("100000001234.299");
        assertThat(metrics).isEqualTo(data.expected(ACME, YEAR));
    }

    @Test
    public void theHistorySumsRepeatDaysWithMoreDecimalsThanTheCurrencyExactly() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", "2019-07-01", "5.00")
                .purchase("o-2", "c-1", "2019-07-01", "7.50")
                .purchase("o-3", "c-1", "2025-12-24", "100.005")
                .purchase("o-4", "c-1", "2026-03-31", "0.00");

        CustomerFacts facts = data.source().find(ACME, ALL).orElseThrow();

        assertThat(facts.history()).contains(new PurchaseHistoryFacts(4, cny("112.505"), 3,
                Optional.of(LocalDate.of(2019, 7, 1)), cny("100.005")));
        assertThat(facts).isEqualTo(data.expected(ACME, ALL));
    }

    @Test
    public void rejectsAPurchaseInAnotherCurrencyInTheWindow() {
        FactsSourceMetricsContract.DataSet data = new FactsSourceMetricsContract.DataSet().customer("c-1")
                .purchase("o-1", "c-1", day("2026-01-10"), "10.00")
                .purchase("o-usd", "c-1", day("2026-02-10"), Money.of("USD", "3.00"));
        Snapshots source = data.source();

        assertThatThrownBy(() -> source.find(ACME, QUARTER))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(CNY);
                    assertThat(e.actual()).isEqualTo(Money.currency("USD"));
                })
                .hasMessage("Purchase 'o-usd': currency USD does not match CNY (crmkit does not convert currencies)");
        assertThatThrownBy(() -> data.expected(ACME, QUARTER))
                .hasMessage("Purchase 'o-usd': currency USD does not match CNY (crmkit does not convert currencies)");
    }

    @Test
    public void ignoresTheCurrencyOfPurchasesOutsideTheWindow() {
        FactsSourceMetricsContract.DataSet data = new FactsSourceMetricsContract.DataSet().customer("c-1")
                .purchase("o-usd-old", "c-1", day("2025-11-10"), Money.of("USD", "3.00"))
                .purchase("o-eur-later", "c-1", day("2026-04-02"), Money.of("EUR", "4.00"))
                .purchase("o-1", "c-1", day("2026-01-10"), "10.00");

        CustomerMetrics metrics = data.source().find(ACME, QUARTER).orElseThrow();

        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "10.00"));
        assertThat(metrics.orders()).isEqualTo(1);
        // The old purchase still makes its quarter active.
        assertThat(metrics.activeQuarters()).isEqualTo(2);
        assertThat(metrics).isEqualTo(data.expected(ACME, QUARTER));
    }

    @Test
    public void forEachDoesNotComputeTheSnapshotsOfCustomersItSkips() {
        // The later customer's foreign purchase lies in the window, but forEach never gets to it.
        FactsSourceMetricsContract.DataSet data = new FactsSourceMetricsContract.DataSet().customer("c-1")
                .customer(Customer.of(CustomerId.of("c-2"), "Created later", AS_OF.plusDays(1)))
                .purchase("o-1", "c-1", day("2026-01-10"), "10.00")
                .purchase("o-2", "c-2", day("2026-01-10"), Money.of("JPY", "1000"));
        Snapshots source = data.source();
        List<CustomerMetrics> visited = new ArrayList<>();

        source.forEach(YEAR, visited::add);

        assertThat(visited).containsExactly(data.expected(ACME, YEAR));
        assertThatThrownBy(() -> source.find(CustomerId.of("c-2"), YEAR))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-2': currency JPY does not match CNY (crmkit does not convert currencies)");
    }

    @Test
    public void forEachStopsAtACustomerWithAnotherCurrencyInTheWindow() {
        FactsSourceMetricsContract.DataSet data = new FactsSourceMetricsContract.DataSet().customer("c-1").customer("c-2").customer("c-3")
                .purchase("o-1", "c-1", day("2026-01-10"), "10.00")
                .purchase("o-2", "c-2", day("2026-01-10"), Money.of("JPY", "1000"))
                .purchase("o-3", "c-3", day("2026-01-10"), "30.00");
        Snapshots source = data.source();
        List<CustomerMetrics> visited = new ArrayList<>();

        assertThatThrownBy(() -> source.forEach(YEAR, visited::add))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-2': currency JPY does not match CNY (crmkit does not convert currencies)");
        assertThat(visited).containsExactly(data.expected(ACME, YEAR));
    }

    @Test
    public void aPurchaseInAnotherCurrencyBeforeTheWindowFailsTheHistoryButNotTheMetrics() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-usd", "c-1", "2024-02-01", Money.of("USD", "10.00"), Optional.empty())
                .purchase("o-1", "c-1", "2026-01-05", "10.00");
        CustomerFactsSource source = data.source();

        assertThat(source.find(ACME, FactsQuery.metricsOnly(YEAR)).orElseThrow().metrics().spend())
                .isEqualTo(cny("10.00"));
        assertThatThrownBy(() -> source.find(ACME, ALL))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-usd' of customer 'c-1': currency USD does not match CNY"
                        + " (crmkit does not convert currencies)");
    }

    @Test
    public void aPurchaseInAnotherCurrencyInTheWindowFailsAsTheMetricsDoEvenWithTheHistory() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-usd", "c-1", "2026-01-05", Money.of("USD", "10.00"), Optional.empty())
                .purchase("o-eur", "c-1", "2024-02-01", Money.of("EUR", "10.00"), Optional.empty());

        assertThatThrownBy(() -> data.source().find(ACME, ALL))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-usd': currency USD does not match CNY (crmkit does not convert currencies)");
        assertThatThrownBy(() -> data.expected(ACME, ALL))
                .hasMessage("Purchase 'o-usd': currency USD does not match CNY (crmkit does not convert currencies)");
    }
}
