package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;

class SegmentInputTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Test
    void takesRecencyFrequencyAndSpendFromMetrics() {
        CustomerMetrics metrics = metrics(Optional.of(LocalDate.of(2026, 2, 28)), 7, "1234.50");

        assertThat(SegmentInput.of(metrics))
                .contains(SegmentInput.of(CustomerId.of("c-1"), 31, 7, Money.of("CNY", "1234.50")));
    }

    @Test
    void aPurchaseOnTheAsOfDayIsZeroDaysAgo() {
        assertThat(SegmentInput.of(metrics(Optional.of(AS_OF), 1, "10"))).map(SegmentInput::recencyDays).contains(0);
    }

    @Test
    void keepsABuyerWhoseLastPurchaseIsBeforeTheWindow() {
        CustomerMetrics metrics = metrics(Optional.of(LocalDate.of(2024, 3, 31)), 0, "0");

        assertThat(SegmentInput.of(metrics)).map(SegmentInput::recencyDays).contains(730);
    }

    @Test
    void describesNobodyWhoNeverBought() {
        assertThat(SegmentInput.of(metrics(Optional.empty(), 0, "0"))).isEmpty();
    }

    @Test
    void rejectsNegativeValuesNamingTheCustomer() {
        CustomerId id = CustomerId.of("c-9");
        Money some = Money.of("CNY", "1");

        assertThatThrownBy(() -> SegmentInput.of(id, -1, 1, some)).isInstanceOf(InvalidValueException.class)
                .hasMessage("recencyDays of customer 'c-9' must not be negative, was -1");
        assertThatThrownBy(() -> SegmentInput.of(id, 1, -2, some)).isInstanceOf(InvalidValueException.class)
                .hasMessage("frequency of customer 'c-9' must not be negative, was -2");
        assertThatThrownBy(() -> SegmentInput.of(id, 1, 1, Money.of("CNY", "-5")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("monetary of customer 'c-9' must not be negative, was -5.00 CNY");
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> SegmentInput.of(CustomerId.of("c-1"), 1, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("monetary");
    }

    private static CustomerMetrics metrics(Optional<LocalDate> lastPurchase, int orders, String spend) {
        return new CustomerMetrics(CustomerId.of("c-1"), AS_OF, DateWindow.trailingMonths(12, AS_OF),
                Money.of("CNY", spend), orders, 0, 0, true, 12, false, lastPurchase);
    }
}
