package org.crmkit.rules.lifecycle;

import org.crmkit.rules.sla.SlaPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.SlaEngine;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed signals of one customer as of 2026-06-30 with the trailing year 2025-07-01..2026-06-30,
 * from the facts {@link FactsCalculator} computes of the customer's records.
 */
class SignalsCalculatorTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CustomerId C1 = CustomerId.of("c-1");
    private static final Customer CUSTOMER = Customer.of(C1, "Customer c-1", LocalDate.of(2024, 6, 30));
    private static final FactsQuery QUERY = FactsQuery.all(new MetricsQuery(Signals.AS_OF,
            DateWindow.trailingMonths(12, Signals.AS_OF), SHANGHAI, Money.currency("CNY")), Set.of("Service"));

    private static CustomerFacts facts(List<Purchase> purchases, List<Interaction> interactions,
            List<SurveyAnswer> surveys) {
        return FactsCalculator.compute(CUSTOMER, purchases, interactions, surveys, QUERY);
    }

    private static CustomerSignals purchasesOnly(List<Purchase> purchases) {
        return SignalsCalculator.compute(facts(purchases, List.of(), List.of()), Optional.of(ServiceLevelFacts.NONE));
    }

    private static Purchase purchase(String id, String day, String amount, String category) {
        Purchase purchase = Purchase.of(PurchaseId.of(id), C1, LocalDate.parse(day), Money.of("CNY", amount));
        return category.isEmpty() ? purchase : purchase.withCategory(category);
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void purchasesGiveRepeatsCategoriesRecencyAndTrend() {
        List<Purchase> purchases = List.of(
                purchase("p1", "2025-03-01", "500", "hardware"),  // before the window: history only
                purchase("p2", "2025-09-01", "1000", "hardware"), // earlier half (before 2025-12-31)
                purchase("p3", "2026-03-01", "300", "service"),   // later half, value-added
                purchase("p4", "2026-03-01", "200", "hardware"),  // the same day: one purchase day
                purchase("p5", "2026-07-05", "999", "hardware")); // after the as-of day: ignored

        CustomerSignals signals = purchasesOnly(purchases);

        // Four purchases on three days: two repeat purchase days.
        assertThat(signals.get(Signal.REPEAT_PURCHASES)).isEqualByComparingTo("2");
        assertThat(signals.get(Signal.CATEGORIES)).isEqualByComparingTo("2");
        assertThat(signals.get(Signal.VALUE_ADDED_SERVICES)).isEqualByComparingTo("1");
        assertThat(signals.get(Signal.DAYS_SINCE_FIRST_PURCHASE)).isEqualByComparingTo("486");
        assertThat(signals.get(Signal.DAYS_SINCE_LAST_PURCHASE)).isEqualByComparingTo("121");
        // (500 - 1000) / 1000
        assertThat(signals.get(Signal.SPEND_TREND)).isEqualByComparingTo("-0.5");
        // Three purchase days over 365 days: a mean gap of 182.5 days; 121 / 182.5 = 0.6630
        assertThat(signals.get(Signal.RECENCY_RATIO)).isEqualByComparingTo("0.6630");
        assertThat(signals.has(Signal.P_ALIVE)).isFalse();
    }

    @Test
    void aCustomerWhoBoughtOnlyBeforeTheWindowHasStopped() {
        List<Purchase> purchases = List.of(purchase("p1", "2024-05-01", "500", ""),
                purchase("p2", "2025-06-01", "500", ""));

        CustomerSignals signals = purchasesOnly(purchases);

        assertThat(signals.get(Signal.SPEND_TREND)).isEqualByComparingTo("-1");
        assertThat(signals.get(Signal.REPEAT_PURCHASES)).isEqualByComparingTo("1");
    }

    @Test
    void aProspectHasNoTrendAndNoRecency() {
        CustomerSignals signals = purchasesOnly(List.of());

        assertThat(signals.get(Signal.DAYS_SINCE_LAST_PURCHASE)).isZero();
        assertThat(signals.get(Signal.REPEAT_PURCHASES)).isZero();
        assertThat(signals.has(Signal.SPEND_TREND)).isFalse();
        assertThat(signals.has(Signal.RECENCY_RATIO)).isFalse();
    }

    @Test
    void newSpendAfterNoneCountsAsDoubling() {
        assertThat(SignalsCalculator.trend(java.math.BigDecimal.ZERO, java.math.BigDecimal.TEN)).isEqualByComparingTo("1");
        assertThat(SignalsCalculator.trend(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO)).isZero();
    }

    @Test
    void interactionsInTheWindowCountByKindAndMeetingOutcome() {
        List<Interaction> interactions = List.of(
                Interaction.of(InteractionId.of("i1"), C1, at("2026-01-10T10:00+08:00"), Channel.EVENT, InteractionKind.REFERRAL),
                Interaction.of(InteractionId.of("i2"), C1, at("2026-02-10T10:00+08:00"), Channel.EVENT, InteractionKind.EVENT),
                Interaction.of(InteractionId.of("i3"), C1, at("2026-02-11T10:00+08:00"), Channel.ONLINE, InteractionKind.TRIAL),
                Interaction.of(InteractionId.of("i4"), C1, at("2026-04-01T10:00+08:00"), Channel.VISIT, InteractionKind.MEETING)
                        .withOutcome("Joint_Planning"),
                Interaction.of(InteractionId.of("i5"), C1, at("2026-04-02T10:00+08:00"), Channel.VISIT, InteractionKind.MEETING),
                // 2025-06-30T23:30 in UTC is 2025-07-01 07:30 in Shanghai: inside the window
                Interaction.of(InteractionId.of("i6"), C1, at("2025-06-30T23:30Z"), Channel.EVENT, InteractionKind.REFERRAL),
                Interaction.of(InteractionId.of("i7"), C1, at("2025-06-30T10:00+08:00"), Channel.EVENT, InteractionKind.REFERRAL));

        CustomerSignals signals = SignalsCalculator.compute(facts(List.of(), interactions, List.of()), Optional.empty());

        assertThat(signals.get(Signal.REFERRALS)).isEqualByComparingTo("2");
        assertThat(signals.get(Signal.EVENTS)).isEqualByComparingTo("1");
        assertThat(signals.get(Signal.TRIALS)).isEqualByComparingTo("1");
        assertThat(signals.get(Signal.JOINT_PLANNING)).isEqualByComparingTo("1");
    }

    @Test
    void surveysGivePromotersAndTheLatestSatisfactionChange() {
        List<SurveyAnswer> answers = List.of(
                new SurveyAnswer(C1, at("2026-05-01T10:00+08:00"), OptionalInt.of(5), OptionalInt.of(10)),
                new SurveyAnswer(C1, at("2026-06-01T10:00+08:00"), OptionalInt.of(2), OptionalInt.empty()),
                new SurveyAnswer(C1, at("2026-01-01T10:00+08:00"), OptionalInt.of(4), OptionalInt.of(9)),
                new SurveyAnswer(C1, at("2026-07-01T10:00+08:00"), OptionalInt.of(5), OptionalInt.of(10)));

        CustomerSignals signals = SignalsCalculator.compute(facts(List.of(), List.of(), answers), Optional.empty());

        assertThat(signals.get(Signal.PROMOTER_ANSWERS)).isEqualByComparingTo("2");
        assertThat(signals.get(Signal.SATISFACTION_CHANGE)).isEqualByComparingTo("-3");
    }

    @Test
    void answersAtTheSameMomentGiveTheSameChangeInAnyOrder() {
        SurveyAnswer earlier = new SurveyAnswer(C1, at("2026-05-01T10:00+08:00"), OptionalInt.of(4), OptionalInt.empty());
        SurveyAnswer happy = new SurveyAnswer(C1, at("2026-06-01T10:00+08:00"), OptionalInt.of(5), OptionalInt.empty());
        SurveyAnswer unhappy = new SurveyAnswer(C1, at("2026-06-01T02:00Z"), OptionalInt.of(2), OptionalInt.empty());

        CustomerSignals one = SignalsCalculator.compute(facts(List.of(), List.of(), List.of(earlier, happy, unhappy)),
                Optional.empty());
        CustomerSignals other = SignalsCalculator.compute(facts(List.of(), List.of(), List.of(unhappy, earlier, happy)),
                Optional.empty());

        // The lower score of the two counts as the later: 2 - 5.
        assertThat(one.get(Signal.SATISFACTION_CHANGE)).isEqualByComparingTo("-3");
        assertThat(other.get(Signal.SATISFACTION_CHANGE)).isEqualByComparingTo("-3");
    }

    @Test
    void serviceLevelsGiveMetBreachedAndOpen() {
        Policy policy = PolicyLoader.standard();
        SlaEngine engine = SlaEngine.of(policy.ref(), policy.section(SlaPolicy.class));
        Instant asOf = at("2026-06-30T18:00+08:00").toInstant();
        // Closed in time: all three milestones met.
        ServiceCase handled = ServiceCase.complaint(CaseId.of("k1"), C1, at("2026-06-01T10:00+08:00"));
        List<CaseEvent> handledEvents = List.of(
                CaseEvent.of(handled.id(), at("2026-06-01T10:30+08:00"), CaseEventType.RESPONDED),
                CaseEvent.of(handled.id(), at("2026-06-01T15:00+08:00"), CaseEventType.SOLUTION_PROPOSED),
                CaseEvent.of(handled.id(), at("2026-06-02T10:00+08:00"), CaseEventType.RESOLVED),
                CaseEvent.of(handled.id(), at("2026-06-02T11:00+08:00"), CaseEventType.FEEDBACK_RECEIVED),
                CaseEvent.of(handled.id(), at("2026-06-02T12:00+08:00"), CaseEventType.CLOSED));
        // Open and ignored: all three breached.
        ServiceCase ignored = ServiceCase.complaint(CaseId.of("k2"), C1, at("2026-06-10T10:00+08:00"));
        List<CaseSla> cases = List.of(engine.evaluate(handled, handledEvents, Optional.empty(), asOf),
                engine.evaluate(ignored, List.of(), Optional.empty(), asOf));

        CustomerFacts facts = facts(List.of(), List.of(), List.of());
        CustomerSignals signals = SignalsCalculator.compute(facts,
                Optional.of(ServiceLevelFacts.of(C1, QUERY.metrics(), cases)));

        assertThat(signals.get(Signal.SLA_MET)).isEqualByComparingTo("3");
        assertThat(signals.get(Signal.SLA_BREACHES)).isEqualByComparingTo("3");
        assertThat(signals.get(Signal.OPEN_BREACHES)).isEqualByComparingTo("3");
        assertThat(signals.get(Signal.OPEN_COMPLAINTS)).isEqualByComparingTo("1");
    }

    @Test
    void signalsWhoseFactsWereNotComputedAreUnknown() {
        CustomerFacts metricsOnly = FactsCalculator.compute(CUSTOMER, List.of(purchase("p1", "2026-01-01", "10", "")),
                List.of(), List.of(), FactsQuery.metricsOnly(QUERY.metrics()));

        CustomerSignals signals = SignalsCalculator.compute(metricsOnly, Optional.empty());

        assertThat(signals.values()).isEmpty();
        assertThat(signals.has(Signal.REPEAT_PURCHASES)).isFalse();
        assertThat(signals.has(Signal.SLA_MET)).isFalse();
    }

    @Test
    void rejectsAnotherCustomersCases() {
        Policy policy = PolicyLoader.standard();
        ServiceCase foreign = ServiceCase.complaint(CaseId.of("k9"), CustomerId.of("c-2"), at("2026-06-01T10:00+08:00"));
        CaseSla sla = SlaEngine.of(policy.ref(), policy.section(SlaPolicy.class)).evaluate(foreign, List.of(), Optional.empty(),
                at("2026-06-30T18:00+08:00").toInstant());

        assertThatThrownBy(() -> ServiceLevelFacts.of(C1, QUERY.metrics(), List.of(sla)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Case 'k9' belongs to customer 'c-2', not to 'c-1'");
    }

    @Test
    void rejectsAnotherCustomersRecords() {
        Purchase foreign = Purchase.of(PurchaseId.of("p9"), CustomerId.of("c-2"), LocalDate.parse("2026-01-01"),
                Money.of("CNY", "1"));

        assertThatThrownBy(() -> purchasesOnly(List.of(foreign)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'p9' belongs to customer 'c-2', not to 'c-1'");
    }
}
