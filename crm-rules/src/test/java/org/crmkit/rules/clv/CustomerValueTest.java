package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;

class CustomerValueTest {
    private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final PurchaseSummary FIRST = new PurchaseSummary("1", 2, 30.43, 38.86, new BigDecimal("22.35"));

    @Test
    void theValueIsTheDiscountedSumOfEachPeriodsExpectedPurchasesTimesTheExpectedValue() {
        double perWeek = Math.pow(1.10, 7 / 365.2425) - 1;
        double value = SPEND.conditionalExpectedAverageValue(2, 22.35);
        double expected = 0;
        for (int week = 1; week <= 52; week++) {
            double increment = PURCHASES.conditionalExpectedPurchases(week, FIRST)
                    - PURCHASES.conditionalExpectedPurchases(week - 1, FIRST);
            expected += increment * value / Math.pow(1 + perWeek, week);
        }

        assertThat(CustomerValue.clv(PURCHASES, SPEND, FIRST, 52, new BigDecimal("0.10"), ClvTimeUnit.WEEKS))
                .isEqualTo(BigDecimal.valueOf(expected).setScale(2, RoundingMode.HALF_EVEN));
    }

    @Test
    void withoutDiscountItIsTheExpectedPurchasesTimesTheExpectedValue() {
        double expected = PURCHASES.conditionalExpectedPurchases(39, FIRST) * SPEND.conditionalExpectedAverageValue(2, 22.35);

        assertThat(CustomerValue.clv(PURCHASES, SPEND, FIRST, 39, BigDecimal.ZERO, ClvTimeUnit.WEEKS))
                .isEqualTo(BigDecimal.valueOf(expected).setScale(2, RoundingMode.HALF_EVEN));
    }

    @Test
    void aDailyHorizonDiscountsByTheDay() {
        PurchaseSummary inDays = new PurchaseSummary("1", 2, 30.43 * 7, 38.86 * 7, new BigDecimal("22.35"));
        BgNbdModel daily = BgNbdModel.of(0.243, 4.414 * 7, 0.793, 2.426);

        BigDecimal weekly = CustomerValue.clv(PURCHASES, SPEND, FIRST, 52, new BigDecimal("0.10"), ClvTimeUnit.WEEKS);
        BigDecimal byDay = CustomerValue.clv(daily, SPEND, inDays, 364, new BigDecimal("0.10"), ClvTimeUnit.DAYS);

        // The same model in days over the same year; discounting daily instead of weekly differs by cents.
        assertThat(byDay.subtract(weekly).abs()).isLessThan(new BigDecimal("0.20"));
    }

    @Test
    void noHorizonIsWorthNothing() {
        assertThat(CustomerValue.clv(PURCHASES, SPEND, FIRST, 0, new BigDecimal("0.1"), ClvTimeUnit.WEEKS))
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theExpectedAverageValueIsRoundedToCents() {
        assertThat(CustomerValue.expectedAverageValue(SPEND, FIRST)).isEqualTo(BigDecimal.valueOf(
                SPEND.conditionalExpectedAverageValue(2, 22.35)).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(CustomerValue.expectedAverageValue(SPEND, PurchaseSummary.of("new", 0, 0, 3)))
                .isEqualTo(new BigDecimal("35.22"));
    }

    @Test
    void negativeHorizonsAndRatesAreRejected() {
        assertThatThrownBy(() -> CustomerValue.clv(PURCHASES, SPEND, FIRST, -1, BigDecimal.ZERO, ClvTimeUnit.WEEKS))
                .isInstanceOf(InvalidValueException.class).hasMessage("CLV horizon must not be negative, was -1");
        assertThatThrownBy(() -> CustomerValue.clv(PURCHASES, SPEND, FIRST, 5, new BigDecimal("-0.01"), ClvTimeUnit.WEEKS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("annual discount rate must not be negative, was -0.01");
    }
}
