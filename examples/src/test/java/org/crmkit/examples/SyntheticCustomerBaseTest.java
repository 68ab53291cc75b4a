package org.crmkit.examples;

import org.crmkit.rules.sla.SlaPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.examples.SyntheticCustomerBase.Segment;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.clv.BgNbdModel;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.CustomerSummaries;
import org.crmkit.rules.clv.FittedModel;
import org.crmkit.rules.clv.GammaGammaModel;
import org.crmkit.rules.clv.ModelFitter;
import org.crmkit.rules.clv.PurchaseSummaries;
import org.crmkit.rules.clv.PurchaseSummary;
import org.crmkit.rules.sla.MilestoneStatus;
import org.crmkit.rules.sla.SlaEngine;
import org.crmkit.examples.SyntheticCustomerBase.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticCustomerBaseTest {
    private static final Settings SMALL = Settings.defaults().withCustomers(500);
    private static SyntheticCustomerBase base;

    @BeforeAll
    static void generateTheDefaultBase() {
        base = SyntheticCustomerBase.generate(Settings.defaults());
    }

    @Test
    void theSameSettingsGiveTheSameBase() {
        SyntheticCustomerBase once = SyntheticCustomerBase.generate(SMALL);
        SyntheticCustomerBase again = SyntheticCustomerBase.generate(SMALL);

        assertThat(again.customers()).isEqualTo(once.customers());
        assertThat(again.purchases()).isEqualTo(once.purchases());
        assertThat(again.interactions()).isEqualTo(once.interactions());
        assertThat(again.surveyAnswers()).isNotEmpty().isEqualTo(once.surveyAnswers());
        assertThat(again.segments()).isEqualTo(once.segments());
        assertThat(again.cases()).isNotEmpty().isEqualTo(once.cases());
        assertThat(again.cases()).allSatisfy(serviceCase ->
                assertThat(again.caseEvents(serviceCase.id())).isEqualTo(once.caseEvents(serviceCase.id())));
    }

    @Test
    void anotherSeedGivesAnotherBase() {
        SyntheticCustomerBase one = SyntheticCustomerBase.generate(SMALL);
        SyntheticCustomerBase other = SyntheticCustomerBase.generate(SMALL.withSeed(SMALL.seed() + 1));

        assertThat(other.customers()).hasSameSizeAs(one.customers());
        assertThat(other.purchases()).isNotEqualTo(one.purchases());
    }

    @Test
    void aFollowUpAppendsToTheHistoryWithoutChangingIt() {
        SyntheticCustomerBase plain = SyntheticCustomerBase.generate(SMALL);
        SyntheticCustomerBase followedUp = SyntheticCustomerBase.generate(SMALL.withFollowUpMonths(3));
        LocalDate asOf = SMALL.asOf();

        assertThat(followedUp.customers()).isEqualTo(plain.customers());
        assertThat(followedUp.purchases().stream().filter(p -> !p.orderDate().isAfter(asOf)).toList())
                .isEqualTo(plain.purchases());
        assertThat(followedUp.interactions().stream()
                .filter(i -> !SyntheticCustomerBase.day(i).isAfter(asOf)).toList())
                .isEqualTo(plain.interactions());
        assertThat(followedUp.purchases()).anyMatch(p -> p.orderDate().isAfter(asOf));
        assertThat(followedUp.span().end()).isEqualTo(LocalDate.of(2026, 6, 30));
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay(SyntheticCustomerBase.OFFSET).toInstant();
        assertThat(followedUp.surveyAnswers().stream().filter(a -> a.answeredAt().toInstant().isBefore(endOfAsOf))
                .toList()).isEqualTo(plain.surveyAnswers());
        assertThat(followedUp.surveyAnswers()).anyMatch(a -> !a.answeredAt().toInstant().isBefore(endOfAsOf));
        assertThat(followedUp.cases().stream().filter(c -> c.openedAt().toInstant().isBefore(endOfAsOf)).toList())
                .isEqualTo(plain.cases());
        assertThat(plain.cases()).allSatisfy(serviceCase -> assertThat(followedUp.caseEvents(serviceCase.id()).stream()
                .filter(event -> event.occurredAt().toInstant().isBefore(endOfAsOf)).toList())
                .isEqualTo(plain.caseEvents(serviceCase.id())));
        assertThat(followedUp.cases()).anyMatch(c -> !c.openedAt().toInstant().isBefore(endOfAsOf));
    }

    @Test
    void engagementFollowsTheModelReferralsFromSteadyCustomersJointPlanningWithStrategicOnes() {
        Map<CustomerId, Customer> byId = base.customers().stream()
                .collect(Collectors.toMap(Customer::id, customer -> customer));

        assertThat(base.interactions()).filteredOn(i -> i.kind() == InteractionKind.REFERRAL).isNotEmpty()
                .allSatisfy(i -> assertThat(base.segment(i.customerId())).contains(Segment.STEADY));
        assertThat(base.interactions()).filteredOn(i -> i.outcome().equals(Optional.of("joint_planning"))).isNotEmpty()
                .allSatisfy(i -> assertThat(byId.get(i.customerId()).strategicAgreement()).isTrue());
        assertThat(base.surveyAnswers()).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.csat()).isPresent();
            assertThat(base.segment(answer.customerId())).isNotEqualTo(Optional.of(Segment.PROSPECT));
            assertThat(base.span().contains(answer.answeredAt().withOffsetSameInstant(SyntheticCustomerBase.OFFSET)
                    .toLocalDate())).isTrue();
        });
    }

    @Test
    void casesAreComplaintsAndInquiriesOfBuyingCustomersInTheLastThirteenWeeks() {
        LocalDate asOf = base.settings().asOf();
        Map<CustomerId, Customer> customers = base.customers().stream()
                .collect(Collectors.toMap(Customer::id, customer -> customer));
        long complaints = base.cases().stream().filter(c -> c.kind() == CaseKind.COMPLAINT).count();

        assertThat(base.cases()).extracting(ServiceCase::id).doesNotHaveDuplicates().isSorted();
        // About 0.6 complaints and 0.8 inquiries a year per buying customer, over a quarter.
        assertThat(complaints).isBetween(600L, 1_600L);
        assertThat(base.cases().size() - complaints).isBetween(1_000L, 2_000L);
        assertThat(base.cases()).allSatisfy(serviceCase -> {
            LocalDate day = serviceCase.openedAt().toLocalDate();
            assertThat(day).isBetween(asOf.minusWeeks(13).plusDays(1), asOf)
                    .isAfterOrEqualTo(customers.get(serviceCase.customerId()).createdOn());
            assertThat(base.segment(serviceCase.customerId()).orElseThrow().buysInTheLastYear()).isTrue();
            assertThat(serviceCase.priority().isPresent()).isEqualTo(serviceCase.kind() == CaseKind.COMPLAINT);
            assertThat(serviceCase.cause()).isPresent();
            assertThat(serviceCase.channel()).isPresent();
        });
        // Most are opened in office hours on working days.
        assertThat(share(base.cases(), c -> c.openedAt().getDayOfWeek().getValue() <= 5
                && c.openedAt().getHour() >= 9 && c.openedAt().getHour() < 18)).isBetween(0.65, 0.85);
    }

    @Test
    void everyCaseHasAPossibleHistoryAsTheSlaEngineChecksIt() {
        Policy policy = PolicyLoader.standard();
        SlaEngine engine = SlaEngine.of(policy.ref(), policy.section(SlaPolicy.class));
        Instant end = base.settings().asOf().plusDays(1).atStartOfDay(SyntheticCustomerBase.OFFSET).toInstant();

        assertThat(base.cases()).allSatisfy(serviceCase -> {
            List<CaseEvent> events = base.caseEvents(serviceCase.id());
            assertThat(events).allSatisfy(event -> assertThat(event.occurredAt().toInstant()).isBefore(end));
            // Throws CaseHistoryException for an impossible history.
            assertThat(engine.evaluate(serviceCase, events, Optional.empty(), end).target()).isNotNull();
        });
    }

    @Test
    void theServiceDeskAnswersMostComplaintsWithinTheHourAndPausesReopensAndEscalatesSome() {
        Policy policy = PolicyLoader.standard();
        SlaEngine engine = SlaEngine.of(policy.ref(), policy.section(SlaPolicy.class));
        Instant end = base.settings().asOf().plusDays(1).atStartOfDay(SyntheticCustomerBase.OFFSET).toInstant();
        List<ServiceCase> complaints = base.cases().stream().filter(c -> c.kind() == CaseKind.COMPLAINT).toList();
        List<MilestoneStatus> responses = complaints.stream()
                .map(c -> engine.evaluate(c, base.caseEvents(c.id()), Optional.empty(), end))
                .flatMap(sla -> sla.milestone("first_response").stream())
                .filter(status -> status.metAt().isPresent()).toList();

        assertThat(share(responses, MilestoneStatus::metOnTime)).isBetween(0.85, 0.97);
        assertThat(share(complaints, c -> has(c, CaseEventType.PAUSED))).isBetween(0.10, 0.25);
        assertThat(share(complaints, c -> has(c, CaseEventType.REOPENED))).isBetween(0.01, 0.10);
        assertThat(share(complaints, c -> has(c, CaseEventType.PRIORITY_CHANGED))).isBetween(0.02, 0.10);
        assertThat(share(complaints, c -> has(c, CaseEventType.FEEDBACK_RECEIVED))).isBetween(0.7, 0.9);
    }

    private static boolean has(ServiceCase serviceCase, CaseEventType type) {
        return base.caseEvents(serviceCase.id()).stream().anyMatch(event -> event.type() == type);
    }

    private static <T> double share(List<T> items, java.util.function.Predicate<T> wanted) {
        return (double) items.stream().filter(wanted).count() / items.size();
    }

    @Test
    void loadingCasesUpToAMomentLeavesOutLaterCasesAndEvents() {
        InMemoryStore store = InMemoryStore.create();
        Instant noon = LocalDate.of(2026, 3, 20).atTime(12, 0).atOffset(SyntheticCustomerBase.OFFSET).toInstant();

        base.loadCasesInto(store.cases(), store.caseEvents(), noon);

        List<ServiceCase> loaded = new java.util.ArrayList<>();
        store.cases().forEach(loaded::add);
        assertThat(loaded).isNotEmpty().isEqualTo(base.cases().stream()
                .filter(c -> !c.openedAt().toInstant().isAfter(noon)).toList());
        assertThat(loaded).allSatisfy(serviceCase -> assertThat(store.caseEvents().findByCase(serviceCase.id()))
                .isEqualTo(base.caseEvents(serviceCase.id()).stream()
                        .filter(event -> !event.occurredAt().toInstant().isAfter(noon)).toList()));
    }

    @Test
    void generatesTenThousandCustomersByDefaultWithUniqueIds() {
        assertThat(base.customers()).hasSize(10_000);
        assertThat(base.customers()).extracting(Customer::id).doesNotHaveDuplicates().isSorted();
        assertThat(base.purchases()).extracting(Purchase::id).doesNotHaveDuplicates();
        assertThat(base.interactions()).extracting(Interaction::id).doesNotHaveDuplicates();
        // A plausible volume: several orders a year per buying customer, not one, not hundreds.
        assertThat(base.purchases().size()).isBetween(40_000, 200_000);
    }

    @Test
    void customersWereCreatedOverTheLastThreeYears() {
        LocalDate asOf = base.settings().asOf();

        assertThat(base.customers()).allSatisfy(customer -> assertThat(customer.createdOn())
                .isBetween(asOf.minusMonths(36), asOf));
        assertThat(base.customers()).anyMatch(customer -> customer.createdOn().isBefore(asOf.minusMonths(30)));
        assertThat(base.customers()).anyMatch(customer -> customer.createdOn().isAfter(asOf.minusMonths(1)));
    }

    @Test
    void everyAmountIsAnExactTwoDecimalAmountInYuan() {
        assertThat(base.purchases()).allSatisfy(purchase -> {
            assertThat(purchase.amount().currency().getCurrencyCode()).isEqualTo("CNY");
            assertThat(purchase.amount().amount().scale()).isEqualTo(2);
            assertThat(purchase.amount().amount()).isGreaterThanOrEqualTo(new BigDecimal("20.00"));
        });
    }

    @Test
    void prospectsHaveInquiriesButNoOrders() {
        Set<CustomerId> prospects = customersOf(Segment.PROSPECT);
        Set<CustomerId> buyers = base.purchases().stream().map(Purchase::customerId).collect(Collectors.toSet());
        Set<CustomerId> inquirers = base.interactions().stream()
                .filter(interaction -> interaction.kind() == InteractionKind.INQUIRY)
                .map(Interaction::customerId).collect(Collectors.toSet());

        assertThat(prospects).isNotEmpty().doesNotContainAnyElementsOf(buyers);
        assertThat(inquirers).containsAll(prospects);
    }

    @Test
    void dormantCustomersHaveNothingInTheLastYear() {
        Set<CustomerId> dormant = customersOf(Segment.DORMANT);
        LocalDate windowStart = base.settings().asOf().minusMonths(12).plusDays(1);

        assertThat(dormant).isNotEmpty();
        assertThat(base.purchases()).filteredOn(purchase -> dormant.contains(purchase.customerId()))
                .allSatisfy(purchase -> assertThat(purchase.orderDate()).isBefore(windowStart));
        assertThat(base.interactions()).filteredOn(interaction -> dormant.contains(interaction.customerId()))
                .allSatisfy(interaction -> assertThat(SyntheticCustomerBase.day(interaction)).isBefore(windowStart));
    }

    @Test
    void segmentsHaveTheModelledShares() {
        Map<Segment, Long> counts = base.segmentCounts();
        double buying = 1 - share(counts.get(Segment.PROSPECT));

        assertThat(share(counts.get(Segment.PROSPECT))).isCloseTo(0.19, within(0.02));
        // Most buyers never stop: the dropout chance is 1.3% an order on average, and most have far less.
        assertThat(share(counts.get(Segment.STEADY)) / buying).isBetween(0.85, 0.97);
        assertThat(share(counts.get(Segment.LAPSING)) / buying).isBetween(0.02, 0.08);
        assertThat(share(counts.get(Segment.DORMANT)) / buying).isBetween(0.01, 0.06);
    }

    /**
     * The demo's lifecycle analysis fits BG/NBD and Gamma-Gamma on the orders as of the as-of day
     * and a quarter later; on a base drawn from these models they end inside their search ranges
     * (a parameter on a bound is what LogSpaceFit warns about) and near the generator's parameters.
     */
    @ParameterizedTest(name = "follow-up of {0} months")
    @ValueSource(ints = {0, 3})
    void theCustomerBaseModelsFitInsideTheirSearchRangesNearTheGeneratorsParameters(int followUpMonths) {
        SyntheticCustomerBase generated = followUpMonths == 0 ? base
                : SyntheticCustomerBase.generate(Settings.defaults().withFollowUpMonths(followUpMonths));
        List<PurchaseSummary> summaries = PurchaseSummaries.fromPurchases(generated.purchases(),
                generated.span().end(), ClvTimeUnit.WEEKS);

        FittedModel<BgNbdModel> purchases = ModelFitter.fitBgNbd(summaries);
        FittedModel<GammaGammaModel> spend =
                ModelFitter.fitGammaGammaOnPaidRepeatBuyers(CustomerSummaries.of(summaries));

        assertThat(purchases.parametersAtBound()).as("BG/NBD %s", purchases.model()).isEmpty();
        assertThat(spend.parametersAtBound()).as("Gamma-Gamma %s", spend.model()).isEmpty();
        // The generator's rates: gamma with shape 2.5 and rate 0.29 a year, i.e. 0.29 * 365.25 / 7 weeks.
        assertThat(purchases.model().r()).isCloseTo(2.5, withinPercentage(15));
        assertThat(purchases.model().alpha()).isCloseTo(0.29 * 365.25 / 7, withinPercentage(15));
        // Dropout is only loosely pinned down by two years of history; its mean is 0.2 / 15.2 = 1.3%.
        double meanDropout = purchases.model().a() / (purchases.model().a() + purchases.model().b());
        assertThat(meanDropout).isBetween(0.004, 0.02);
        // Orders: gamma with shape 4 at a rate of the customer's own, gamma with shape 2.2 and rate 2,600 CNY.
        assertThat(spend.model().p()).isCloseTo(4, withinPercentage(15));
        assertThat(spend.model().q()).isCloseTo(2.2, withinPercentage(15));
        assertThat(spend.model().gamma()).isCloseTo(2_600, withinPercentage(15));
    }

    @Test
    void lapsingCustomersStoppedInTheLastYearAndSteadyOnesAreStillBuying() {
        LocalDate asOf = base.settings().asOf();
        LocalDate windowStart = asOf.minusMonths(12).plusDays(1);
        Map<CustomerId, LocalDate> lastOrder = base.purchases().stream().collect(Collectors.toMap(
                Purchase::customerId, Purchase::orderDate, (one, other) -> one.isAfter(other) ? one : other));
        Set<CustomerId> lapsing = customersOf(Segment.LAPSING);
        Set<CustomerId> steady = customersOf(Segment.STEADY);

        assertThat(lapsing).isNotEmpty().allSatisfy(id -> assertThat(lastOrder.get(id)).isBetween(windowStart, asOf));
        // Still buying, at a gamma(2.5, 0.29 a year) rate: a customer orders in t years with
        // chance 1 - (0.29 / (0.29 + t))^2.5, so about 79% of them did in the last quarter and
        // 98% in the last year (a few buy so rarely that they have not bought in the history).
        assertThat((double) steady.stream().filter(id -> lastOrder.getOrDefault(id, LocalDate.MIN)
                .isAfter(asOf.minusMonths(3))).count() / steady.size())
                .isCloseTo(1 - Math.pow(0.29 / (0.29 + 0.25), 2.5), within(0.03));
        assertThat((double) steady.stream().filter(id -> !lastOrder.getOrDefault(id, LocalDate.MIN)
                .isBefore(windowStart)).count() / steady.size())
                .isCloseTo(1 - Math.pow(0.29 / (0.29 + 1), 2.5), within(0.02));
    }

    @Test
    void spendIsHeavyTailed() {
        List<BigDecimal> yearly = base.purchases().stream()
                .filter(purchase -> purchase.orderDate().isAfter(base.settings().asOf().minusYears(1)))
                .collect(Collectors.groupingBy(Purchase::customerId,
                        Collectors.reducing(BigDecimal.ZERO, purchase -> purchase.amount().amount(), BigDecimal::add)))
                .values().stream().sorted().toList();
        BigDecimal total = yearly.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal topTenth = yearly.subList(yearly.size() * 9 / 10, yearly.size()).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal median = yearly.get(yearly.size() / 2);
        BigDecimal mean = total.divide(BigDecimal.valueOf(yearly.size()), RoundingMode.HALF_EVEN);

        // The best tenth of the customers brings about half the revenue, and the mean is well above the median.
        assertThat(topTenth.doubleValue() / total.doubleValue()).isBetween(0.4, 0.75);
        assertThat(mean).isGreaterThan(median.multiply(new BigDecimal("1.5")));
    }

    @Test
    void bigAccountsHaveAccountManagersAndAFewHaveStrategicAgreements() {
        List<Customer> managed = base.customers().stream().filter(c -> c.accountManager().isPresent()).toList();
        List<Customer> strategic = base.customers().stream().filter(Customer::strategicAgreement).toList();
        Map<CustomerId, BigDecimal> lifetimeSpend = base.purchases().stream().collect(Collectors.groupingBy(
                Purchase::customerId,
                Collectors.reducing(BigDecimal.ZERO, purchase -> purchase.amount().amount(), BigDecimal::add)));

        assertThat(share(managed.size())).isBetween(0.05, 0.30);
        assertThat(strategic).hasSizeBetween(5, 100);
        assertThat(strategic).allSatisfy(customer -> assertThat(customer.accountManager()).isPresent());
        assertThat(median(managed, lifetimeSpend)).isGreaterThan(median(base.customers(), lifetimeSpend)
                .multiply(BigDecimal.valueOf(5)));
    }

    @Test
    void loadingUpToADayLeavesOutWhatCameLaterAndLoadingLaterAddsIt() {
        SyntheticCustomerBase followedUp = SyntheticCustomerBase.generate(SMALL.withFollowUpMonths(3));
        InMemoryStore store = InMemoryStore.create();

        followedUp.loadInto(store, SMALL.asOf());
        List<Purchase> firstLoad = storedPurchases(store, followedUp);
        followedUp.loadInto(store, followedUp.span().end());
        List<Purchase> secondLoad = storedPurchases(store, followedUp);

        assertThat(store.customers().count()).isEqualTo(SMALL.customers());
        assertThat(firstLoad).hasSameElementsAs(SyntheticCustomerBase.generate(SMALL).purchases())
                .allSatisfy(purchase -> assertThat(purchase.orderDate()).isBeforeOrEqualTo(SMALL.asOf()));
        assertThat(secondLoad).hasSameElementsAs(followedUp.purchases());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 24, 0, 'Settings customers must be between 1 and 1000000, was 0'",
        "1000001, 24, 0, 'Settings customers must be between 1 and 1000000, was 1000001'",
        "10, 11, 0, 'Settings historyMonths must be between 12 and 120, was 11'",
        "10, 24, -1, 'Settings followUpMonths must be between 0 and 24, was -1'",
        "10, 24, 25, 'Settings followUpMonths must be between 0 and 24, was 25'",
    })
    void rejectsSettingsOutOfRange(int customers, int historyMonths, int followUpMonths, String message) {
        assertThatThrownBy(() -> new Settings(customers, 1L, LocalDate.of(2026, 3, 31), historyMonths,
                followUpMonths))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(message);
    }

    @Test
    void settingsCopiesChangeOneField() {
        Settings settings = Settings.defaults().withCustomers(7).withSeed(3).withAsOf(LocalDate.of(2025, 12, 31))
                .withHistoryMonths(18).withFollowUpMonths(6);

        assertThat(settings).isEqualTo(new Settings(7, 3, LocalDate.of(2025, 12, 31), 18, 6));
        assertThat(settings.historyStart()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(settings.end()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    private static Set<CustomerId> customersOf(Segment segment) {
        Set<CustomerId> ids = new HashSet<>();
        base.segments().forEach((id, s) -> {
            if (s == segment) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static List<Purchase> storedPurchases(InMemoryStore store, SyntheticCustomerBase from) {
        return from.customers().stream()
                .flatMap(customer -> store.purchases().findByCustomer(customer.id(), from.span()).stream())
                .toList();
    }

    private static double share(long count) {
        return (double) count / base.customers().size();
    }

    private static BigDecimal median(List<Customer> customers, Map<CustomerId, BigDecimal> spend) {
        List<BigDecimal> values = customers.stream().map(c -> spend.getOrDefault(c.id(), BigDecimal.ZERO))
                .sorted().toList();
        return values.get(values.size() / 2);
    }
}
