package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.metrics.DateWindow;
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
import org.crmkit.core.port.contract.CustomerFactsSourceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crm-core's {@link CustomerFactsSourceContract} run on {@link CsvFactsSource} over the same records
 * written as CSV files, and the cases of files alone: rows out of order in the file, more categories
 * than a set holds, answers a nanosecond apart. The contract's cases about purchases in another
 * currency ({@code StoredPurchasesFactsSourceContract}) do not apply to files, where such an order is
 * bad input; the last case here says so.
 */
class CsvFactsSourceContractTest extends CustomerFactsSourceContract {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    /** 2025-04-01..2026-03-31: 365 days, the later half from 2025-09-30. */
    private static final MetricsQuery YEAR = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF),
            ZoneId.of("Asia/Shanghai"), Money.currency("CNY"));
    private static final FactsQuery ALL = FactsQuery.all(YEAR, Set.of("Maintenance", "training"));
    private static final CustomerId ACME = CustomerId.of("c-1");

    @TempDir
    Path dir;

    /** The records of one test, written as CSV files, and the reference facts for them. */
    private final class DataSet {
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
            return purchase(id, customer, day, amount, Optional.empty());
        }

        DataSet purchase(String id, String customer, String day, String amount, String category) {
            return purchase(id, customer, day, amount, Optional.of(category));
        }

        private DataSet purchase(String id, String customer, String day, String amount, Optional<String> category) {
            purchases.add(new Purchase(PurchaseId.of(id), CustomerId.of(customer), LocalDate.parse(day),
                    Money.of("CNY", amount), category, Optional.empty()));
            return this;
        }

        DataSet interaction(String id, String customer, String at, InteractionKind kind, Optional<String> outcome) {
            interactions.add(new Interaction(InteractionId.of(id), CustomerId.of(customer),
                    java.time.OffsetDateTime.parse(at), Channel.PHONE, kind, Optional.empty(), outcome));
            return this;
        }

        DataSet interaction(String id, String customer, String at, InteractionKind kind) {
            return interaction(id, customer, at, kind, Optional.empty());
        }

        DataSet survey(String customer, String at, OptionalInt csat, OptionalInt nps) {
            surveys.add(new SurveyAnswer(CustomerId.of(customer), java.time.OffsetDateTime.parse(at), csat, nps));
            return this;
        }

        CsvFactsSource source() throws IOException {
            return write(customers, purchases, interactions, surveys);
        }

        /** The reference facts, from the customer's own records. */
        CustomerFacts expected(CustomerId id, FactsQuery query) {
            Customer customer = customers.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            return FactsCalculator.compute(customer,
                    purchases.stream().filter(p -> p.customerId().equals(id)).toList(),
                    interactions.stream().filter(i -> i.customerId().equals(id)).toList(),
                    surveys.stream().filter(s -> s.customerId().equals(id)).toList(), query);
        }
    }

    /**
     * The contract's data as CSV files. Files reject records of customers they do not list, so the
     * contract's stray records (which change no listed customer's facts) are left out.
     */
    @Override
    protected CustomerFactsSource newFactsSource(List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys) {
        Set<CustomerId> listed = customers.stream().map(Customer::id).collect(Collectors.toSet());
        try {
            return write(customers, purchases.stream().filter(p -> listed.contains(p.customerId())).toList(),
                    interactions.stream().filter(i -> listed.contains(i.customerId())).toList(),
                    surveys.stream().filter(a -> listed.contains(a.customerId())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvFactsSource write(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions,
            List<SurveyAnswer> surveys) throws IOException {
        StringBuilder customerRows = new StringBuilder("customer_id,name,created_on,strategic_agreement\n");
        customers.forEach(customer -> customerRows.append(customer.id()).append(',').append(customer.name())
                .append(',').append(customer.createdOn()).append(',').append(customer.strategicAgreement())
                .append('\n'));
        StringBuilder orderRows = new StringBuilder("order_id,customer_id,order_date,amount,currency,category\n");
        purchases.forEach(purchase -> orderRows.append(purchase.id()).append(',').append(purchase.customerId())
                .append(',').append(purchase.orderDate()).append(',')
                .append(purchase.amount().amount().toPlainString()).append(',')
                .append(purchase.amount().currency().getCurrencyCode()).append(',')
                .append(purchase.category().orElse("")).append('\n'));
        StringBuilder interactionRows = new StringBuilder("interaction_id,customer_id,occurred_at,channel,kind,"
                + "outcome\n");
        interactions.forEach(interaction -> interactionRows.append(interaction.id()).append(',')
                .append(interaction.customerId()).append(',').append(interaction.occurredAt()).append(',')
                .append(interaction.channel().key()).append(',').append(interaction.kind().key()).append(',')
                .append(interaction.outcome().orElse("")).append('\n'));
        StringBuilder surveyRows = new StringBuilder("customer_id,answered_at,csat,nps\n");
        surveys.forEach(answer -> surveyRows.append(answer.customerId()).append(',').append(answer.answeredAt())
                .append(',').append(answer.csat().isPresent() ? String.valueOf(answer.csat().getAsInt()) : "")
                .append(',').append(answer.nps().isPresent() ? String.valueOf(answer.nps().getAsInt()) : "")
                .append('\n'));
        return CsvFactsSource.of(new CsvImport.CustomerFiles(file("customers.csv", customerRows),
                file("orders.csv", orderRows), Optional.of(file("interactions.csv", interactionRows)),
                Optional.of(file("surveys.csv", surveyRows))));
    }

    private Path file(String name, CharSequence text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    @Test
    void metricsOnlyLeavesTheOtherGroupsOutAndTheHistoryAloneTheActivity() throws IOException {
        DataSet data = new DataSet().customer("c-1").purchase("o-1", "c-1", "2026-01-05", "10.00");
        CsvFactsSource source = data.source();
        FactsQuery history = new FactsQuery(YEAR, Set.of(FactGroup.HISTORY), Set.of());

        CustomerFacts metrics = source.find(ACME, FactsQuery.metricsOnly(YEAR)).orElseThrow();

        assertThat(metrics.history()).isEmpty();
        assertThat(metrics.activity()).isEmpty();
        assertThat(metrics.metrics().spend()).isEqualTo(cny("10.00"));
        assertThat(metrics).isEqualTo(data.expected(ACME, FactsQuery.metricsOnly(YEAR)));
        assertThat(source.find(ACME, history)).contains(data.expected(ACME, history))
                .hasValueSatisfying(facts -> assertThat(facts.activity()).isEmpty());
    }

    @Test
    void theHistoryCountsPurchaseDaysWhateverTheirOrderInTheFile() throws IOException {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-3", "c-1", "2025-12-24", "100.05")
                .purchase("o-1", "c-1", "2019-07-01", "5.00")
                .purchase("o-4", "c-1", "2026-03-31", "0.00")
                .purchase("o-2", "c-1", "2019-07-01", "7.50")
                .purchase("o-5", "c-1", "2026-04-01", "999.00");

        CustomerFacts facts = data.source().find(ACME, ALL).orElseThrow();

        // Three purchase days up to the as-of day; the first day's two orders are one purchase,
        // though a later day's order came between them in the file.
        assertThat(facts.history()).contains(new PurchaseHistoryFacts(4, cny("112.55"), 3,
                Optional.of(LocalDate.of(2019, 7, 1)), cny("100.05")));
        assertThat(facts.metrics().lastPurchase()).contains(AS_OF);
        assertThat(facts).isEqualTo(data.expected(ACME, ALL));
    }

    @Test
    void anEarlierDayTurningUpLaterStartsTheFirstDaysSpendAfresh() throws IOException {
        DataSet data = new DataSet().customer("c-1")
                .purchase("o-1", "c-1", "2025-06-01", "10.00")
                .purchase("o-2", "c-1", "2025-06-01", "20.00")
                .purchase("o-3", "c-1", "2025-01-01", "1.00")
                .purchase("o-4", "c-1", "2025-06-01", "40.00")
                .purchase("o-5", "c-1", "2025-01-01", "2.00");

        PurchaseHistoryFacts history = data.source().find(ACME, ALL).orElseThrow().history().orElseThrow();

        assertThat(history).isEqualTo(new PurchaseHistoryFacts(5, cny("73.00"), 2,
                Optional.of(LocalDate.of(2025, 1, 1)), cny("70.00")));
        assertThat(data.source().find(ACME, ALL)).contains(data.expected(ACME, ALL));
    }

    @Test
    void countsACustomersCategoriesBeyondTheSixtyFourOfTheSet() throws IOException {
        DataSet data = new DataSet().customer("c-1").customer("c-2");
        for (int i = 0; i < 100; i++) {
            data.purchase("o-" + i, i % 3 == 0 ? "c-2" : "c-1", "2025-05-01", "1.00", "kind-" + (i % 90));
        }

        CsvFactsSource source = data.source();

        assertThat(source.find(ACME, ALL).orElseThrow().activity().orElseThrow().categories()).isEqualTo(60);
        assertThat(source.find(ACME, ALL)).contains(data.expected(ACME, ALL));
        assertThat(source.find(CustomerId.of("c-2"), ALL)).contains(data.expected(CustomerId.of("c-2"), ALL));
    }

    @Test
    void takesTheTwoLatestSatisfactionScoresWhateverTheirOrderInTheFile() throws IOException {
        DataSet data = new DataSet().customer("c-1")
                .survey("c-1", "2025-06-01T10:00:00+08:00", OptionalInt.of(5), OptionalInt.of(9))
                .survey("c-1", "2025-03-01T10:00:00+08:00", OptionalInt.of(2), OptionalInt.of(10))
                // The as-of day's last moment in Shanghai, and the first moment after it.
                .survey("c-1", "2026-03-31T23:59:59+08:00", OptionalInt.of(1), OptionalInt.empty())
                .survey("c-1", "2025-07-01T10:00:00+08:00", OptionalInt.empty(), OptionalInt.of(10))
                .survey("c-1", "2026-04-01T00:00:00+08:00", OptionalInt.of(5), OptionalInt.of(10))
                .survey("c-1", "2025-08-01T10:00:00+08:00", OptionalInt.of(4), OptionalInt.of(8))
                .survey("c-1", "2025-09-01T10:00:00+08:00", OptionalInt.of(3), OptionalInt.empty());

        ActivityFacts activity = data.source().find(ACME, ALL).orElseThrow().activity().orElseThrow();

        assertThat(activity.promoterAnswers()).isEqualTo(2);
        assertThat(activity.latestCsat()).hasValue(1);
        assertThat(activity.previousCsat()).hasValue(3);
        assertThat(data.source().find(ACME, ALL)).contains(data.expected(ACME, ALL));
    }

    @Test
    void answersAMomentApartKeepTheirOrderDownToTheNanosecond() throws IOException {
        DataSet data = new DataSet().customer("c-1")
                .survey("c-1", "2026-03-01T10:00:00.000000002+08:00", OptionalInt.of(2), OptionalInt.empty())
                .survey("c-1", "2026-03-01T02:00:00.000000001Z", OptionalInt.of(5), OptionalInt.empty())
                .survey("c-1", "2026-03-01T10:00:00+08:00", OptionalInt.of(4), OptionalInt.empty());

        ActivityFacts activity = data.source().find(ACME, ALL).orElseThrow().activity().orElseThrow();

        assertThat(activity.latestCsat()).hasValue(2);
        assertThat(activity.previousCsat()).hasValue(5);
        assertThat(data.source().find(ACME, ALL)).contains(data.expected(ACME, ALL));
    }

    @Test
    void anOrderInAnotherCurrencyIsBadInputWhereverItLies() throws IOException {
        Path customers = Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on\n"
                + "c-1,Acme,2020-01-15\n");
        Path orders = Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,order_date,amount,currency\n"
                + "o-usd,c-1,2024-02-01,10.00,USD\no-1,c-1,2026-01-05,10.00,CNY\n");

        assertThatThrownBy(() -> CsvFactsSource.of(customers, orders, Optional.empty()).find(ACME, ALL))
                .isInstanceOf(CsvImportException.class)
                .hasMessageEndingWith("orders.csv:2: column 'currency': currency USD does not match the policy's"
                        + " currency CNY and the policy has no exchange rate for USD");
    }
}
