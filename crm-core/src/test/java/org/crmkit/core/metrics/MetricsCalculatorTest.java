package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MetricsCalculatorTest {
    private static final CustomerId C1 = CustomerId.of("c-1");
    private static final Customer CUSTOMER = Customer.of(C1, "ACME", LocalDate.of(2024, 1, 15));
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Currency CNY = Currency.getInstance("CNY");
    /** Twelve months up to 2026-03-31: 2025-04-01..2026-03-31. */
    private static final MetricsQuery YEAR_TO_END_OF_MARCH =
            new MetricsQuery(AS_OF, DateWindow.of(LocalDate.of(2025, 4, 1), AS_OF), SHANGHAI, CNY);

    private static Purchase purchase(String id, String day, String amount) {
        return Purchase.of(PurchaseId.of(id), C1, LocalDate.parse(day), Money.of("CNY", amount));
    }

    private static Interaction interaction(String id, String at, InteractionKind kind) {
        return Interaction.of(InteractionId.of(id), C1, OffsetDateTime.parse(at), Channel.WECHAT, kind);
    }

    private static CustomerMetrics compute(List<Purchase> purchases, List<Interaction> interactions,
            MetricsQuery query) {
        return MetricsCalculator.compute(CUSTOMER, purchases, interactions, query);
    }

    private static CustomerMetrics computePurchases(Purchase... purchases) {
        return compute(List.of(purchases), List.of(), YEAR_TO_END_OF_MARCH);
    }

    @Test
    void describesTheCustomerOnTheAsOfDay() {
        Customer strategic = CUSTOMER.withStrategicAgreement(true);

        CustomerMetrics metrics = MetricsCalculator.compute(strategic, List.of(), List.of(), YEAR_TO_END_OF_MARCH);

        assertThat(metrics.customerId()).isEqualTo(C1);
        assertThat(metrics.asOf()).isEqualTo(AS_OF);
        assertThat(metrics.window()).isEqualTo(DateWindow.of(LocalDate.of(2025, 4, 1), AS_OF));
        assertThat(metrics.strategicAgreement()).isTrue();
        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "0"));
        assertThat(metrics.orders()).isZero();
        assertThat(metrics.activeQuarters()).isZero();
        assertThat(metrics.inquiries()).isZero();
        assertThat(metrics.lastPurchase()).isEmpty();
    }

    @Test
    void spendAndOrdersCountOnlyPurchasesInsideTheWindowWithBothEndsIncluded() {
        CustomerMetrics metrics = computePurchases(
                purchase("o-1", "2025-03-31", "100"),
                purchase("o-2", "2025-04-01", "200"),
                purchase("o-3", "2025-10-10", "50.5"),
                purchase("o-4", "2026-03-31", "300.005"),
                purchase("o-5", "2026-04-01", "400"));

        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "550.505"));
        assertThat(metrics.orders()).isEqualTo(3);
    }

    @Test
    void purchasesAfterTheAsOfDayAreIgnored() {
        CustomerMetrics metrics = computePurchases(
                purchase("o-1", "2026-04-01", "400"),
                purchase("o-2", "2027-01-01", "500"));

        assertThat(metrics.spend().isZero()).isTrue();
        assertThat(metrics.orders()).isZero();
        assertThat(metrics.activeQuarters()).isZero();
        assertThat(metrics.lastPurchase()).isEmpty();
    }

    @Test
    void lastPurchaseMayLieBeforeTheWindow() {
        CustomerMetrics metrics = computePurchases(
                purchase("o-1", "2022-01-01", "10"),
                purchase("o-2", "2023-06-01", "10"));

        assertThat(metrics.lastPurchase()).contains(LocalDate.of(2023, 6, 1));
        assertThat(metrics.orders()).isZero();
        assertThat(metrics.activeQuarters()).isZero();
    }

    @Test
    void lastPurchaseIsTheLatestOnOrBeforeTheAsOfDayInAnyInputOrder() {
        CustomerMetrics metrics = computePurchases(
                purchase("o-1", "2026-02-10", "10"),
                purchase("o-2", "2026-04-02", "10"),
                purchase("o-3", "2025-05-05", "10"),
                purchase("o-4", "2026-03-31", "10"),
                purchase("o-5", "2026-01-20", "10"));

        assertThat(metrics.lastPurchase()).contains(AS_OF);
    }

    @ParameterizedTest(name = "purchases on [{0}] as of 2026-03-31 make {1} active quarters")
    @CsvSource({
        "'',                                             0",
        "2025-12-31;2026-01-01,                          2",
        "2026-01-01;2026-02-14;2026-03-31,               1",
        "2025-04-01,                                     1",
        "2025-03-31,                                     0",
        "2025-06-30;2025-07-01,                          2",
        "2025-09-30;2025-10-01,                          2",
        "2025-05-01;2025-08-01;2025-11-01;2026-02-01,    4",
        "2025-04-01;2025-07-01;2025-10-01;2026-01-01,    4",
        "2025-06-30;2025-09-30;2025-12-31;2026-03-31,    4",
        "2025-05-01;2025-06-01;2026-03-01,               2",
        "2024-12-31;2025-03-31;2026-04-01,               0",
    })
    void countsRollingQuartersWithAPurchaseSplittingAtQuarterBoundaries(String days, int active) {
        List<Purchase> purchases = new ArrayList<>();
        for (String day : days.isEmpty() ? new String[0] : days.split(";")) {
            purchases.add(purchase("o-" + purchases.size(), day, "1"));
        }

        assertThat(compute(purchases, List.of(), YEAR_TO_END_OF_MARCH).activeQuarters()).isEqualTo(active);
    }

    @Test
    void activeQuartersLookBackAYearWhateverTheWindow() {
        MetricsQuery lastMonth = new MetricsQuery(AS_OF, DateWindow.trailingMonths(1, AS_OF), SHANGHAI, CNY);
        List<Purchase> purchases = List.of(
                purchase("o-1", "2025-05-01", "1"),
                purchase("o-2", "2025-08-01", "1"),
                purchase("o-3", "2025-11-01", "1"),
                purchase("o-4", "2026-02-01", "1"));

        CustomerMetrics metrics = compute(purchases, List.of(), lastMonth);

        assertThat(metrics.activeQuarters()).isEqualTo(4);
        assertThat(metrics.orders()).isZero();
    }

    @Test
    void inquiryLateOnMarch31InUtcIsAnAprilInquiryInShanghai() {
        List<Interaction> late = List.of(interaction("i-1", "2026-03-31T23:30:00+00:00", InteractionKind.INQUIRY));
        MetricsQuery inUtc = new MetricsQuery(AS_OF, YEAR_TO_END_OF_MARCH.window(), ZoneOffset.UTC, CNY);

        assertThat(compute(List.of(), late, YEAR_TO_END_OF_MARCH).inquiries()).isZero();
        assertThat(compute(List.of(), late, inUtc).inquiries()).isEqualTo(1);
    }

    @ParameterizedTest(name = "inquiry at {0} counts {1} in a window of Shanghai days")
    @CsvSource({
        "2026-03-31T23:30:00+08:00, 1",
        "2026-03-31T15:59:59Z,      1",
        "2026-03-31T16:00:00Z,      0",
        "2025-03-31T16:00:00Z,      1",
        "2025-03-31T15:59:59Z,      0",
        "2025-04-01T00:30:00+09:00, 0",
        "2025-03-31T12:00:00-05:00, 1",
    })
    void countsInquiriesByTheirDayInTheQueryZone(String at, int counted) {
        List<Interaction> inquiry = List.of(interaction("i-1", at, InteractionKind.INQUIRY));

        assertThat(compute(List.of(), inquiry, YEAR_TO_END_OF_MARCH).inquiries()).isEqualTo(counted);
    }

    @Test
    void interactionsGivenMakeTheInquiriesKnownEvenWhenThereAreNone() {
        CustomerMetrics metrics = compute(List.of(), List.of(), YEAR_TO_END_OF_MARCH);

        assertThat(metrics.inquiriesKnown()).isTrue();
        assertThat(metrics.knows(Metric.INQUIRIES)).isTrue();
        assertThat(metrics.value(Metric.INQUIRIES)).isEqualByComparingTo("0");
    }

    @Test
    void withoutInteractionsDataTheInquiriesAreUnknownAndTheRestIsAsWithNoInteractions() {
        List<Purchase> purchases = List.of(purchase("o-1", "2026-01-05", "120.00"),
                purchase("o-2", "2025-02-01", "80.00"));

        CustomerMetrics unknown = MetricsCalculator.compute(CUSTOMER, purchases, YEAR_TO_END_OF_MARCH);

        assertThat(unknown.inquiriesKnown()).isFalse();
        assertThat(unknown.knows(Metric.INQUIRIES)).isFalse();
        assertThat(unknown.inquiries()).isZero();
        assertThat(unknown.spend()).isEqualTo(Money.of("CNY", "120.00"));
        assertThat(unknown.orders()).isEqualTo(1);
        assertThat(unknown.lastPurchase()).contains(LocalDate.of(2026, 1, 5));
        assertThat(unknown).isEqualTo(compute(purchases, List.of(), YEAR_TO_END_OF_MARCH).withInquiriesUnknown());
    }

    @ParameterizedTest
    @EnumSource(value = InteractionKind.class, names = "INQUIRY", mode = EnumSource.Mode.EXCLUDE)
    void countsOnlyInquiries(InteractionKind kind) {
        List<Interaction> interactions = List.of(
                interaction("i-1", "2026-01-10T10:00:00+08:00", kind),
                interaction("i-2", "2026-01-11T10:00:00+08:00", InteractionKind.INQUIRY),
                interaction("i-3", "2026-01-12T10:00:00+08:00", kind));

        assertThat(compute(List.of(), interactions, YEAR_TO_END_OF_MARCH).inquiries()).isEqualTo(1);
    }

    @Test
    void tenureIsInWholeMonthsSinceTheCustomerWasCreated() {
        assertThat(computePurchases().tenureMonths()).isEqualTo(26);
    }

    @ParameterizedTest(name = "created {0}, as of {1}: {2} months")
    @CsvSource({
        "2024-01-15, 2026-03-31, 26",
        "2025-01-15, 2026-01-14, 11",
        "2025-01-15, 2026-01-15, 12",
        "2025-03-31, 2026-03-31, 12",
        "2026-03-01, 2026-03-31, 0",
        "2026-03-31, 2026-03-31, 0",
        "2026-04-01, 2026-03-31, 0",
        "2030-01-01, 2026-03-31, 0",
        // far-apart extreme dates must not overflow into a negative or wrapped count
        "-999999999-01-01, 2026-03-31, 2147483647",
        "+999999999-12-31, 2026-03-31, 0",
    })
    void tenureMonthsAreNeverNegative(LocalDate createdOn, LocalDate asOf, int months) {
        assertThat(MetricsCalculator.tenureMonths(createdOn, asOf)).isEqualTo(months);
    }

    @Test
    void customerCreatedAfterTheAsOfDayHasNoTenure() {
        Customer future = Customer.of(C1, "ACME", LocalDate.of(2026, 6, 1));

        assertThat(MetricsCalculator.compute(future, List.of(), List.of(), YEAR_TO_END_OF_MARCH).tenureMonths())
                .isZero();
    }

    @Test
    void purchaseInAnotherCurrencyInsideTheWindowIsAMismatch() {
        Purchase dollars = Purchase.of(PurchaseId.of("o-usd"), C1, LocalDate.of(2025, 8, 1), Money.of("USD", "10"));

        assertThatThrownBy(() -> computePurchases(purchase("o-1", "2025-07-01", "5"), dollars))
                .isExactlyInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Purchase 'o-usd': currency USD does not match CNY (crmkit does not convert currencies)");
    }

    @Test
    void purchaseInAnotherCurrencyLongBeforeTheWindowIsOnlyALastPurchase() {
        Purchase dollars = Purchase.of(PurchaseId.of("o-usd"), C1, LocalDate.of(2024, 12, 1), Money.of("USD", "10"));

        CustomerMetrics metrics = computePurchases(dollars);

        assertThat(metrics.spend()).isEqualTo(Money.zero(CNY));
        assertThat(metrics.lastPurchase()).contains(LocalDate.of(2024, 12, 1));
    }

    @Test
    void rejectsAnotherCustomersPurchase() {
        Purchase foreign = Purchase.of(PurchaseId.of("o-x"), CustomerId.of("c-2"), LocalDate.of(2025, 8, 1),
                Money.of("CNY", "10"));

        assertThatThrownBy(() -> computePurchases(purchase("o-1", "2025-07-01", "5"), foreign))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-x' belongs to customer 'c-2', not to 'c-1'");
    }

    @Test
    void rejectsAnotherCustomersInteraction() {
        Interaction foreign = Interaction.of(InteractionId.of("i-x"), CustomerId.of("c-2"),
                OffsetDateTime.parse("2026-01-10T10:00:00+08:00"), Channel.PHONE, InteractionKind.INQUIRY);

        assertThatThrownBy(() -> compute(List.of(), List.of(foreign), YEAR_TO_END_OF_MARCH))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Interaction 'i-x' belongs to customer 'c-2', not to 'c-1'");
    }

    @Test
    void rejectsNullArgumentsNamingThem() {
        List<Purchase> none = List.of();
        List<Interaction> nothing = List.of();
        assertThatThrownBy(() -> MetricsCalculator.compute(null, none, nothing, YEAR_TO_END_OF_MARCH))
                .isInstanceOf(NullPointerException.class).hasMessage("customer");
        assertThatThrownBy(() -> MetricsCalculator.compute(CUSTOMER, null, nothing, YEAR_TO_END_OF_MARCH))
                .isInstanceOf(NullPointerException.class).hasMessage("purchases");
        assertThatThrownBy(() -> MetricsCalculator.compute(CUSTOMER, none, null, YEAR_TO_END_OF_MARCH))
                .isInstanceOf(NullPointerException.class).hasMessage("interactions");
        assertThatThrownBy(() -> MetricsCalculator.compute(CUSTOMER, none, nothing, null))
                .isInstanceOf(NullPointerException.class).hasMessage("query");
    }

    // ---- properties over random purchase histories ----

    /** A purchase relative to the as-of day, so that histories fit any as-of day. */
    record PurchaseFact(int daysBeforeAsOf, BigDecimal amount) {
    }

    static Gen<List<PurchaseFact>> histories() {
        return facts().list(0, 40);
    }

    static Gen<PurchaseFact> facts() {
        // -60 reaches past the as-of day; 1200 lies before any window and lookback used here
        Gen<Integer> days = Gens.integers(-60, 1200);
        Gen<BigInteger> unscaled = Gens.bigIntegers(BigInteger.ZERO, BigInteger.valueOf(1_000_000_000_000L));
        Gen<Integer> scales = Gens.integers(0, 4);
        Gen<BigDecimal> amounts = source -> new BigDecimal(unscaled.generate(source), scales.generate(source));
        return source -> new PurchaseFact(days.generate(source), amounts.generate(source));
    }

    private static final Gen<LocalDate> AS_OF_DAYS =
            Gens.dates(LocalDate.parse("2000-01-01"), LocalDate.parse("2040-12-31"));

    private static final Gen<Integer> WINDOW_MONTHS = Gens.integers(1, 24);

    private static List<Purchase> materialise(List<PurchaseFact> facts, LocalDate asOf) {
        List<Purchase> purchases = new ArrayList<>();
        for (PurchaseFact fact : facts) {
            purchases.add(Purchase.of(PurchaseId.of("o-" + purchases.size()), C1,
                    asOf.minusDays(fact.daysBeforeAsOf()), Money.of(CNY, fact.amount())));
        }
        return purchases;
    }

    private static MetricsQuery query(LocalDate asOf, int windowMonths) {
        return new MetricsQuery(asOf, DateWindow.trailingMonths(windowMonths, asOf), SHANGHAI, CNY);
    }

    private static Customer customerCreatedBefore(LocalDate asOf) {
        return Customer.of(C1, "ACME", asOf.minusYears(5));
    }

    @Test
    void activeQuartersAreBetweenZeroAndFourAndAtMostThePastPurchases() {
        Property.forAll(AS_OF_DAYS, WINDOW_MONTHS, histories()).check((asOf, windowMonths, history) -> {
            List<Purchase> purchases = materialise(history, asOf);

            CustomerMetrics metrics = MetricsCalculator.compute(customerCreatedBefore(asOf), purchases, List.of(),
                    query(asOf, windowMonths));

            long pastPurchases = purchases.stream().filter(p -> !p.orderDate().isAfter(asOf)).count();
            assertThat(metrics.activeQuarters()).isBetween(0, 4)
                    .isLessThanOrEqualTo((int) Math.min(4, pastPurchases));
        });
    }

    @Test
    void spendAndOrdersAreTheSumAndCountOfTheAmountsInsideTheWindow() {
        Property.forAll(AS_OF_DAYS, WINDOW_MONTHS, histories()).check((asOf, windowMonths, history) -> {
            List<Purchase> purchases = materialise(history, asOf);
            MetricsQuery query = query(asOf, windowMonths);
            LocalDate first = query.window().start();

            BigDecimal expected = BigDecimal.ZERO;
            int count = 0;
            for (Purchase purchase : purchases) {
                LocalDate day = purchase.orderDate();
                if (day.compareTo(first) >= 0 && day.compareTo(asOf) <= 0) {
                    expected = expected.add(purchase.amount().amount());
                    count++;
                }
            }

            CustomerMetrics metrics = MetricsCalculator.compute(customerCreatedBefore(asOf), purchases, List.of(),
                    query);

            assertThat(metrics.spend().amount()).isEqualByComparingTo(expected);
            assertThat(metrics.spend().currency()).isEqualTo(CNY);
            assertThat(metrics.orders()).isEqualTo(count);
        });
    }

    @Test
    void resultDoesNotDependOnTheOrderOfThePurchases() {
        Property.forAll(AS_OF_DAYS, WINDOW_MONTHS, histories(), Gens.longs())
                .check((asOf, windowMonths, history, seed) -> {
                    List<Purchase> purchases = materialise(history, asOf);
                    List<Purchase> shuffled = new ArrayList<>(purchases);
                    Collections.shuffle(shuffled, new Random(seed));
                    Customer customer = customerCreatedBefore(asOf);
                    MetricsQuery query = query(asOf, windowMonths);

                    assertThat(MetricsCalculator.compute(customer, shuffled, List.of(), query))
                            .isEqualTo(MetricsCalculator.compute(customer, purchases, List.of(), query));
                });
    }

    @Test
    void addingAPurchaseInsideTheWindowNeverLowersSpendOrOrders() {
        Property.forAll(AS_OF_DAYS, WINDOW_MONTHS, histories(), Gens.integers(0, 800), facts())
                .check((asOf, windowMonths, history, dayInWindow, extra) -> {
                    List<Purchase> purchases = materialise(history, asOf);
                    MetricsQuery query = query(asOf, windowMonths);
                    LocalDate day = query.window().start().plusDays(dayInWindow % query.window().lengthInDays());
                    Customer customer = customerCreatedBefore(asOf);
                    CustomerMetrics before = MetricsCalculator.compute(customer, purchases, List.of(), query);

                    List<Purchase> more = new ArrayList<>(purchases);
                    more.add(Purchase.of(PurchaseId.of("o-extra"), C1, day, Money.of(CNY, extra.amount())));
                    CustomerMetrics after = MetricsCalculator.compute(customer, more, List.of(), query);

                    assertThat(after.orders()).isEqualTo(before.orders() + 1);
                    assertThat(after.spend().compareTo(before.spend())).isNotNegative();
                    assertThat(after.spend().amount())
                            .isEqualByComparingTo(before.spend().amount().add(extra.amount()));
                    assertThat(after.activeQuarters()).isGreaterThanOrEqualTo(before.activeQuarters());
                });
    }

    @Test
    void inquiriesCountTheInquiryInteractionsWhoseZoneDayIsInTheWindow() {
        Property.forAll(Gens.integers(-400, 40), Gens.integers(-14, 14)).check((hoursAfterWindowEnd, offsetHours) -> {
            // one inquiry at a random moment around the end of the window, recorded in a random offset
            OffsetDateTime at = AS_OF.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime()
                    .plusHours(hoursAfterWindowEnd)
                    .withOffsetSameInstant(ZoneOffset.ofHours(offsetHours));
            Interaction inquiry = Interaction.of(InteractionId.of("i-1"), C1, at, Channel.PHONE,
                    InteractionKind.INQUIRY);

            int counted = compute(List.of(), List.of(inquiry), YEAR_TO_END_OF_MARCH).inquiries();

            // Shanghai's April 1 begins at hour 0; anything before it (and within the year) is a March day or
            // earlier
            assertThat(counted).isEqualTo(hoursAfterWindowEnd < 0 ? 1 : 0);
        });
    }
}
