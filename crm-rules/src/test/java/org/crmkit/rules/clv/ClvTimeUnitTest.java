package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClvTimeUnitTest {

    @Test
    void weeksAreDaysOverSeven() {
        LocalDate first = LocalDate.of(1997, 1, 1);
        LocalDate end = LocalDate.of(1997, 9, 30);

        assertThat(ClvTimeUnit.DAYS.between(first, end)).isEqualTo(272);
        assertThat(ClvTimeUnit.WEEKS.between(first, end)).isCloseTo(38.857142857, within(1e-9));
        assertThat(ClvTimeUnit.WEEKS.between(end, first)).isNegative();
    }

    @Test
    void aYearHasTheGregorianMeanLength() {
        assertThat(ClvTimeUnit.DAYS.periodsPerYear()).isEqualTo(365.2425);
        assertThat(ClvTimeUnit.WEEKS.periodsPerYear()).isEqualTo(365.2425 / 7);
    }

    @Test
    void unitsAndModelKindsAreFoundByTheirKeys() {
        assertThat(ClvTimeUnit.byKey("weeks")).contains(ClvTimeUnit.WEEKS);
        assertThat(ClvTimeUnit.byKey("days")).contains(ClvTimeUnit.DAYS);
        assertThat(ClvTimeUnit.byKey("WEEKS")).isEmpty();
        assertThat(ClvTimeUnit.WEEKS.key()).isEqualTo("weeks");
        assertThat(PurchaseModelKind.byKey("pareto_nbd")).contains(PurchaseModelKind.PARETO_NBD);
        assertThat(PurchaseModelKind.byKey("bgnbd")).contains(PurchaseModelKind.BGNBD);
        assertThat(PurchaseModelKind.byKey("bg/nbd")).isEmpty();
        assertThat(PurchaseModelKind.BGNBD.key()).isEqualTo(BgNbdModel.of(1, 1, 1, 1).name());
        assertThat(PurchaseModelKind.PARETO_NBD.key()).isEqualTo(ParetoNbdModel.of(1, 1, 1, 1).name());
    }
}
