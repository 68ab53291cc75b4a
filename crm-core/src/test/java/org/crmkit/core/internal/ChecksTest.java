package org.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksTest {
    @ParameterizedTest
    @CsvSource({"2.500, 2.5", "100.00, 100", "1E+2, 100", "0.000, 0", "-3.10, -3.1", "7, 7"})
    void theShortestFormOfADecimalHasNoTrailingZerosAndNoNegativeScale(String value, String shortest) {
        BigDecimal result = Checks.shortest(new BigDecimal(value));

        assertThat(result.toString()).isEqualTo(shortest);
        assertThat(result.scale()).isNotNegative();
    }
}
