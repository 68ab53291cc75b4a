package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PurchaseTest {
    private static final PurchaseId ID = PurchaseId.of("o-17");
    private static final CustomerId CUSTOMER = CustomerId.of("c-1");
    private static final LocalDate DAY = LocalDate.of(2026, 2, 3);

    @Test
    void ofStartsWithoutCategoryAndQuantity() {
        Purchase purchase = Purchase.of(ID, CUSTOMER, DAY, Money.of("CNY", "120000.00"));

        assertThat(purchase.id()).isEqualTo(ID);
        assertThat(purchase.customerId()).isEqualTo(CUSTOMER);
        assertThat(purchase.orderDate()).isEqualTo(DAY);
        assertThat(purchase.amount()).isEqualTo(Money.of("CNY", "120000"));
        assertThat(purchase.category()).isEmpty();
        assertThat(purchase.quantity()).isEmpty();
    }

    @Test
    void acceptsAZeroAmount() {
        assertThat(Purchase.of(ID, CUSTOMER, DAY, Money.of("CNY", "0")).amount().isZero()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "-0.01,  -0.01 CNY",
        "-1200,  -1200.00 CNY",
        "-0.001, -0.001 CNY",
    })
    void rejectsANegativeAmount(String amount, String printed) {
        assertThatThrownBy(() -> Purchase.of(ID, CUSTOMER, DAY, Money.of("CNY", amount)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-17': amount must not be negative, was " + printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.000", "-1", "-2.5", "-0.0001"})
    void rejectsAQuantityThatIsNotMoreThanZero(String quantity) {
        Purchase purchase = Purchase.of(ID, CUSTOMER, DAY, Money.of("CNY", "10"));

        assertThatThrownBy(() -> purchase.withQuantity(new BigDecimal(quantity)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-17': quantity must be more than zero, was " + quantity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0.0001", "250.5", "1000000"})
    void acceptsAPositiveQuantity(String quantity) {
        Purchase purchase = Purchase.of(ID, CUSTOMER, DAY, Money.of("CNY", "10")).withQuantity(new BigDecimal(quantity));

        assertThat(purchase.quantity()).contains(new BigDecimal(quantity));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n"})
    void blankCategoryMeansNoCategory(String category) {
        Purchase purchase = Purchase.of(ID, CUSTOMER, DAY, Money.of("CNY", "10")).withCategory(category);

        assertThat(purchase.category()).isEmpty();
    }

    @Test
    void withCopiesSetOneFactAndKeepTheOthers() {
        Purchase purchase = Purchase.of(ID, CUSTOMER, DAY, Money.of("CNY", "10"))
                .withCategory("valves")
                .withQuantity(new BigDecimal("3"));

        assertThat(purchase).isEqualTo(new Purchase(ID, CUSTOMER, DAY, Money.of("CNY", "10.00"),
                Optional.of("valves"), Optional.of(new BigDecimal("3"))));
    }

    @Test
    void rejectsNullComponentsNamingThem() {
        Money ten = Money.of("CNY", "10");
        assertThatThrownBy(() -> Purchase.of(null, CUSTOMER, DAY, ten))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> Purchase.of(ID, null, DAY, ten))
                .isInstanceOf(NullPointerException.class).hasMessage("customerId");
        assertThatThrownBy(() -> Purchase.of(ID, CUSTOMER, null, ten))
                .isInstanceOf(NullPointerException.class).hasMessage("orderDate");
        assertThatThrownBy(() -> Purchase.of(ID, CUSTOMER, DAY, null))
                .isInstanceOf(NullPointerException.class).hasMessage("amount");
    }
}
