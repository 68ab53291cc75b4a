package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerMetricsTest {
    private static final CustomerId C1 = CustomerId.of("c-1");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final DateWindow YEAR = DateWindow.trailingMonths(12, AS_OF);

    private static CustomerMetrics metrics(Money spend, int orders, int activeQuarters, int inquiries, int tenure,
            Optional<LocalDate> lastPurchase) {
        return new CustomerMetrics(C1, AS_OF, YEAR, spend, orders, activeQuarters, inquiries, true, tenure, false,
                lastPurchase);
    }

    @Test
    void holdsAValidSnapshot() {
        CustomerMetrics metrics = metrics(Money.of("CNY", "1200000"), 14, 4, 3, 26, Optional.of(AS_OF));

        assertThat(metrics.spend()).hasToString("1200000.00 CNY");
        assertThat(metrics.orders()).isEqualTo(14);
        assertThat(metrics.activeQuarters()).isEqualTo(4);
        assertThat(metrics.lastPurchase()).contains(AS_OF);
    }

    @Test
    void rejectsNegativeSpend() {
        assertThatThrownBy(() -> metrics(Money.of("CNY", "-1"), 0, 0, 0, 0, Optional.empty()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics spend must not be negative, was -1.00 CNY");
    }

    @Test
    void rejectsNegativeCounts() {
        Money zero = Money.of("CNY", "0");
        assertThatThrownBy(() -> metrics(zero, -1, 0, 0, 0, Optional.empty()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics orders must not be negative, was -1");
        assertThatThrownBy(() -> metrics(zero, 0, 0, -2, 0, Optional.empty()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics inquiries must not be negative, was -2");
        assertThatThrownBy(() -> metrics(zero, 0, 0, 0, -3, Optional.empty()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics tenureMonths must not be negative, was -3");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 5, 12})
    void rejectsActiveQuartersOutsideZeroToFour(int activeQuarters) {
        assertThatThrownBy(() -> metrics(Money.of("CNY", "0"), 0, activeQuarters, 0, 0, Optional.empty()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics activeQuarters must be between 0 and 4, was " + activeQuarters);
    }

    @Test
    void rejectsALastPurchaseAfterTheAsOfDay() {
        assertThatThrownBy(() -> metrics(Money.of("CNY", "0"), 0, 0, 0, 0, Optional.of(AS_OF.plusDays(1))))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics lastPurchase 2026-04-01 must not be after the as-of day 2026-03-31");
    }

    @Test
    void withSpendChangesOnlyTheSpendAndIsValidatedAgain() {
        CustomerMetrics metrics = metrics(Money.of("CNY", "10"), 1, 1, 0, 2, Optional.of(AS_OF));

        CustomerMetrics richer = metrics.withSpend(Money.of("CNY", "99"));

        assertThat(richer).isEqualTo(metrics(Money.of("CNY", "99.00"), 1, 1, 0, 2, Optional.of(AS_OF)));
        assertThatThrownBy(() -> metrics.withSpend(Money.of("CNY", "-0.01")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics spend must not be negative, was -0.01 CNY");
    }

    @Test
    void unknownInquiriesAreZeroNotKnownAndRefusedAsAValue() {
        CustomerMetrics known = metrics(Money.of("CNY", "10"), 1, 1, 2, 2, Optional.of(AS_OF));

        CustomerMetrics unknown = known.withInquiriesUnknown();

        assertThat(known.knows(Metric.INQUIRIES)).isTrue();
        assertThat(unknown.inquiriesKnown()).isFalse();
        assertThat(unknown.inquiries()).isZero();
        assertThat(unknown.knows(Metric.INQUIRIES)).isFalse();
        assertThat(unknown.knows(Metric.SPEND)).isTrue();
        assertThat(unknown.knows(Metric.ORDERS)).isTrue();
        assertThat(unknown.value(Metric.ORDERS)).isEqualByComparingTo("1");
        assertThatThrownBy(() -> unknown.value(Metric.INQUIRIES))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("The inquiries of customer 'c-1' are unknown: the source has no interactions data");
        assertThat(unknown).isNotEqualTo(known.withSpend(known.spend()));
        assertThat(unknown.withSpend(Money.of("CNY", "99")).inquiriesKnown()).isFalse();
    }

    @Test
    void unknownInquiriesMustBeZero() {
        assertThatThrownBy(() -> new CustomerMetrics(C1, AS_OF, YEAR, Money.of("CNY", "0"), 0, 0, 3, false, 0, false,
                Optional.empty()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("CustomerMetrics inquiries must be 0 when they are unknown, was 3");
    }
}
