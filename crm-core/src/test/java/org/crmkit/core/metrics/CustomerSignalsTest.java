package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;

class CustomerSignalsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private final CustomerMetrics metrics = new CustomerMetrics(CustomerId.of("c-1"), AS_OF,
            DateWindow.trailingMonths(12, AS_OF), Money.of("CNY", "1200.50"), 3, 2, 1, true, 18, true, Optional.of(AS_OF));

    @Test
    void signalsNotGivenAreUnknownAndMetricsComeFromTheSnapshot() {
        CustomerSignals signals = CustomerSignals.of(metrics).with(Signal.REFERRALS, 2);

        assertThat(signals.value(Signal.REFERRALS)).isEqualByComparingTo("2");
        assertThat(signals.knows(Signal.REFERRALS)).isTrue();
        assertThat(signals.knows(Signal.EVENTS)).isFalse();
        assertThat(signals.has(Signal.P_ALIVE)).isFalse();
        assertThatThrownBy(() -> signals.value(Signal.P_ALIVE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Signal p_alive of customer 'c-1' is unknown");
        assertThat(signals.knows(Metric.SPEND)).isTrue();
        assertThat(signals.value(Metric.SPEND)).isEqualByComparingTo("1200.50");
        assertThat(signals.value(Metric.STRATEGIC_AGREEMENT)).isEqualByComparingTo("1");
    }

    @Test
    void theInquiriesAreKnownAsTheMetricsSnapshotKnowsThem() {
        CustomerSignals signals = CustomerSignals.of(metrics.withInquiriesUnknown()).with(Signal.REFERRALS, 2);

        assertThat(CustomerSignals.of(metrics).knows(Metric.INQUIRIES)).isTrue();
        assertThat(signals.knows(Metric.INQUIRIES)).isFalse();
        assertThat(signals.knows(Metric.ORDERS)).isTrue();
        assertThatThrownBy(() -> signals.value(Metric.INQUIRIES)).isInstanceOf(InvalidValueException.class)
                .hasMessage("The inquiries of customer 'c-1' are unknown: the source has no interactions data");
    }

    @Test
    void withCopiesAndLeavesTheOriginalAlone() {
        CustomerSignals original = CustomerSignals.of(metrics);
        CustomerSignals copy = original.with(Signal.SPEND_TREND, new BigDecimal("-0.25"));

        assertThat(copy.get(Signal.SPEND_TREND)).isEqualByComparingTo("-0.25");
        assertThat(original.has(Signal.SPEND_TREND)).isFalse();
    }

    @Test
    void rejectsValuesThatDoNotSuitTheSignal() {
        CustomerSignals signals = CustomerSignals.of(metrics);

        assertThatThrownBy(() -> signals.with(Signal.REFERRALS, -1)).isInstanceOf(InvalidValueException.class)
                .hasMessage("Signal referrals must be a whole number, zero or more, was -1");
        assertThatThrownBy(() -> signals.with(Signal.EVENTS, new BigDecimal("1.5")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Signal events must be a whole number, zero or more, was 1.5");
        assertThatThrownBy(() -> signals.with(Signal.P_ALIVE, new BigDecimal("1.01")))
                .isInstanceOf(InvalidValueException.class).hasMessage("Signal p_alive must be between 0 and 1, was 1.01");
    }

    @Test
    void aMetricsSnapshotAnswersForMetricsOnly() {
        assertThat(metrics.value(Metric.ORDERS)).isEqualByComparingTo("3");
        assertThatThrownBy(() -> metrics.value(Signal.REFERRALS)).isInstanceOf(InvalidValueException.class)
                .hasMessage("The metrics snapshot has no referrals; signals need a CustomerSignals snapshot");
    }

    @Test
    void signalsAreFoundByTheirPolicyNames() {
        assertThat(Signal.byKey("days_since_last_purchase")).contains(Signal.DAYS_SINCE_LAST_PURCHASE);
        assertThat(Signal.byKey("spend")).isEmpty();
        assertThat(Signal.knownKeys()).startsWith("repeat_purchases, categories,");
    }
}
