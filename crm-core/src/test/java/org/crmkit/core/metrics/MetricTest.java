package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final CustomerMetrics SNAPSHOT = new CustomerMetrics(CustomerId.of("c-1"), AS_OF,
            DateWindow.trailingMonths(12, AS_OF), Money.of("CNY", "1234.5"), 14, 3, 2, true, 26, true, Optional.of(AS_OF));

    @ParameterizedTest
    @CsvSource({
        "spend,               SPEND,               MONEY, -1, 1234.50",
        "orders,              ORDERS,              COUNT, -1, 14",
        "active_quarters,     ACTIVE_QUARTERS,     COUNT,  4, 3",
        "inquiries,           INQUIRIES,           COUNT, -1, 2",
        "tenure_months,       TENURE_MONTHS,       COUNT, -1, 26",
        "strategic_agreement, STRATEGIC_AGREEMENT, FLAG,   1, 1",
    })
    void eachMetricHasAPolicyNameAKindABoundAndAValue(String key, Metric metric, Metric.Kind kind, int maximum,
            BigDecimal value) {
        assertThat(Metric.parse(key)).isSameAs(metric);
        assertThat(Metric.byKey(key)).contains(metric);
        assertThat(metric.key()).isEqualTo(key);
        assertThat(metric.kind()).isEqualTo(kind);
        assertThat(metric.maximum()).isEqualTo(maximum < 0 ? OptionalInt.empty() : OptionalInt.of(maximum));
        assertThat(metric.value(SNAPSHOT)).isEqualByComparingTo(value);
    }

    @Test
    void flagWithoutAgreementIsZero() {
        CustomerMetrics withoutAgreement = new CustomerMetrics(SNAPSHOT.customerId(), AS_OF, SNAPSHOT.window(),
                SNAPSHOT.spend(), 0, 0, 0, true, 0, false, Optional.empty());

        assertThat(Metric.STRATEGIC_AGREEMENT.value(withoutAgreement)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"revenue", "Spend", "SPEND", " spend", "active-quarters", ""})
    void unknownNamesAreRejectedListingTheKnownOnes(String key) {
        assertThat(Metric.byKey(key)).isEmpty();
        assertThatThrownBy(() -> Metric.parse(key))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown metric '" + key + "', expected one of spend, orders, active_quarters, inquiries,"
                        + " tenure_months, strategic_agreement");
    }
}
