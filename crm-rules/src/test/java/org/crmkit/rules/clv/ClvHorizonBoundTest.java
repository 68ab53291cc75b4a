package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.MinimalPolicy;
import org.crmkit.rules.PolicyDocuments;
import org.junit.jupiter.api.Test;

/** The horizon's upper bound, {@link CustomerValue#MAX_HORIZON}, in the library and in policies. */
class ClvHorizonBoundTest {
    private static final BgNbdModel DAILY = BgNbdModel.of(0.2426, 4.4135 * 7, 0.7929, 2.4258);
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final PurchaseSummary FIRST = new PurchaseSummary("1", 2, 30.43 * 7, 38.86 * 7,
            new BigDecimal("22.35"));
    private static final BigDecimal RATE = new BigDecimal("0.10");

    @Test
    void theBoundIsAHundredYearsInDays() {
        assertThat(CustomerValue.MAX_HORIZON).isEqualTo(36_525);
    }

    @Test
    void aHundredYearsInDaysAreValuedAndOneDayMoreIsRejectedNamingTheBound() {
        BigDecimal hundredYears = CustomerValue.clv(DAILY, SPEND, FIRST, 36_525, RATE, ClvTimeUnit.DAYS);

        assertThat(hundredYears).isGreaterThan(CustomerValue.clv(DAILY, SPEND, FIRST, 3_650, RATE, ClvTimeUnit.DAYS));
        assertThatThrownBy(() -> CustomerValue.clv(DAILY, SPEND, FIRST, 36_526, RATE, ClvTimeUnit.DAYS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("CLV horizon must be at most 36525 periods (100 years in days), was 36526");
        assertThatThrownBy(() -> CustomerValue.discountedExpectedPurchases(DAILY, FIRST, Integer.MAX_VALUE, RATE,
                ClvTimeUnit.DAYS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("CLV horizon must be at most 36525 periods (100 years in days), was 2147483647");
    }

    @Test
    void aPolicyHorizonAboveTheBoundIsRejected() {
        assertThat(new ClvPolicy(PurchaseModelKind.BGNBD, ClvTimeUnit.DAYS, 36_525, RATE, 100).horizon())
                .isEqualTo(36_525);
        assertThatThrownBy(() -> new ClvPolicy(PurchaseModelKind.BGNBD, ClvTimeUnit.WEEKS, 36_526, RATE, 100))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("CLV horizon must be at most 36525 periods (100 years in days), was 36526 weeks");
    }

    @Test
    void aPolicyFileWithAHorizonAboveTheBoundIsRejectedWithALocatedMessage() {
        assertThat(MinimalPolicy.with("clv: {time_unit: days, horizon: 36525}\n").section(ClvPolicy.class).horizon()).isEqualTo(36_525);
        MinimalPolicy.assertRejected("clv: {horizon: 36526}\n", PolicyDocuments.Broken.STRUCTURE,
                "acme.yaml:9: clv.horizon: must be at most 36525 (periods of the time_unit; 100 years in days), was"
                        + " 36526");
    }
}
