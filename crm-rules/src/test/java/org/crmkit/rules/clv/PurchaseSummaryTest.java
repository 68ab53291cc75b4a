package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseSummaryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1 | 0 | 5 | 0 | customer 'c-1': frequency (x) must not be negative, was -1",
            "2 | 6 | 5 | 10 | customer 'c-1': recency (t_x) must be between 0 and the age (T) 5.0, was 6.0",
            "0 | 1 | 5 | 0 | customer 'c-1': recency (t_x) must be 0 without repeat purchases, was 1.0",
            "1 | 0 | 5 | 10 | customer 'c-1': 1 repeat purchases need a recency (t_x) above 0: a purchase on the first"
                    + " day is part of the first purchase",
            "0 | 0 | -0.5 | 0 | customer 'c-1': age (T) must be a number of zero or more, was -0.5",
            "0 | 0 | NaN | 0 | customer 'c-1': age (T) must be a number of zero or more, was NaN",
            "1 | 2 | 5 | -3 | customer 'c-1': average repeat value must not be negative, was -3",
            "0 | 0 | 5 | 3.50 | customer 'c-1': average repeat value must be 0 without repeat purchases, was 3.50"})
    void impossibleHistoriesAreRejectedWithTheCustomerNamed(int x, double tx, double age, String zbar, String message) {
        assertThatThrownBy(() -> new PurchaseSummary("c-1", x, tx, age, new BigDecimal(zbar)))
                .isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void aCustomerFirstSeenOnTheLastDayIsAllowed() {
        PurchaseSummary newcomer = PurchaseSummary.of("c-2", 0, 0, 0);

        assertThat(newcomer.age()).isZero();
        assertThat(newcomer.averageRepeatValue()).isEqualByComparingTo("0");
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(PurchaseSummary.of("c", 0, -0.0, 3)).isEqualTo(PurchaseSummary.of("c", 0, 0.0, 3));
    }

    @Test
    void theKeyMustNotBeBlank() {
        assertThatThrownBy(() -> PurchaseSummary.of(" ", 0, 0, 1)).isInstanceOf(InvalidValueException.class)
                .hasMessage("purchase summary: customerKey must not be blank");
    }
}
