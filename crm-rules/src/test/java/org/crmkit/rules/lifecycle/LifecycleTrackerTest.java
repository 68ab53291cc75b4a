package org.crmkit.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.LifecycleHistory;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

/** One customer who buys twice and then stops, tracked month by month under the standard policy. */
class LifecycleTrackerTest {
    private static final CustomerId C1 = CustomerId.of("c-1");
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    private final LifecycleHistory history = InMemoryStore.create().lifecycleHistory();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final LifecycleTracker tracker = new LifecycleTracker(history, events, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CustomerBaseAnalysis analysis = CustomerBaseAnalysis.of(PolicyLoader.standard(),
            ValueEstimator.none());
    private final List<Customer> customers = List.of(Customer.of(C1, "ACME", LocalDate.of(2025, 1, 1)));
    private final List<Purchase> purchases = List.of(
            Purchase.of(PurchaseId.of("p1"), C1, LocalDate.of(2025, 2, 1), Money.of("CNY", "5000")),
            Purchase.of(PurchaseId.of("p2"), C1, LocalDate.of(2025, 3, 1), Money.of("CNY", "5000")));

    private List<LifecycleStageChanged> trackOn(String day) {
        LocalDate asOf = LocalDate.parse(day);
        Bases.Analysed analysed = Bases.analyse(analysis, customers, purchases, asOf);
        return tracker.record(asOf, analysed.summary().policy(), analysed.customers());
    }

    @Test
    void recordsAndPublishesOnlyChangesOfStage() {
        List<LifecycleStageChanged> first = trackOn("2025-03-31");   // first purchase 58 days ago
        List<LifecycleStageChanged> same = trackOn("2025-04-30");    // still within 90 days
        List<LifecycleStageChanged> later = trackOn("2025-06-30");   // 149 days: acquisition is over
        List<LifecycleStageChanged> gone = trackOn("2026-03-31");    // a year and a month without purchase

        assertThat(first).singleElement().satisfies(change -> {
            assertThat(change.from()).isEmpty();
            assertThat(change.to()).isEqualTo(LifecycleStage.ACQUISITION);
            assertThat(change.occurredAt()).isEqualTo(NOW);
        });
        assertThat(same).isEmpty();
        assertThat(later).singleElement().satisfies(change -> {
            assertThat(change.from()).contains(LifecycleStage.ACQUISITION);
            assertThat(change.to()).isNotEqualTo(LifecycleStage.ACQUISITION);
        });
        assertThat(gone).singleElement().satisfies(change -> {
            assertThat(change.to()).isEqualTo(LifecycleStage.CHURNED);
            assertThat(change.winBack()).isTrue();
            assertThat(change.reasons().get(0)).startsWith("stage churned: any of: days_since_last_purchase 395 >= 365");
        });
        assertThat(history.history(C1)).hasSize(3);
        assertThat(events.events(LifecycleStageChanged.class)).containsExactlyElementsOf(history.history(C1));
    }

    @Test
    void reRunningADayReplacesItsTransitionAndAnOlderDayIsRejectedBeforeAnyWrite() {
        trackOn("2025-03-31");
        trackOn("2025-06-30");
        List<LifecycleStageChanged> rerun = trackOn("2025-06-30");

        assertThat(rerun).isEmpty();
        assertThat(history.history(C1)).hasSize(2);
        assertThatThrownBy(() -> trackOn("2025-04-30")).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Lifecycle of customer 'c-1' is already recorded as of 2025-06-30, after 2025-04-30");
        assertThat(history.current(C1).map(LifecycleStageChanged::asOf)).isEqualTo(Optional.of(LocalDate.of(2025, 6, 30)));
    }
}
