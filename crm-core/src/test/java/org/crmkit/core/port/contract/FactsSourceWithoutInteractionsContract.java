package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.junit.jupiter.api.Test;

/**
 * The facts of a {@link CustomerFactsSource} over a system that keeps no interactions at all (an
 * ERP mapping without interactions, the command line without an interactions file): every
 * customer's inquiries are unknown, not 0, and every other fact is the reference's
 * ({@link FactsCalculator#computeWithoutInteractions}). An adapter's test extends this class and
 * implements {@link #newFactsSourceWithoutInteractions}; test methods are public so that subclasses
 * in other packages inherit them.
 */
public abstract class FactsSourceWithoutInteractionsContract {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    /** 2025-04-01..2026-03-31. */
    static final MetricsQuery YEAR = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF),
            ZoneId.of("Asia/Shanghai"), Money.currency("CNY"));
    static final FactsQuery METRICS = FactsQuery.metricsOnly(YEAR);
    static final FactsQuery ALL = FactsQuery.all(YEAR, Set.of("maintenance"));

    /**
     * Creates the source under test over storage that holds exactly the given data and has no
     * interactions data at all.
     *
     * @param customers the customers to store
     * @param purchases the purchases to store, all of listed customers
     * @param surveys the survey answers to store, all of listed customers
     * @return a source computing from that data, not shared with any other test
     */
    protected abstract CustomerFactsSource newFactsSourceWithoutInteractions(List<Customer> customers,
            List<Purchase> purchases, List<SurveyAnswer> surveys);

    private final List<Customer> customers = new ArrayList<>();
    private final List<Purchase> purchases = new ArrayList<>();
    private final List<SurveyAnswer> surveys = new ArrayList<>();

    /**
     * Three customers: c-1 buys in the window (the plans' buyer), c-2 bought only before it (no paid
     * purchase in the window: the potential tier's candidate, whose inquiries are the question),
     * c-3 has never bought and answered a survey; c-4 is created after the as-of day.
     */
    private CustomerFactsSource source() {
        customers.add(Customer.of(CustomerId.of("c-1"), "Acme", LocalDate.of(2020, 1, 15)).withStrategicAgreement(true));
        customers.add(Customer.of(CustomerId.of("c-2"), "Bolt", LocalDate.of(2024, 5, 2)));
        customers.add(Customer.of(CustomerId.of("c-3"), "Crane", LocalDate.of(2025, 11, 30)));
        customers.add(Customer.of(CustomerId.of("c-4"), "Dune", LocalDate.of(2026, 4, 1)));
        purchase("o-1", "c-1", "2025-06-10", "1200.50", Optional.of("Maintenance"));
        purchase("o-2", "c-1", "2026-03-31", "300.00", Optional.empty());
        purchase("o-3", "c-1", "2024-12-01", "99.99", Optional.empty());
        purchase("o-4", "c-2", "2025-03-31", "80.00", Optional.empty());
        surveys.add(new SurveyAnswer(CustomerId.of("c-3"), OffsetDateTime.parse("2026-01-10T10:00:00+08:00"),
                OptionalInt.of(4), OptionalInt.of(9)));
        return newFactsSourceWithoutInteractions(List.copyOf(customers), List.copyOf(purchases), List.copyOf(surveys));
    }

    private void purchase(String id, String customer, String day, String amount, Optional<String> category) {
        purchases.add(new Purchase(PurchaseId.of(id), CustomerId.of(customer), LocalDate.parse(day),
                Money.of("CNY", amount), category, Optional.empty()));
    }

    /** The reference facts, from the customer's own records in port order (day, then id). */
    private CustomerFacts expected(String id, FactsQuery query) {
        CustomerId customerId = CustomerId.of(id);
        Customer customer = customers.stream().filter(c -> c.id().equals(customerId)).findFirst().orElseThrow();
        return FactsCalculator.computeWithoutInteractions(customer,
                purchases.stream().filter(p -> p.customerId().equals(customerId))
                        .sorted(Comparator.comparing(Purchase::orderDate).thenComparing(Purchase::id)).toList(),
                surveys.stream().filter(s -> s.customerId().equals(customerId)).toList(), query);
    }

    @Test
    public void theInquiriesAreUnknownAndTheOtherMetricsAsComputed() {
        CustomerFactsSource source = source();

        CustomerMetrics buyer = source.find(CustomerId.of("c-1"), METRICS).orElseThrow().metrics();
        CustomerMetrics lapsed = source.find(CustomerId.of("c-2"), METRICS).orElseThrow().metrics();

        assertThat(buyer.inquiriesKnown()).isFalse();
        assertThat(buyer.knows(Metric.INQUIRIES)).isFalse();
        assertThat(buyer.inquiries()).isZero();
        assertThat(buyer.spend()).isEqualTo(Money.of("CNY", "1500.50"));
        assertThat(buyer.orders()).isEqualTo(2);
        assertThat(buyer.strategicAgreement()).isTrue();
        assertThat(lapsed.inquiriesKnown()).isFalse();
        assertThat(lapsed.orders()).isZero();
        assertThat(lapsed.lastPurchase()).contains(LocalDate.of(2025, 3, 31));
        assertThat(buyer).isEqualTo(expected("c-1", METRICS).metrics());
        assertThat(lapsed).isEqualTo(expected("c-2", METRICS).metrics());
    }

    @Test
    public void everyCustomerOfTheDayHasUnknownInquiries() {
        CustomerFactsSource source = source();
        List<CustomerFacts> all = new ArrayList<>();

        source.forEach(METRICS, all::add);

        assertThat(all).extracting(CustomerFacts::customerId).extracting(CustomerId::value)
                .containsExactly("c-1", "c-2", "c-3");
        assertThat(all).allSatisfy(facts -> assertThat(facts.metrics().knows(Metric.INQUIRIES)).isFalse());
        assertThat(all).containsExactly(expected("c-1", METRICS), expected("c-2", METRICS), expected("c-3", METRICS));
    }

    @Test
    public void theOtherFactsAreThoseOfNoInteractions() {
        CustomerFactsSource source = source();

        CustomerFacts buyer = source.find(CustomerId.of("c-1"), ALL).orElseThrow();
        CustomerFacts rater = source.find(CustomerId.of("c-3"), ALL).orElseThrow();

        ActivityFacts activity = buyer.activity().orElseThrow();
        assertThat(activity.valueAddedPurchases()).isEqualTo(1);
        assertThat(activity.referrals()).isZero();
        assertThat(buyer.history().orElseThrow().orders()).isEqualTo(3);
        assertThat(rater.activity().orElseThrow().promoterAnswers()).isEqualTo(1);
        assertThat(rater.activity().orElseThrow().latestCsat()).hasValue(4);
        assertThat(buyer).isEqualTo(expected("c-1", ALL));
        assertThat(rater).isEqualTo(expected("c-3", ALL));
        assertThat(source.find(CustomerId.of("c-2"), ALL)).contains(expected("c-2", ALL));
    }

    @Test
    public void givesNoFactsForAnUnknownCustomer() {
        assertThat(source().find(CustomerId.of("c-9"), METRICS)).isEmpty();
    }
}
