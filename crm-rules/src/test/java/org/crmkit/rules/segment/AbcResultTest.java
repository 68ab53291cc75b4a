package org.crmkit.rules.segment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.segment.Segments.cny;

import java.math.BigDecimal;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.junit.jupiter.api.Test;

class AbcResultTest {
    private static final CustomerId ID = CustomerId.of("c-1");

    @Test
    void rejectsSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> new AbcResult(ID, AbcClass.A, cny("1"), new BigDecimal("-0.1"), BigDecimal.ONE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("higherSpendShare of customer 'c-1' must be between 0 and 1, was -0.1");
        assertThatThrownBy(() -> new AbcResult(ID, AbcClass.A, cny("1"), BigDecimal.ZERO, new BigDecimal("1.000001")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("cumulativeShare of customer 'c-1' must be between 0 and 1, was 1.000001");
    }

    @Test
    void rejectsNegativeSpend() {
        assertThatThrownBy(() -> new AbcResult(ID, AbcClass.C, cny("-1"), BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("spend of customer 'c-1' must not be negative, was -1.00 CNY");
    }
}
