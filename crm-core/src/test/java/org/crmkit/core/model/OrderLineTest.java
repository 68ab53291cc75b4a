package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderLineTest {
    private static final PurchaseId ORDER = PurchaseId.of("o-1");

    @ParameterizedTest
    @CsvSource({"2.500, 2.5", "2.0, 2", "100, 100", "1E+2, 100", "-3.10, -3.1", "0.000, 0"})
    void normalisesTheQuantitySoThatEqualQuantitiesMakeEqualLines(String given, String normalised) {
        OrderLine line = OrderLine.of(ORDER, 1, "p-1", new BigDecimal(given), Money.of("CNY", "1"),
                Money.of("CNY", "1"));

        assertThat(line.quantity()).isEqualTo(new BigDecimal(normalised));
    }

    @Test
    void refusesALineNumberBelowOne() {
        assertThatThrownBy(() -> OrderLine.of(ORDER, 0, "p-1", BigDecimal.ONE, Money.of("CNY", "1"),
                Money.of("CNY", "1")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Line number of order 'o-1' must be at least 1, was 0");
    }

    @Test
    void refusesAnAmountInAnotherCurrencyThanThePrice() {
        assertThatThrownBy(() -> OrderLine.of(ORDER, 2, "p-1", BigDecimal.ONE, Money.of("CNY", "1"),
                Money.of("EUR", "1")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Line 2 of order 'o-1' amount: currency EUR does not match CNY (crmkit does not convert"
                        + " currencies)");
    }

    @Test
    void checksTheProductIdAsAnIdentifierAndStripsTheCategory() {
        assertThatThrownBy(() -> OrderLine.of(ORDER, 1, " ", BigDecimal.ONE, Money.of("CNY", "1"),
                Money.of("CNY", "1")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("productId must not be blank, was ' '");
        OrderLine line = OrderLine.of(ORDER, 1, "p-1", BigDecimal.ONE, Money.of("CNY", "1"), Money.of("CNY", "1"));
        assertThat(line.withCategory("  tools ").category()).contains("tools");
        assertThat(line.withCategory("   ").category()).isEqualTo(Optional.empty());
    }
}
