package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.PersistenceException;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store does beyond the port contracts: the limits of its schema, how it reports
 * database failures, and concurrent writers. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class AbstractJdbcStoreTest {
    private static final CustomerId ACME = CustomerId.of("c-1");
    private static final LocalDate DAY = LocalDate.of(2026, 2, 3);
    private static final DateWindow ALL_TIME = DateWindow.of(LocalDate.MIN, LocalDate.MAX);
    private static final CaseId CASE = CaseId.of("k-1");
    private static final OffsetDateTime MOMENT = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

    /** @return the extension that gives each test its store */
    abstract DatabaseExtension database();

    private JdbcStore store() {
        return database().store();
    }

    private static Purchase purchase(String id, LocalDate day, String amount) {
        return Purchase.of(PurchaseId.of(id), ACME, day, Money.of("CNY", amount));
    }

    private static Interaction inquiry(String id, OffsetDateTime at) {
        return Interaction.of(InteractionId.of(id), ACME, at, Channel.PHONE, InteractionKind.INQUIRY);
    }

    private static LifecycleStageChanged transition(LifecycleStage from, LifecycleStage to, LocalDate asOf,
            List<String> reasons) {
        return new LifecycleStageChanged(ACME, Optional.ofNullable(from), to, asOf, PolicyRef.of("standard", "1"),
                reasons, false, Instant.parse("2026-03-01T00:00:00.000000001Z"));
    }

    private static SurveyAnswer csat(OffsetDateTime at, int score) {
        return new SurveyAnswer(ACME, at, OptionalInt.of(score), OptionalInt.empty());
    }

    @Test
    void keepsTheFirstAndTheLastStorableDay() {
        Purchase first = purchase("o-1", LocalDate.of(1, 1, 1), "1.00");
        Purchase last = purchase("o-2", LocalDate.of(9999, 12, 31), "2.00");
        store().purchases().record(last);
        store().purchases().record(first);

        assertThat(store().purchases().findByCustomer(ACME, ALL_TIME)).containsExactly(first, last);
        assertThat(store().purchases().findByCustomer(ACME,
                DateWindow.of(LocalDate.of(-5000, 1, 1), LocalDate.of(0, 12, 31)))).isEmpty();
        assertThat(store().purchases().findByCustomer(ACME,
                DateWindow.of(LocalDate.of(10000, 1, 1), LocalDate.MAX))).isEmpty();
    }

    @Test
    void keepsTheFirstAndTheLastStorableMoment() {
        Interaction first = inquiry("i-1", OffsetDateTime.parse("0001-01-01T00:00:00Z"));
        Interaction last = inquiry("i-2", OffsetDateTime.parse("9999-12-31T23:59:59.999999999Z"));
        store().interactions().record(last);
        store().interactions().record(first);

        assertThat(store().interactions().findByCustomer(ACME, Instant.MIN, Instant.MAX)).containsExactly(first, last);
        assertThat(store().interactions().findByCustomer(ACME, Instant.MIN, first.occurredAt().toInstant())).isEmpty();
        assertThat(store().interactions().findByCustomer(ACME, last.occurredAt().toInstant().plusNanos(1),
                Instant.MAX)).isEmpty();
    }

    @Test
    void refusesDaysOutsideTheStoredYears() {
        assertThatThrownBy(() -> store().purchases().record(purchase("o-1", LocalDate.of(10000, 1, 1), "1.00")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-1' orderDate +10000-01-01 is outside the days the JDBC store keeps,"
                        + " 0001-01-01..9999-12-31");
        assertThatThrownBy(() -> store().customers().save(Customer.of(ACME, "ACME", LocalDate.of(0, 12, 31))))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Customer 'c-1' createdOn 0000-12-31 is outside the days the JDBC store keeps,"
                        + " 0001-01-01..9999-12-31");
        assertThat(store().purchases().findByCustomer(ACME, ALL_TIME)).isEmpty();
        assertThat(store().customers().count()).isZero();
    }

    @Test
    void refusesMomentsOutsideTheStoredYears() {
        Interaction tooLate = inquiry("i-1", OffsetDateTime.parse("9999-12-31T20:00:00-05:00"));

        assertThatThrownBy(() -> store().interactions().record(tooLate))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Interaction 'i-1' occurredAt +10000-01-01T01:00:00Z is outside the moments the JDBC"
                        + " store keeps, 0001-01-01T00:00:00Z up to +10000-01-01T00:00:00Z");
        assertThat(store().interactions().findByCustomer(ACME, Instant.MIN, Instant.MAX)).isEmpty();
    }

    @Test
    void refusesAmountsAndQuantitiesWithMoreDigitsThanTheSchemaKeeps() {
        assertThatThrownBy(() -> store().purchases().record(purchase("o-1", DAY, "0.1234567890123456789")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-1' amount 0.1234567890123456789 does not fit the JDBC store, which keeps"
                        + " at most 20 digits before and 18 after the decimal point");
        assertThatThrownBy(() -> store().purchases().record(purchase("o-2", DAY, "123456789012345678901")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("Purchase 'o-2' amount 123456789012345678901.00 does not fit");
        assertThatThrownBy(() -> store().purchases().record(
                        purchase("o-3", DAY, "1").withQuantity(new BigDecimal("1.0000000000000000001"))))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("Purchase 'o-3' quantity 1.0000000000000000001 does not fit");
        assertThat(store().purchases().findByCustomer(ACME, ALL_TIME)).isEmpty();
    }

    @Test
    void keepsTheLargestAmountsAndSumsThemExactly() {
        String largest = "99999999999999999999.999999999999999999";
        Purchase big = purchase("o-1", DAY, largest).withQuantity(new BigDecimal("1.50000000000000000000000"));
        store().customers().save(Customer.of(ACME, "ACME", LocalDate.of(2020, 1, 1)));
        store().purchases().record(big);
        store().purchases().record(purchase("o-2", DAY, largest));
        MetricsQuery query = new MetricsQuery(DAY, DateWindow.trailingMonths(1, DAY), ZoneId.of("UTC"),
                Money.currency("CNY"));

        CustomerMetrics metrics = store().facts().find(ACME, FactsQuery.metricsOnly(query)).orElseThrow().metrics();

        assertThat(store().purchases().findByCustomer(ACME, ALL_TIME).get(0)).isEqualTo(big);
        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "199999999999999999999.999999999999999998"));
    }

    @Test
    void reportsADatabaseFailureByOperationAndIdWithoutPersonalData() throws SQLException {
        database().execute("ALTER TABLE crm_customer ADD CONSTRAINT short_names CHECK (CHAR_LENGTH(name) < 5)");

        assertThatThrownBy(() -> store().customers().save(Customer.of(ACME, "Jane Secret-Doe", DAY)))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not save customer 'c-1' (SQL state 2351")
                .hasCauseInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Jane"));
    }

    @Test
    void reportsAMissingTableAsAPersistenceFailure() throws SQLException {
        database().execute("DROP TABLE crm_purchase");

        assertThatThrownBy(() -> store().purchases().findByCustomer(ACME, ALL_TIME))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not find the purchases of customer 'c-1' (SQL state 42")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws SQLException {
        database().execute("ALTER TABLE crm_tier_assignment ADD CONSTRAINT few_below CHECK (evaluations_below < 3)");
        TierAssignment rejected = new TierAssignment(ACME, Optional.of(Tier.of("core")), DAY,
                PolicyRef.of("standard", "1"), 3, Instant.parse("2026-02-04T00:00:00Z"));

        assertThatThrownBy(() -> store().tierAssignments().record(rejected))
                .isExactlyInstanceOf(PersistenceException.class);
        // The head row written before the failing insert was rolled back: an older day is still fine.
        TierAssignment older = new TierAssignment(ACME, Optional.empty(), DAY.minusDays(1),
                PolicyRef.of("standard", "1"), 0, Instant.parse("2026-02-03T00:00:00Z"));
        store().tierAssignments().record(older);
        assertThat(store().tierAssignments().history(ACME)).containsExactly(older);
    }

    @Test
    void aFailedLifecycleReplacementKeepsTheStoredTransitionWithItsReasons() throws SQLException {
        LifecycleStageChanged stored = transition(null, LifecycleStage.GROWTH, DAY, List.of("spend up", "新客户"));
        store().lifecycleHistory().record(stored);
        database().execute("ALTER TABLE crm_lifecycle_reason ADD CONSTRAINT short_reasons"
                + " CHECK (CHAR_LENGTH(reason) < 20)");

        assertThatThrownBy(() -> store().lifecycleHistory().record(transition(null, LifecycleStage.DECLINE, DAY,
                        List.of("ok", "a reason too long for the constraint"))))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not record the lifecycle transition of customer 'c-1' as of 2026-02-03"
                        + " (SQL state 23");
        assertThat(store().lifecycleHistory().history(ACME)).containsExactly(stored);
    }

    @Test
    void keepsLifecycleReasonsOfAnyTextInTheirOrder() {
        List<String> reasons = List.of("first line\nsecond line\r\nthird", "赢回 客户 (win-back)", "",
                "a;b|c,d\"e'f\\g\tend", "  padded  ", "🚚 one emoji", "r7", "r8", "r9", "r10", "r11", "r12");
        LifecycleStageChanged unexplained = transition(null, LifecycleStage.GROWTH, DAY, List.of());
        LifecycleStageChanged churned = new LifecycleStageChanged(ACME, Optional.of(LifecycleStage.GROWTH),
                LifecycleStage.CHURNED, DAY.plusDays(1), PolicyRef.of("standard", "1"), reasons, true,
                Instant.parse("2026-03-01T00:00:00Z"));
        store().lifecycleHistory().record(unexplained);
        store().lifecycleHistory().record(churned);

        assertThat(store().lifecycleHistory().history(ACME)).containsExactly(unexplained, churned);
        assertThat(store().lifecycleHistory().current(ACME).orElseThrow().reasons()).containsExactlyElementsOf(reasons);
    }

    @Test
    void refusesLifecycleDaysAndSurveyMomentsOutsideTheStoredYears() {
        LifecycleStageChanged tooLate = transition(null, LifecycleStage.GROWTH, LocalDate.of(10000, 1, 1), List.of());
        SurveyAnswer tooEarly = csat(OffsetDateTime.parse("0001-01-01T07:00:00+08:00"), 5);

        assertThatThrownBy(() -> store().lifecycleHistory().record(tooLate))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Lifecycle transition of customer 'c-1' asOf +10000-01-01 is outside the days the JDBC"
                        + " store keeps, 0001-01-01..9999-12-31");
        assertThatThrownBy(() -> store().surveys().record(tooEarly))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Survey answer of customer 'c-1' answeredAt 0000-12-31T23:00:00Z is outside the moments"
                        + " the JDBC store keeps, 0001-01-01T00:00:00Z up to +10000-01-01T00:00:00Z");
        assertThat(store().lifecycleHistory().history(ACME)).isEmpty();
        assertThat(store().surveys().findByCustomer(ACME, Instant.MIN, Instant.MAX)).isEmpty();
    }

    @Test
    void keepsSurveyAnswersOneNanosecondApartAndFindsThemExactly() {
        SurveyAnswer first = csat(OffsetDateTime.parse("2026-03-02T09:15:30.123456789+08:00"), 4);
        SurveyAnswer next = csat(first.answeredAt().plusNanos(1), 5);
        store().surveys().record(next);
        store().surveys().record(first);
        Instant boundary = next.answeredAt().toInstant();

        assertThat(store().surveys().findByCustomer(ACME, Instant.MIN, Instant.MAX)).containsExactly(first, next);
        assertThat(store().surveys().findByCustomer(ACME, Instant.MIN, boundary)).containsExactly(first);
        assertThat(store().surveys().findByCustomer(ACME, boundary, Instant.MAX)).containsExactly(next);
    }

    @Test
    void refusesTheSameScoresAtTheSameInstantInAnotherOffset() {
        SurveyAnswer answer = csat(OffsetDateTime.parse("2026-03-02T09:15:00+08:00"), 4);
        store().surveys().record(answer);

        // The in-memory store compares whole answers, the offset included; so does this one.
        assertThatThrownBy(() -> store().surveys().record(csat(OffsetDateTime.parse("2026-03-02T01:15:00Z"), 4)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Customer 'c-1' already answered a survey at 2026-03-02T01:15Z with other scores");
        assertThat(store().surveys().findByCustomer(ACME, Instant.MIN, Instant.MAX)).containsExactly(answer);
    }

    @Test
    void reportsLifecycleAndSurveyStorageFailuresByOperationAndId() throws SQLException {
        database().execute("DROP TABLE crm_lifecycle_reason");
        database().execute("DROP TABLE crm_lifecycle_transition");
        database().execute("DROP TABLE crm_survey_answer");

        assertThatThrownBy(() -> store().lifecycleHistory().record(
                        transition(null, LifecycleStage.GROWTH, DAY, List.of())))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not record the lifecycle transition of customer 'c-1' as of 2026-02-03"
                        + " (SQL state 42")
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store().lifecycleHistory().current(ACME))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not find the lifecycle stage of customer 'c-1' (SQL state 42");
        assertThatThrownBy(() -> store().lifecycleHistory().history(ACME))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not read the lifecycle history of customer 'c-1' (SQL state 42");
        assertThatThrownBy(() -> store().surveys().record(csat(MOMENT, 3)))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not record a survey answer of customer 'c-1' (SQL state 42");
        assertThatThrownBy(() -> store().surveys().findByCustomer(ACME, Instant.MIN, Instant.MAX))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not find the survey answers of customer 'c-1' (SQL state 42");
    }

    @Test
    void aSecondStoreOnTheSameDatabaseSeesTheDataAndMigratesNothing() {
        store().customers().save(Customer.of(ACME, "ACME", DAY));

        try (JdbcStore again = database().openAgain()) {
            assertThat(again.customers().findById(ACME)).isPresent();
        }
    }

    @Test
    void forEachStreamsMoreRowsThanOneFetch() {
        int count = 520;
        for (int i = 0; i < count; i++) {
            store().customers().save(Customer.of(CustomerId.of(String.format("c-%04d", i)), "C", DAY));
        }
        List<String> visited = new ArrayList<>();
        List<CustomerMetrics> snapshots = new ArrayList<>();

        store().customers().forEach(customer -> visited.add(customer.id().value()));
        store().facts().forEach(FactsQuery.metricsOnly(new MetricsQuery(DAY, DateWindow.trailingMonths(12, DAY),
                ZoneOffset.UTC, Money.currency("CNY"))), facts -> snapshots.add(facts.metrics()));

        assertThat(visited).hasSize(count).isSorted();
        assertThat(snapshots).hasSize(count);
        assertThat(snapshots.get(count - 1).customerId()).isEqualTo(CustomerId.of("c-0519"));
    }

    @Test
    void concurrentFirstSavesOfOneCustomerAllSucceed() throws Exception {
        List<Throwable> failures = concurrently(4, n -> {
            store().customers().save(Customer.of(ACME, "ACME " + n, DAY));
            return null;
        });

        assertThat(failures).isEmpty();
        assertThat(store().customers().count()).isEqualTo(1);
    }

    @Test
    void concurrentRecordsOfOnePurchaseAllSucceed() throws Exception {
        Purchase purchase = purchase("o-1", DAY, "10.00");

        List<Throwable> failures = concurrently(4, n -> {
            store().purchases().record(purchase);
            return null;
        });

        assertThat(failures).isEmpty();
        assertThat(store().purchases().findByCustomer(ACME, ALL_TIME)).containsExactly(purchase);
    }

    @Test
    void concurrentEvaluationsOfOneCustomerKeepTheHistoryInOrder() throws Exception {
        List<LocalDate> succeeded = Collections.synchronizedList(new ArrayList<>());

        List<Throwable> failures = concurrently(4, n -> {
            LocalDate asOf = DAY.plusDays(n);
            store().tierAssignments().record(new TierAssignment(ACME, Optional.of(Tier.of("core")), asOf,
                    PolicyRef.of("standard", "1"), 0, Instant.parse("2026-03-01T00:00:00Z")));
            succeeded.add(asOf);
            return null;
        });

        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(ConcurrentUpdateException.class));
        List<LocalDate> history = store().tierAssignments().history(ACME).stream().map(TierAssignment::asOf).toList();
        assertThat(history).isSorted().containsExactlyInAnyOrderElementsOf(succeeded).contains(DAY.plusDays(3));
    }

    @Test
    void concurrentLifecycleEvaluationsOfOneCustomerKeepTheHistoryInOrder() throws Exception {
        List<LocalDate> succeeded = Collections.synchronizedList(new ArrayList<>());

        List<Throwable> failures = concurrently(4, n -> {
            LocalDate asOf = DAY.plusDays(n);
            store().lifecycleHistory().record(transition(null, LifecycleStage.GROWTH, asOf, List.of("day " + n)));
            succeeded.add(asOf);
            return null;
        });

        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(ConcurrentUpdateException.class));
        List<LifecycleStageChanged> history = store().lifecycleHistory().history(ACME);
        assertThat(history).extracting(LifecycleStageChanged::asOf)
                .isSorted().containsExactlyInAnyOrderElementsOf(succeeded).contains(DAY.plusDays(3));
        assertThat(history).allSatisfy(transition -> assertThat(transition.reasons())
                .containsExactly("day " + (transition.asOf().toEpochDay() - DAY.toEpochDay())));
    }

    @Test
    void concurrentRecordsOfOneSurveyAnswerAllSucceed() throws Exception {
        SurveyAnswer answer = csat(MOMENT, 4);

        List<Throwable> failures = concurrently(4, n -> {
            store().surveys().record(answer);
            return null;
        });

        assertThat(failures).isEmpty();
        assertThat(store().surveys().findByCustomer(ACME, Instant.MIN, Instant.MAX)).containsExactly(answer);
    }

    @Test
    void refusesCaseAndEventMomentsOutsideTheStoredYears() {
        OffsetDateTime tooEarly = OffsetDateTime.parse("0001-01-01T07:00:00+08:00");

        assertThatThrownBy(() -> store().cases().save(ServiceCase.complaint(CASE, ACME, tooEarly)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Service case 'k-1' openedAt 0000-12-31T23:00:00Z is outside the moments the JDBC"
                        + " store keeps, 0001-01-01T00:00:00Z up to +10000-01-01T00:00:00Z");
        assertThatThrownBy(() -> store().caseEvents().append(CaseEvent.of(CASE, tooEarly, CaseEventType.RESPONDED)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Event 'responded' of case 'k-1' occurredAt 0000-12-31T23:00:00Z is outside the moments"
                        + " the JDBC store keeps, 0001-01-01T00:00:00Z up to +10000-01-01T00:00:00Z");
        assertThat(store().cases().findById(CASE)).isEmpty();
        assertThat(store().caseEvents().findByCase(CASE)).isEmpty();
    }

    @Test
    void refusesAPublishedEventKeyLongerThanTheSchemaKeeps() {
        String longest = "k".repeat(512);
        // Two UTF-16 units, one character for PostgreSQL: Java's count is never the smaller one.
        String truck = "🚚" + "k".repeat(510);

        assertThat(store().publishedEvents().markPublished(longest)).isTrue();
        assertThat(store().publishedEvents().markPublished(truck)).isTrue();
        assertThatThrownBy(() -> store().publishedEvents().markPublished(longest + "k"))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Published event key must have at most 512 characters, was 513 long");
        assertThat(store().publishedEvents().markPublished(longest)).isFalse();
    }

    @Test
    void reportsCaseStorageFailuresByOperationAndId() throws SQLException {
        database().execute("DROP TABLE crm_case");
        database().execute("DROP TABLE crm_case_event");
        database().execute("DROP TABLE crm_published_event");

        assertThatThrownBy(() -> store().cases().save(ServiceCase.complaint(CASE, ACME, MOMENT)))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not save service case 'k-1' (SQL state 42")
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store().cases().forEach(serviceCase -> { }))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not visit the service cases (SQL state 42");
        assertThatThrownBy(() -> store().caseEvents().append(CaseEvent.of(CASE, MOMENT, CaseEventType.RESPONDED)))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not append event 'responded' to case 'k-1' (SQL state 42");
        assertThatThrownBy(() -> store().caseEvents().findByCase(CASE))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not find the events of case 'k-1' (SQL state 42");
        assertThatThrownBy(() -> store().publishedEvents().markPublished("k-1|first_response|0|SlaBreached"))
                .isExactlyInstanceOf(PersistenceException.class)
                .hasMessageStartingWith("Could not mark event 'k-1|first_response|0|SlaBreached' published"
                        + " (SQL state 42");
    }

    @Test
    void concurrentMarksOfOneKeyTellExactlyOneCallerToPublish() throws Exception {
        // Every thread marks the same keys in the same order, so that they race for each one.
        List<String> keys = IntStream.range(0, 25).mapToObj(i -> "k-" + i + "|first_response|0|SlaBreached")
                .toList();
        Map<String, AtomicInteger> told = new ConcurrentHashMap<>();

        List<Throwable> failures = concurrently(6, n -> {
            for (String key : keys) {
                if (store().publishedEvents().markPublished(key)) {
                    told.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
            }
            return null;
        });

        assertThat(failures).isEmpty();
        assertThat(told).containsOnlyKeys(keys)
                .allSatisfy((key, count) -> assertThat(count).as(key).hasValue(1));
    }

    @Test
    void concurrentAppendsToOneCaseKeepItsEventsInOrder() throws Exception {
        // The threads' moments interleave: an append that loses the race to a later event is refused.
        OffsetDateTime start = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
        List<CaseEvent> accepted = Collections.synchronizedList(new ArrayList<>());

        List<Throwable> failures = concurrently(4, n -> {
            for (int i = 0; i < 8; i++) {
                CaseEvent event = CaseEvent.of(CASE, start.plusSeconds(4L * i + n), CaseEventType.RESPONDED);
                try {
                    store().caseEvents().append(event);
                    accepted.add(event);
                } catch (InvalidValueException refused) {
                    assertThat(refused).hasMessageContaining("is before the case's last event at");
                }
            }
            return null;
        });

        assertThat(failures).isEmpty();
        List<CaseEvent> log = store().caseEvents().findByCase(CASE);
        assertThat(log).containsExactlyInAnyOrderElementsOf(accepted)
                .extracting(event -> event.occurredAt().toInstant()).isSorted();
        assertThat(log).last().extracting(CaseEvent::occurredAt).isEqualTo(start.plusSeconds(31));
    }

    /** A task of a concurrency test, given its number. */
    @FunctionalInterface
    private interface Task {
        Object run(int number) throws Exception;
    }

    /** Runs the task on several threads at once and returns what they threw. */
    private static List<Throwable> concurrently(int threads, Task task) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int number = i;
                Callable<Object> call = () -> {
                    start.await();
                    return task.run(number);
                };
                futures.add(executor.submit(call));
            }
            start.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    failures.add(e);
                }
            }
            return failures;
        } finally {
            executor.shutdownNow();
        }
    }
}
