package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.junit.jupiter.api.Test;

/**
 * The metrics every {@link CustomerFactsSource} implementation must give: the snapshots
 * {@link MetricsCalculator} defines, asked for with {@link FactsQuery#metricsOnly}. Adapters' tests
 * extend {@link CustomerFactsSourceContract}, which adds the other facts, and implement
 * {@link #newFactsSource}; test methods are public so that subclasses in other packages inherit them.
 *
 * <p>Each test checks the numbers it expects by hand and also against
 * {@link MetricsCalculator#compute}, the reference definition.
 */
public abstract class FactsSourceMetricsContract {
    static final Currency CNY = Money.currency("CNY");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    /** 2025-04-01..2026-03-31. */
    static final MetricsQuery YEAR = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF), SHANGHAI,
            CNY);
    /** 2026-01-01..2026-03-31. */
    static final MetricsQuery QUARTER = new MetricsQuery(AS_OF, DateWindow.trailingMonths(3, AS_OF),
            SHANGHAI, CNY);
    static final CustomerId ACME = CustomerId.of("c-1");

    /**
     * Creates the source under test over storage that holds exactly the given data.
     *
     * @param customers the customers to store
     * @param purchases the purchases to store; some may belong to customers not in the list
     * @param interactions the interactions to store; some may belong to customers not in the list
     * @param surveys the survey answers to store
     * @return a source computing from that data, not shared with any other test
     */
    protected abstract CustomerFactsSource newFactsSource(List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys);

    /** The metrics the source under test gives, asked for as the tier rules ask. */
    protected static final class Snapshots {
        private final CustomerFactsSource facts;

        Snapshots(CustomerFactsSource facts) {
            this.facts = facts;
        }

        Optional<CustomerMetrics> find(CustomerId customerId, MetricsQuery query) {
            return facts.find(customerId, FactsQuery.metricsOnly(query)).map(CustomerFacts::metrics);
        }

        void forEach(MetricsQuery query, Consumer<? super CustomerMetrics> action) {
            facts.forEach(FactsQuery.metricsOnly(query), found -> action.accept(found.metrics()));
        }
    }

    /** The data of one test, and the reference snapshots for it. */
    final class DataSet {
        private final List<Customer> customers = new ArrayList<>();
        private final List<Purchase> purchases = new ArrayList<>();
        private final List<Interaction> interactions = new ArrayList<>();

        DataSet customer(Customer customer) {
            customers.add(customer);
            return this;
        }

        DataSet customer(String id) {
            return customer(Customer.of(CustomerId.of(id), "Customer " + id, LocalDate.of(2020, 1, 15)));
        }

        DataSet purchase(String id, String customer, LocalDate day, String amount) {
            return purchase(id, customer, day, Money.of("CNY", amount));
        }

        DataSet purchase(String id, String customer, LocalDate day, Money amount) {
            purchases.add(Purchase.of(PurchaseId.of(id), CustomerId.of(customer), day, amount));
            return this;
        }

        DataSet interaction(String id, String customer, String at, InteractionKind kind) {
            interactions.add(Interaction.of(InteractionId.of(id), CustomerId.of(customer), OffsetDateTime.parse(at),
                    Channel.PHONE, kind));
            return this;
        }

        DataSet inquiry(String id, String customer, String at) {
            return interaction(id, customer, at, InteractionKind.INQUIRY);
        }

        Snapshots source() {
            return new Snapshots(newFactsSource(List.copyOf(customers), List.copyOf(purchases),
                    List.copyOf(interactions), List.of()));
        }

        /** The reference snapshot, from the customer's own purchases in port order (day, then id). */
        CustomerMetrics expected(CustomerId id, MetricsQuery query) {
            Customer customer = customers.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            List<Purchase> own = purchases.stream().filter(p -> p.customerId().equals(id))
                    .sorted(Comparator.comparing(Purchase::orderDate).thenComparing(Purchase::id)).toList();
            List<Interaction> ownInteractions = interactions.stream().filter(i -> i.customerId().equals(id)).toList();
            return MetricsCalculator.compute(customer, own, ownInteractions, query);
        }
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    public void givesNoSnapshotForAnUnknownCustomer() {
        Snapshots source = new DataSet().customer("c-1")
                .purchase("o-1", "c-9", day("2026-01-05"), "10.00").source();

        assertThat(source.find(CustomerId.of("c-9"), YEAR)).isEmpty();
    }

    @Test
    public void aCustomerWithoutActivityHasZeroMetrics() {
        DataSet data = new DataSet().customer(Customer.of(ACME, "ACME", LocalDate.of(2025, 1, 31))
                .withStrategicAgreement(true));

        CustomerMetrics metrics = data.source().find(ACME, YEAR).orElseThrow();

        assertThat(metrics).isEqualTo(new CustomerMetrics(ACME, AS_OF, YEAR.window(), Money.of("CNY", "0.00"), 0, 0, 0, true,
                14, true, Optional.empty()));
        assertThat(metrics).isEqualTo(data.expected(ACME, YEAR));
    }

    @Test
    public void sumsSpendExactlyAndCountsEveryOrder() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", day("2025-06-10"), "0.10")
                .purchase("o-2", "c-1", day("2025-06-10"), "0.20")
                .purchase("o-3", "c-1", day("2026-02-01"), "1234.01")
                .purchase("o-4", "c-1", day("2026-03-31"), "99999999999.99");

        CustomerMetrics metrics = data.source().find(ACME, YEAR).orElseThrow();

        // 0.10 + 0.20 is not 0.30 in binary floating point, nor is the sum's last cent.
        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "100000001234.30"));
        assertThat(metrics.spend().amount().toPlainString()).isEqualTo("100000001234.30");
        assertThat(metrics.orders()).isEqualTo(4);
        assertThat(metrics.lastPurchase()).contains(AS_OF);
        assertThat(metrics).isEqualTo(data.expected(ACME, YEAR));
    }

    @Test
    public void countsOnlyPurchasesOnTheDaysOfTheWindow() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-before", "c-1", day("2025-12-31"), "1000.00")
                .purchase("o-first", "c-1", day("2026-01-01"), "10.00")
                .purchase("o-last", "c-1", day("2026-03-31"), "20.00");

        CustomerMetrics metrics = data.source().find(ACME, QUARTER).orElseThrow();

        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "30.00"));
        assertThat(metrics.orders()).isEqualTo(2);
        assertThat(metrics).isEqualTo(data.expected(ACME, QUARTER));
    }

    @Test
    public void countsActiveQuartersAtTheirFirstAndLastDays() {
        // Quarters up to 2026-03-31: 2026-01-01.., 2025-10-01.., 2025-07-01.., 2025-04-01..2025-06-30.
        DataSet data = new DataSet().customer("c-1").customer("c-2").customer("c-3")
                .purchase("o-1", "c-1", day("2025-03-31"), "1.00")
                .purchase("o-2", "c-1", day("2025-04-01"), "1.00")
                .purchase("o-3", "c-1", day("2025-09-30"), "1.00")
                .purchase("o-4", "c-2", day("2025-12-31"), "1.00")
                .purchase("o-5", "c-2", day("2026-01-01"), "1.00")
                .purchase("o-6", "c-3", day("2026-03-31"), "1.00")
                .purchase("o-7", "c-3", day("2026-02-14"), "1.00");
        Snapshots source = data.source();

        // Quarters do not depend on the window: c-1 has no order in it but two active quarters.
        assertThat(source.find(CustomerId.of("c-1"), QUARTER).orElseThrow().activeQuarters()).isEqualTo(2);
        assertThat(source.find(CustomerId.of("c-1"), QUARTER).orElseThrow().orders()).isZero();
        assertThat(source.find(CustomerId.of("c-2"), QUARTER).orElseThrow().activeQuarters()).isEqualTo(2);
        assertThat(source.find(CustomerId.of("c-3"), QUARTER).orElseThrow().activeQuarters()).isEqualTo(1);
        for (String id : List.of("c-1", "c-2", "c-3")) {
            assertThat(source.find(CustomerId.of(id), QUARTER)).contains(data.expected(CustomerId.of(id), QUARTER));
        }
    }

    @Test
    public void countsActiveQuartersWhenMonthEndsAreShorter() {
        // As of 2026-05-31: 2026-03-01..2026-05-31, 2025-12-01..2026-02-28, 2025-09-01.., 2025-06-01..2025-08-31.
        LocalDate asOf = day("2026-05-31");
        MetricsQuery query = new MetricsQuery(asOf, DateWindow.trailingMonths(12, asOf), SHANGHAI, CNY);
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", day("2025-05-31"), "1.00")
                .purchase("o-2", "c-1", day("2026-02-28"), "1.00")
                .purchase("o-3", "c-1", day("2026-03-01"), "1.00")
                .purchase("o-4", "c-1", day("2025-08-31"), "1.00");

        CustomerMetrics metrics = data.source().find(ACME, query).orElseThrow();

        assertThat(metrics.activeQuarters()).isEqualTo(3);
        assertThat(metrics).isEqualTo(data.expected(ACME, query));
    }

    @Test
    public void countsInquiriesOnTheDaysOfTheWindowInTheQueryZone() {
        // The window 2026-01-01..2026-03-31 in Shanghai (UTC+8) runs from 2025-12-31T16:00Z to 2026-03-31T16:00Z.
        DataSet data = new DataSet().customer("c-1").customer("c-2")
                .inquiry("i-just-before", "c-1", "2025-12-31T15:59:59.999999999Z")
                .inquiry("i-first", "c-1", "2025-12-31T11:00:00-05:00")
                .inquiry("i-last", "c-1", "2026-03-31T15:59:59.999999999Z")
                .inquiry("i-just-after", "c-1", "2026-04-01T00:00:00+08:00")
                .interaction("i-call", "c-1", "2026-02-02T10:00:00+08:00", InteractionKind.CALL)
                .interaction("i-visit", "c-1", "2026-02-02T11:00:00+08:00", InteractionKind.VISIT)
                .inquiry("i-other-customer", "c-2", "2026-02-02T10:00:00+08:00");

        CustomerMetrics metrics = data.source().find(ACME, QUARTER).orElseThrow();

        assertThat(metrics.inquiries()).isEqualTo(2);
        assertThat(metrics).isEqualTo(data.expected(ACME, QUARTER));
    }

    @Test
    public void theQueryZoneDecidesTheDayOfAnInquiry() {
        // 20:00 UTC on 31 December is already 1 January in Shanghai.
        DataSet data = new DataSet().customer("c-1").inquiry("i-1", "c-1", "2025-12-31T20:00:00Z");
        MetricsQuery inUtc = new MetricsQuery(AS_OF, QUARTER.window(), ZoneId.of("UTC"), CNY);
        Snapshots source = data.source();

        assertThat(source.find(ACME, QUARTER).orElseThrow().inquiries()).isEqualTo(1);
        assertThat(source.find(ACME, inUtc).orElseThrow().inquiries()).isZero();
        assertThat(source.find(ACME, inUtc)).contains(data.expected(ACME, inUtc));
    }

    @Test
    public void tenureIsZeroForACustomerCreatedAfterTheAsOfDay() {
        DataSet data = new DataSet().customer(Customer.of(ACME, "New", day("2026-06-01")))
                .purchase("o-1", "c-1", day("2026-03-01"), "5.00");

        CustomerMetrics metrics = data.source().find(ACME, YEAR).orElseThrow();

        assertThat(metrics.tenureMonths()).isZero();
        assertThat(metrics.orders()).isEqualTo(1);
        assertThat(metrics).isEqualTo(data.expected(ACME, YEAR));
    }

    @Test
    public void tenureCountsWholeMonths() {
        DataSet data = new DataSet()
                .customer(Customer.of(CustomerId.of("c-1"), "A", day("2025-01-31")))
                .customer(Customer.of(CustomerId.of("c-2"), "B", day("2024-04-01")))
                .customer(Customer.of(CustomerId.of("c-3"), "C", AS_OF));
        Snapshots source = data.source();

        assertThat(source.find(CustomerId.of("c-1"), YEAR).orElseThrow().tenureMonths()).isEqualTo(14);
        assertThat(source.find(CustomerId.of("c-2"), YEAR).orElseThrow().tenureMonths()).isEqualTo(23);
        assertThat(source.find(CustomerId.of("c-3"), YEAR).orElseThrow().tenureMonths()).isZero();
    }

    @Test
    public void ignoresPurchasesAfterTheAsOfDay() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", AS_OF, "10.00")
                .purchase("o-2", "c-1", AS_OF.plusDays(1), "5000.00")
                .purchase("o-3", "c-1", day("2026-09-01"), "7000.00");

        CustomerMetrics metrics = data.source().find(ACME, YEAR).orElseThrow();

        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "10.00"));
        assertThat(metrics.orders()).isEqualTo(1);
        assertThat(metrics.activeQuarters()).isEqualTo(1);
        assertThat(metrics.lastPurchase()).contains(AS_OF);
        assertThat(metrics).isEqualTo(data.expected(ACME, YEAR));
    }

    @Test
    public void aWindowEndingBeforeTheAsOfDayStillSeesLaterPurchasesForQuartersAndLastPurchase() {
        MetricsQuery query = new MetricsQuery(AS_OF, DateWindow.of(day("2026-01-01"), day("2026-02-28")), SHANGHAI,
                CNY);
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", day("2026-03-15"), "10.00")
                .inquiry("i-1", "c-1", "2026-03-15T10:00:00+08:00");

        CustomerMetrics metrics = data.source().find(ACME, query).orElseThrow();

        assertThat(metrics.orders()).isZero();
        assertThat(metrics.inquiries()).isZero();
        assertThat(metrics.activeQuarters()).isEqualTo(1);
        assertThat(metrics.lastPurchase()).contains(day("2026-03-15"));
        assertThat(metrics).isEqualTo(data.expected(ACME, query));
    }

    @Test
    public void lastPurchaseLooksBeyondTheWindowAndTheQuarters() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", day("2019-05-05"), "10.00")
                .purchase("o-2", "c-1", day("2020-05-05"), "10.00");

        CustomerMetrics metrics = data.source().find(ACME, YEAR).orElseThrow();

        assertThat(metrics.lastPurchase()).contains(day("2020-05-05"));
        assertThat(metrics.orders()).isZero();
        assertThat(metrics.activeQuarters()).isZero();
        assertThat(metrics).isEqualTo(data.expected(ACME, YEAR));
    }

    @Test
    public void forEachGivesEveryCustomerInAscendingIdOrderWithTheSnapshotsOfFind() {
        DataSet data = new DataSet().customer("c-2").customer("c-10").customer("C-1").customer("a")
                .purchase("o-1", "c-2", day("2026-01-10"), "10.00")
                .purchase("o-2", "c-10", day("2025-05-10"), "20.00")
                .purchase("o-3", "a", day("2026-03-10"), "30.00")
                .purchase("o-4", "nobody", day("2026-03-10"), "40.00")
                .inquiry("i-1", "c-10", "2026-03-01T09:00:00+08:00");
        Snapshots source = data.source();
        List<CustomerMetrics> visited = new ArrayList<>();

        source.forEach(YEAR, visited::add);

        assertThat(visited.stream().map(metrics -> metrics.customerId().value()).toList())
                .containsExactly("C-1", "a", "c-10", "c-2");
        for (CustomerMetrics metrics : visited) {
            assertThat(metrics).isEqualTo(data.expected(metrics.customerId(), YEAR));
            assertThat(source.find(metrics.customerId(), YEAR)).contains(metrics);
        }
    }

    @Test
    public void forEachVisitsNothingWithoutCustomers() {
        Snapshots source = new DataSet().purchase("o-1", "c-1", day("2026-01-10"), "10.00").source();
        List<CustomerMetrics> visited = new ArrayList<>();

        source.forEach(YEAR, visited::add);

        assertThat(visited).isEmpty();
    }

    @Test
    public void forEachSkipsCustomersCreatedAfterTheAsOfDayWhileFindStillAnswersForThem() {
        DataSet data = new DataSet()
                .customer(Customer.of(CustomerId.of("c-1"), "Created on the as-of day", AS_OF))
                .customer(Customer.of(CustomerId.of("c-2"), "Created the day after", AS_OF.plusDays(1)))
                .customer(Customer.of(CustomerId.of("c-3"), "Created earlier", day("2024-02-29")))
                .customer(Customer.of(CustomerId.of("c-4"), "Created much later", day("2027-01-01")))
                .purchase("o-1", "c-1", AS_OF, "10.00")
                .purchase("o-2", "c-2", day("2026-03-01"), "20.00")
                .inquiry("i-1", "c-2", "2026-03-01T10:00:00+08:00");
        Snapshots source = data.source();
        List<CustomerMetrics> visited = new ArrayList<>();

        source.forEach(YEAR, visited::add);

        assertThat(visited).containsExactly(data.expected(CustomerId.of("c-1"), YEAR),
                data.expected(CustomerId.of("c-3"), YEAR));
        assertThat(visited.get(0).orders()).isEqualTo(1);
        assertThat(visited.get(0).tenureMonths()).isZero();
        // find answers as before, with tenure 0, for the customers forEach skips.
        CustomerMetrics dayAfter = source.find(CustomerId.of("c-2"), YEAR).orElseThrow();
        assertThat(dayAfter).isEqualTo(data.expected(CustomerId.of("c-2"), YEAR));
        assertThat(dayAfter.tenureMonths()).isZero();
        assertThat(dayAfter.orders()).isEqualTo(1);
        assertThat(dayAfter.inquiries()).isEqualTo(1);
        assertThat(source.find(CustomerId.of("c-4"), YEAR)).contains(data.expected(CustomerId.of("c-4"), YEAR));
    }

    @Test
    public void forEachVisitsACustomerFromTheDayOfCreationOn() {
        LocalDate created = day("2024-02-29");
        DataSet data = new DataSet().customer(Customer.of(ACME, "ACME", created));
        Snapshots source = data.source();

        for (LocalDate asOf : List.of(created.minusDays(1), created, created.plusDays(1))) {
            MetricsQuery query = new MetricsQuery(asOf, DateWindow.trailingMonths(12, asOf), SHANGHAI, CNY);
            List<CustomerMetrics> visited = new ArrayList<>();

            source.forEach(query, visited::add);

            if (asOf.isBefore(created)) {
                assertThat(visited).as("as of %s", asOf).isEmpty();
            } else {
                assertThat(visited).as("as of %s", asOf).containsExactly(data.expected(ACME, query));
            }
            assertThat(source.find(ACME, query)).as("as of %s", asOf).contains(data.expected(ACME, query));
        }
    }

    @Test
    public void matchesTheCalculatorOnAMixedDataSet() {
        DataSet data = new DataSet()
                .customer(Customer.of(CustomerId.of("c-1"), "A", day("2023-07-31")).withStrategicAgreement(true))
                .customer(Customer.of(CustomerId.of("c-2"), "B", day("2026-03-31")))
                .customer(Customer.of(CustomerId.of("c-3"), "C", day("2027-01-01")))
                .purchase("o-1", "c-1", day("2025-04-01"), "1999.99")
                .purchase("o-2", "c-1", day("2025-03-31"), "0.01")
                .purchase("o-3", "c-1", day("2025-12-31"), "250.50")
                .purchase("o-4", "c-1", day("2026-01-01"), "0.05")
                .purchase("o-5", "c-2", day("2026-04-01"), "10.00")
                .purchase("o-6", "c-2", day("2026-03-31"), "12.34")
                .purchase("o-7", "c-3", day("2024-02-29"), "7.00")
                .inquiry("i-1", "c-1", "2025-03-31T16:00:00Z")
                .inquiry("i-2", "c-1", "2025-03-31T15:59:59Z")
                .inquiry("i-3", "c-2", "2026-03-31T23:59:59+08:00")
                .inquiry("i-4", "c-2", "2026-03-31T16:00:00Z")
                .interaction("i-5", "c-3", "2026-01-05T10:00:00+08:00", InteractionKind.SURVEY);
        Snapshots source = data.source();

        for (String id : List.of("c-1", "c-2", "c-3")) {
            assertThat(source.find(CustomerId.of(id), YEAR)).contains(data.expected(CustomerId.of(id), YEAR));
        }
        CustomerMetrics first = source.find(CustomerId.of("c-1"), YEAR).orElseThrow();
        assertThat(first).isEqualTo(new CustomerMetrics(CustomerId.of("c-1"), AS_OF, YEAR.window(),
                Money.of("CNY", "2250.54"), 3, 3, 1, true, 32, true, Optional.of(day("2026-01-01"))));
    }
}
