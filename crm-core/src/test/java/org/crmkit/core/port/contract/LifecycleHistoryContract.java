package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.port.LifecycleHistory;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LifecycleHistory} implementation must show. An adapter's test extends
 * this class and implements {@link #newLifecycleHistory()}.
 */
public abstract class LifecycleHistoryContract {
    private static final CustomerId ACME = CustomerId.of("c-1");
    private static final CustomerId OTHER = CustomerId.of("c-2");
    private static final PolicyRef POLICY = PolicyRef.of("standard", "2026.1");
    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 31);
    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 28);
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 31);

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract LifecycleHistory newLifecycleHistory();

    private static LifecycleStageChanged change(CustomerId customer, LifecycleStage from, LifecycleStage to,
            LocalDate asOf) {
        return new LifecycleStageChanged(customer, Optional.ofNullable(from), to, asOf, POLICY,
                List.of("stage " + to.key()), false, asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @Test
    public void knowsNothingOfACustomerNeverEvaluated() {
        LifecycleHistory history = newLifecycleHistory();
        history.record(change(OTHER, null, LifecycleStage.GROWTH, JANUARY));

        assertThat(history.current(ACME)).isEmpty();
        assertThat(history.history(ACME)).isEmpty();
    }

    @Test
    public void roundTripsEveryField() {
        LifecycleHistory history = newLifecycleHistory();
        LifecycleStageChanged full = new LifecycleStageChanged(ACME, Optional.of(LifecycleStage.DECLINE),
                LifecycleStage.CHURNED, MARCH, PolicyRef.of("key-accounts", "2026.1-rc2"),
                List.of("stage churned: days_since_last_purchase 400 >= 365 met", "churn risk 0.7100 (high)",
                        "flagged for win-back 赢回"), true, Instant.parse("2026-04-01T02:03:04.123456789Z"));

        history.record(full);

        assertThat(history.current(ACME)).contains(full);
    }

    @Test
    public void historyListsTheOldestFirstAndCurrentIsTheLatest() {
        LifecycleHistory history = newLifecycleHistory();
        LifecycleStageChanged january = change(ACME, null, LifecycleStage.ACQUISITION, JANUARY);
        LifecycleStageChanged february = change(ACME, LifecycleStage.ACQUISITION, LifecycleStage.GROWTH, FEBRUARY);
        LifecycleStageChanged march = change(ACME, LifecycleStage.GROWTH, LifecycleStage.MATURITY, MARCH);
        history.record(january);
        history.record(february);
        history.record(march);

        assertThat(history.history(ACME)).containsExactly(january, february, march);
        assertThat(history.current(ACME)).contains(march);
    }

    @Test
    public void aTransitionForTheLatestAsOfDayReplacesIt() {
        LifecycleHistory history = newLifecycleHistory();
        LifecycleStageChanged january = change(ACME, null, LifecycleStage.ACQUISITION, JANUARY);
        history.record(january);
        history.record(change(ACME, LifecycleStage.ACQUISITION, LifecycleStage.GROWTH, FEBRUARY));
        LifecycleStageChanged corrected = change(ACME, LifecycleStage.ACQUISITION, LifecycleStage.DECLINE, FEBRUARY);

        history.record(corrected);

        assertThat(history.history(ACME)).containsExactly(january, corrected);
    }

    @Test
    public void rejectsATransitionOlderThanTheLatest() {
        LifecycleHistory history = newLifecycleHistory();
        history.record(change(ACME, null, LifecycleStage.GROWTH, FEBRUARY));

        assertThatThrownBy(() -> history.record(change(ACME, null, LifecycleStage.ACQUISITION, JANUARY)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Lifecycle transition of customer 'c-1' as of 2026-01-31 is older than the stored one"
                        + " as of 2026-02-28");
        assertThat(history.history(ACME)).hasSize(1);
    }

    @Test
    public void keepsEachCustomersHistoryApart() {
        LifecycleHistory history = newLifecycleHistory();
        LifecycleStageChanged mine = change(ACME, null, LifecycleStage.GROWTH, JANUARY);
        LifecycleStageChanged theirs = change(OTHER, null, LifecycleStage.CHURNED, MARCH);
        history.record(mine);
        history.record(theirs);

        assertThat(history.history(ACME)).containsExactly(mine);
        assertThat(history.current(OTHER)).contains(theirs);
    }
}
