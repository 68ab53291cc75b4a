package org.crmkit.rules.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TieringServiceTest {
    private static final LocalDate Q1 = LocalDate.of(2026, 3, 31);
    private static final LocalDate LATER = LocalDate.of(2026, 7, 31);
    private static final Instant NOW = Instant.parse("2026-04-01T02:00:00Z");

    private final InMemoryStore store = InMemoryStore.create();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private int orderNumber;

    @BeforeEach
    void seed() {
        customer("big");
        customer("prospect");
        customer("dormant");
        // 40k in each of three quarters: core as of Q1.
        order("big", LocalDate.of(2025, 7, 15), "40000");
        order("big", LocalDate.of(2025, 10, 15), "40000");
        order("big", LocalDate.of(2026, 1, 15), "40000");
        store.interactions().record(Interaction.of(InteractionId.of("i-1"), CustomerId.of("prospect"),
                OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZoneOffset.ofHours(8)), Channel.PHONE, InteractionKind.INQUIRY));
    }

    private TieringService service(Policy policy) {
        return TieringService.of(policy, store, events, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void recordsEveryCustomersTierAndPublishesFirstAssignments() {
        List<TierDecision> decisions = new ArrayList<>();

        TierRunSummary summary = service(PolicyLoader.standard()).evaluateAll(Q1, decisions::add);

        assertThat(decisions).extracting(decision -> decision.customerId().value())
                .containsExactly("big", "dormant", "prospect");
        assertThat(tierOf("big")).contains(Tier.of("core"));
        assertThat(tierOf("prospect")).contains(Tier.of("potential"));
        assertThat(tierOf("dormant")).isEmpty();
        assertThat(events.events(TierChanged.class)).extracting(event -> event.customerId().value(),
                event -> event.to().map(Tier::name).orElse("none"), TierChanged::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("big", "core", TierChanged.Direction.ASSIGNED),
                        org.assertj.core.groups.Tuple.tuple("prospect", "potential", TierChanged.Direction.ASSIGNED));
        assertThat(summary.changes()).isEqualTo(2);
        assertThat(summary.distribution().count(Optional.of(Tier.of("core")))).isEqualTo(1);
        assertThat(summary.distribution().count(Optional.empty())).isEqualTo(1);
        assertThat(store.tierAssignments().current(CustomerId.of("big")).orElseThrow().recordedAt()).isEqualTo(NOW);
    }

    @Test
    void publishesADemotionWhenALaterEvaluationRanksLower() {
        TieringService service = service(PolicyLoader.standard());
        service.evaluateAll(Q1);
        events.clear();

        service.evaluateAll(LATER);

        // As of 2026-07-31 the July 2025 order has left the window: 80k in 2 of the last 4 rolling quarters.
        TierChanged change = events.events(TierChanged.class).get(0);
        assertThat(events.events()).hasSize(1);
        assertThat(change.customerId().value()).isEqualTo("big");
        assertThat(change.from()).contains(Tier.of("core"));
        assertThat(change.to()).contains(Tier.of("important"));
        assertThat(change.direction()).isEqualTo(TierChanged.Direction.DEMOTION);
        assertThat(change.asOf()).isEqualTo(LATER);
        assertThat(change.reasons()).containsExactly(
                "rule core not matched: spend 80000.00 >= 100000 not met; active_quarters 2 >= 3 not met",
                "rule important matched: spend 80000.00 >= 30000 met");
        assertThat(store.tierAssignments().history(CustomerId.of("big"))).extracting(TierAssignment::asOf)
                .containsExactly(Q1, LATER);
    }

    @Test
    void reRunningTheSameDayReplacesItsAssignmentsWithoutRepeatingEvents() {
        TieringService service = service(PolicyLoader.standard());
        service.evaluateAll(Q1);
        int published = events.events().size();

        TierRunSummary again = service.evaluateAll(Q1);

        assertThat(events.events()).hasSize(published);
        assertThat(again.changes()).isZero();
        assertThat(store.tierAssignments().history(CustomerId.of("big"))).hasSize(1);
    }

    @Test
    void publishesTheCorrectionWhenARerunOfADayChangesItsTier() {
        TieringService service = service(PolicyLoader.standard());
        service.evaluateAll(Q1);
        order("big", LocalDate.of(2026, 4, 20), "1");
        service.evaluateAll(LATER); // big: important as of LATER, published core -> important
        events.clear();
        // The ERP back-fills orders for the same period; the re-run of LATER puts big back into core.
        order("big", LocalDate.of(2026, 5, 20), "30000");

        service.evaluateAll(LATER);

        assertThat(events.events(TierChanged.class)).singleElement().satisfies(event -> {
            assertThat(event.from()).contains(Tier.of("important"));
            assertThat(event.to()).contains(Tier.of("core"));
            assertThat(event.direction()).isEqualTo(TierChanged.Direction.PROMOTION);
        });
        assertThat(store.tierAssignments().history(CustomerId.of("big"))).extracting(TierAssignment::tier)
                .containsExactly(Optional.of(Tier.of("core")), Optional.of(Tier.of("core")));
    }

    @Test
    void recordsNothingWhenAnyCustomerAlreadyHasALaterAssignment() {
        TieringService service = service(PolicyLoader.standard());
        service.evaluate(CustomerId.of("prospect"), LATER);
        events.clear();

        assertThatThrownBy(() -> service.evaluateAll(Q1))
                .isInstanceOf(org.crmkit.core.ConcurrentUpdateException.class)
                .hasMessage("Cannot tier as of 2026-03-31: 1 customer has an assignment for a later day:"
                        + " 'prospect' (2026-07-31); nothing was recorded");
        assertThat(store.tierAssignments().history(CustomerId.of("big"))).isEmpty();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void holdsATierUnderDemotionGraceAndDropsOneStepLater() {
        TieringService service = service(Policies.standardWithGrace("{evaluations: 2}"));
        service.evaluateAll(Q1);
        events.clear();

        TierDecision held = service.evaluate(CustomerId.of("big"), LATER);
        TierDecision dropped = service.evaluate(CustomerId.of("big"), LocalDate.of(2027, 1, 31));

        assertThat(held.tier()).contains(Tier.of("core"));
        assertThat(held.evaluationsBelow()).isEqualTo(1);
        assertThat(dropped.ruleTier()).isEmpty();
        assertThat(dropped.tier()).contains(Tier.of("important"));
        assertThat(events.events(TierChanged.class)).singleElement()
                .satisfies(event -> assertThat(event.to()).contains(Tier.of("important")));
    }

    @Test
    void tellsTodayInThePolicysTimeZone() {
        // 02:00 UTC on April 1 is 10:00 in Shanghai: still April 1; at 20:00 UTC on March 31 it is April 1 too.
        TieringService service = TieringService.of(PolicyLoader.standard(), store, events,
                Clock.fixed(Instant.parse("2026-03-31T20:00:00Z"), ZoneOffset.UTC));

        assertThat(service.today()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void rejectsAnUnknownCustomer() {
        assertThatThrownBy(() -> service(PolicyLoader.standard()).evaluate(CustomerId.of("ghost"), Q1))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Unknown customer 'ghost'");
    }

    @Test
    void refusesToBuildWithoutEveryPart() {
        Policy standard = PolicyLoader.standard();

        assertThatThrownBy(() -> TieringService.of(standard, store, null, Clock.systemUTC()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("events");
        assertThatThrownBy(() -> TieringService.of(standard, null, events, Clock.systemUTC()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("store");
    }

    private Optional<Tier> tierOf(String id) {
        return store.tierAssignments().current(CustomerId.of(id)).orElseThrow().tier();
    }

    private void customer(String id) {
        store.customers().save(Customer.of(CustomerId.of(id), "Customer " + id, LocalDate.of(2024, 1, 10)));
    }

    private void order(String customer, LocalDate day, String amount) {
        store.purchases().record(Purchase.of(PurchaseId.of("o-" + (++orderNumber)), CustomerId.of(customer), day,
                Money.of("CNY", amount)));
    }
}
