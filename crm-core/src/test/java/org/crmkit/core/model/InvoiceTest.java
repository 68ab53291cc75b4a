package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;

class InvoiceTest {
    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);

    @Test
    void mayBeDueOnTheDayItIsIssuedButNotBefore() {
        assertThat(new Invoice(InvoiceId.of("i-1"), CustomerId.of("c-1"), ISSUED, ISSUED, Money.of("CNY", "1"))
                .dueOn()).isEqualTo(ISSUED);
        assertThatThrownBy(() -> new Invoice(InvoiceId.of("i-1"), CustomerId.of("c-1"), ISSUED, ISSUED.minusDays(1),
                Money.of("CNY", "1")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invoice 'i-1' is due on 2026-02-28, before it was issued on 2026-03-01");
    }
}
