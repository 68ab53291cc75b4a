package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.crmkit.core.facts.PurchaseHistoryFacts;
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
 * The behaviour every {@link CustomerFactsSource} implementation must show: the metrics of
 * {@link FactsSourceMetricsContract}, and the purchase history and window activity
 * {@link FactsCalculator} defines, for purchases that input files accept: in the policy's
 * currency, with no more decimals than its minor unit. An adapter's test extends this class (or
 * {@link StoredPurchasesFactsSourceContract}, when its storage can hold purchases in other
 * currencies or with more decimals) and implements {@link #newFactsSource}; test methods are
 * public so that subclasses in other packages inherit them.
 *
 * <p>Each test checks the numbers it expects by hand and also against
 * {@link FactsCalculator#compute}, the reference definition.
 */
public abstract class CustomerFactsSourceContract extends FactsSourceMetricsContract {
    static final FactsQuery ALL = FactsQuery.all(YEAR, Set.of("Maintenance", "training"));

    /** The data of one test, and the reference facts for it. */
    final class DataSet {
        private final List<Customer> customers = new ArrayList<>();
        private final List<Purchase> purchases = new ArrayList<>();
        private final List<Interaction> interactions = new ArrayList<>();
        private final List<SurveyAnswer> surveys = new ArrayList<>();

        DataSet customer(String id, LocalDate createdOn) {
            customers.add(Customer.of(CustomerId.of(id), "Customer " + id, createdOn));
            return this;
        }

        DataSet customer(String id) {
            return customer(id, LocalDate.of(2020, 1, 15));
        }

        DataSet purchase(String id, String customer, String day, String amount) {
            return purchase(id, customer, day, Money.of("CNY", amount), Optional.empty());
        }

        DataSet purchase(String id, String customer, String day, String amount, String category) {
            return purchase(id, customer, day, Money.of("CNY", amount), Optional.of(category));
        }

        DataSet purchase(String id, String customer, String day, Money amount, Optional<String> category) {
            purchases.add(new Purchase(PurchaseId.of(id), CustomerId.of(customer), LocalDate.parse(day), amount,
                    category, Optional.empty()));
            return this;
        }

        DataSet interaction(String id, String customer, String at, InteractionKind kind, Optional<String> outcome) {
            interactions.add(new Interaction(InteractionId.of(id), CustomerId.of(customer), OffsetDateTime.parse(at),
                    Channel.PHONE, kind, Optional.empty(), outcome));
            return this;
        }

        DataSet interaction(String id, String customer, String at, InteractionKind kind) {
            return interaction(id, customer, at, kind, Optional.empty());
        }

        DataSet survey(String customer, String at, OptionalInt csat, OptionalInt nps) {
            surveys.add(new SurveyAnswer(CustomerId.of(customer), OffsetDateTime.parse(at), csat, nps));
            return this;
        }

        CustomerFactsSource source() {
            return newFactsSource(List.copyOf(customers), List.copyOf(purchases), List.copyOf(interactions),
                    List.copyOf(surveys));
        }

        /** The reference facts, from the customer's own records in port order. */
        CustomerFacts expected(CustomerId id, FactsQuery query) {
            Customer customer = customers.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            List<Purchase> own = purchases.stream().filter(p -> p.customerId().equals(id))
                    .sorted(Comparator.comparing(Purchase::orderDate).thenComparing(Purchase::id)).toList();
            return FactsCalculator.compute(customer, own,
                    interactions.stream().filter(i -> i.customerId().equals(id)).toList(),
                    surveys.stream().filter(s -> s.customerId().equals(id)).toList(), query);
        }
    }

    static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    @Test
    public void givesNoFactsForAnUnknownCustomer() {
        CustomerFactsSource source = new DataSet().customer("c-1").source();

        assertThat(source.find(CustomerId.of("c-9"), ALL)).isEmpty();
    }

    @Test
    public void metricsOnlyLeavesTheOtherGroupsOut() {
        DataSet data = new DataSet().customer("c-1").purchase("o-1", "c-1", "2026-01-05", "10.00");

        CustomerFacts facts = data.source().find(ACME, FactsQuery.metricsOnly(YEAR)).orElseThrow();

        assertThat(facts.history()).isEmpty();
        assertThat(facts.activity()).isEmpty();
        assertThat(facts.metrics().spend()).isEqualTo(cny("10.00"));
        assertThat(facts).isEqualTo(data.expected(ACME, FactsQuery.metricsOnly(YEAR)));
    }

    @Test
    public void aCustomerWhoNeverBoughtHasAnEmptyHistoryAndNoActivity() {
        DataSet data = new DataSet().customer("c-1");

        CustomerFacts facts = data.source().find(ACME, ALL).orElseThrow();

        assertThat(facts.history()).contains(PurchaseHistoryFacts.none(CNY));
        assertThat(facts.activity()).contains(new ActivityFacts(cny("0"), cny("0"), 0, 0, 0, 0, 0, 0, 0,
                OptionalInt.empty(), OptionalInt.empty()));
        assertThat(facts).isEqualTo(data.expected(ACME, ALL));
    }

    @Test
    public void theHistoryCountsPurchaseDaysOverTheWholePastAndSumsTheRepeatDays() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", "2019-07-01", "5.00")
                .purchase("o-2", "c-1", "2019-07-01", "7.50")
                .purchase("o-3", "c-1", "2025-12-24", "100.05")
                .purchase("o-4", "c-1", "2026-03-31", "0.00")
                .purchase("o-5", "c-1", "2026-04-01", "999.00");

        CustomerFacts facts = data.source().find(ACME, ALL).orElseThrow();

        // Three purchase days up to the as-of day; the first day's two orders are one purchase.
        assertThat(facts.history()).contains(new PurchaseHistoryFacts(4, cny("112.55"), 3,
                Optional.of(LocalDate.of(2019, 7, 1)), cny("100.05")));
        assertThat(facts.history().orElseThrow().repeatPurchaseDays()).isEqualTo(2);
        assertThat(facts.metrics().lastPurchase()).contains(AS_OF);
        assertThat(facts).isEqualTo(data.expected(ACME, ALL));
    }

    @Test
    public void splitsTheWindowsSpendAtTheStartOfItsLaterHalf() {
        assertThat(ActivityFacts.laterHalfStart(YEAR.window())).isEqualTo(LocalDate.of(2025, 9, 30));
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-before", "c-1", "2025-03-31", "1000.00")
                .purchase("o-first", "c-1", "2025-04-01", "1.00")
                .purchase("o-earlier", "c-1", "2025-09-29", "2.00")
                .purchase("o-later", "c-1", "2025-09-30", "4.00")
                .purchase("o-last", "c-1", "2026-03-31", "8.00");

        ActivityFacts activity = data.source().find(ACME, ALL).orElseThrow().activity().orElseThrow();

        assertThat(activity.earlierHalfSpend()).isEqualTo(cny("3.00"));
        assertThat(activity.laterHalfSpend()).isEqualTo(cny("12.00"));
        assertThat(data.source().find(ACME, ALL)).contains(data.expected(ACME, ALL));
    }

    @Test
    public void countsCategoriesAndValueAddedPurchasesIgnoringCase() {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", "2025-05-01", "1.00", "Maintenance")
                .purchase("o-2", "c-1", "2025-06-01", "1.00", "MAINTENANCE")
                .purchase("o-3", "c-1", "2025-07-01", "1.00", "parts")
                .purchase("o-4", "c-1", "2025-08-01", "1.00")
                .purchase("o-5", "c-1", "2025-03-01", "1.00", "Training");

        ActivityFacts activity = data.source().find(ACME, ALL).orElseThrow().activity().orElseThrow();

        // Training lies before the window; maintenance is one category bought twice.
        assertThat(activity.categories()).isEqualTo(2);
        assertThat(activity.valueAddedPurchases()).isEqualTo(2);
        assertThat(data.source().find(ACME, ALL)).contains(data.expected(ACME, ALL));
    }

    @Test
    public void countsEngagementInteractionsOnTheWindowsDaysInTheQueryZone() {
        DataSet data = new DataSet().customer("c-1")
                // 2025-03-31 16:00 UTC is 2025-04-01 00:00 in Shanghai: the window's first moment.
                .interaction("i-1", "c-1", "2025-03-31T16:00:00Z", InteractionKind.REFERRAL)
                .interaction("i-2", "c-1", "2025-03-31T15:59:59.999999999Z", InteractionKind.REFERRAL)
                .interaction("i-3", "c-1", "2025-10-10T09:00:00+08:00", InteractionKind.EVENT)
                .interaction("i-4", "c-1", "2025-10-11T09:00:00+08:00", InteractionKind.TRIAL)
                .interaction("i-5", "c-1", "2025-10-12T09:00:00+08:00", InteractionKind.MEETING,
                        Optional.of("Joint_Planning"))
                .interaction("i-6", "c-1", "2025-10-13T09:00:00+08:00", InteractionKind.MEETING,
                        Optional.of("follow-up"))
                .interaction("i-7", "c-1", "2025-10-14T09:00:00+08:00", InteractionKind.INQUIRY)
                // 2026-03-31 16:00 UTC is 2026-04-01 in Shanghai: after the window.
                .interaction("i-8", "c-1", "2026-03-31T16:00:00Z", InteractionKind.EVENT);

        CustomerFacts facts = data.source().find(ACME, ALL).orElseThrow();
        ActivityFacts activity = facts.activity().orElseThrow();

        assertThat(activity.referrals()).isEqualTo(1);
        assertThat(activity.events()).isEqualTo(1);
        assertThat(activity.trials()).isEqualTo(1);
        assertThat(activity.jointPlanning()).isEqualTo(1);
        assertThat(facts.metrics().inquiries()).isEqualTo(1);
        assertThat(facts).isEqualTo(data.expected(ACME, ALL));
    }

    @Test
    public void countsPromotersInTheWindowAndTakesTheTwoLatestSatisfactionScores() {
        DataSet data = new DataSet().customer("c-1")
                .survey("c-1", "2025-03-01T10:00:00+08:00", OptionalInt.of(2), OptionalInt.of(10))
                .survey("c-1", "2025-06-01T10:00:00+08:00", OptionalInt.of(5), OptionalInt.of(9))
                .survey("c-1", "2025-07-01T10:00:00+08:00", OptionalInt.empty(), OptionalInt.of(10))
                .survey("c-1", "2025-08-01T10:00:00+08:00", OptionalInt.of(4), OptionalInt.of(8))
                .survey("c-1", "2025-09-01T10:00:00+08:00", OptionalInt.of(3), OptionalInt.empty())
                // The as-of day's last moment in Shanghai, and the first moment after it.
                .survey("c-1", "2026-03-31T23:59:59+08:00", OptionalInt.of(1), OptionalInt.empty())
                .survey("c-1", "2026-04-01T00:00:00+08:00", OptionalInt.of(5), OptionalInt.of(10));

        ActivityFacts activity = data.source().find(ACME, ALL).orElseThrow().activity().orElseThrow();

        assertThat(activity.promoterAnswers()).isEqualTo(2);
        assertThat(activity.latestCsat()).hasValue(1);
        assertThat(activity.previousCsat()).hasValue(3);
        assertThat(data.source().find(ACME, ALL)).contains(data.expected(ACME, ALL));
    }

    @Test
    public void aSingleRatedAnswerHasNoPreviousScore() {
        DataSet data = new DataSet().customer("c-1")
                .survey("c-1", "2024-01-01T10:00:00+08:00", OptionalInt.of(4), OptionalInt.empty());

        ActivityFacts activity = data.source().find(ACME, ALL).orElseThrow().activity().orElseThrow();

        assertThat(activity.latestCsat()).hasValue(4);
        assertThat(activity.previousCsat()).isEmpty();
        assertThat(activity.promoterAnswers()).isZero();
    }

    @Test
    public void forEachVisitsCustomersCreatedByTheAsOfDayInIdOrderWithTheFactsFindGives() {
        DataSet data = new DataSet().customer("c-2").customer("c-10").customer("c-1")
                .customer("c-3", AS_OF).customer("c-4", AS_OF.plusDays(1))
                .purchase("o-1", "c-2", "2025-06-01", "10.00", "Maintenance")
                .purchase("o-2", "c-2", "2026-01-01", "20.00")
                .purchase("o-3", "c-10", "2024-01-01", "30.00")
                .interaction("i-1", "c-1", "2025-10-10T09:00:00+08:00", InteractionKind.EVENT)
                .survey("c-3", "2026-03-01T10:00:00+08:00", OptionalInt.of(5), OptionalInt.of(10));
        CustomerFactsSource source = data.source();
        List<CustomerFacts> visited = new ArrayList<>();

        source.forEach(ALL, visited::add);

        assertThat(visited).extracting(CustomerFacts::customerId).extracting(CustomerId::value)
                .containsExactly("c-1", "c-10", "c-2", "c-3");
        for (CustomerFacts facts : visited) {
            assertThat(facts).isEqualTo(data.expected(facts.customerId(), ALL));
            assertThat(source.find(facts.customerId(), ALL)).contains(facts);
        }
        assertThat(visited).isSortedAccordingTo(Comparator.comparing(CustomerFacts::customerId));
    }
}
