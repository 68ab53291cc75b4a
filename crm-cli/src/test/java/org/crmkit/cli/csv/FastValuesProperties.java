package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

/**
 * The fast readings never disagree with the full parsers: whatever a fast path accepts, the full
 * parser accepts with the same value. Texts are made of the pieces of the formats and their near
 * misses, so both paths are taken.
 */
class FastValuesProperties {
    private static Gen<String> texts(String... pieces) {
        Gen<List<String>> parts = Gens.of(pieces).list(0, 14);
        return parts.map(list -> String.join("", list));
    }

    private static Gen<String> dates() {
        Gen<String> valid = Gens.dates(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)).map(LocalDate::toString);
        Gen<String> odd = texts("0", "1", "2", "9", "-", "+", "02", "29", "30", "31", "13", "2024", "0000", "1900");
        return Gens.oneOf(valid, odd);
    }

    @Test
    void aFastDateIsTheDateTheFullParserReads() {
        Property.forAll(dates()).check(text -> {
            char[] c = text.toCharArray();
            int day = FastValues.epochDay(c, 0, c.length);
            if (day != FastValues.NOT_FAST) {
                assertThat((long) day).as(text).isEqualTo(Values.date(text).toEpochDay());
            }
        });
    }

    @Test
    void aFastTimestampIsTheMomentTheFullParserReads() {
        Gen<String> valid = Gens.dates(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)).flatMap(date ->
                source -> date + "T" + Gens.of("00:00", "23:59:59", "09:15:00", "12:00:00.5", "07:08:09.123456789",
                        "10:00:00.1234567890", "24:00", "12:60", "12:00:60", "12:00:00.").generate(source)
                        + Gens.of("Z", "+08:00", "-05:30", "+18:00", "-18:00", "+18:01", "-00:00", "+00:00", "z",
                                "+8:00", "+0800", "", "+19:00", "+08:60").generate(source));
        Property.forAll(valid).check(text -> {
            char[] c = text.toCharArray();
            long second = FastValues.epochSecond(c, 0, c.length);
            if (second != FastValues.NOT_FAST_LONG) {
                assertThat(second).as(text).isEqualTo(Values.timestamp(text).toEpochSecond());
            }
        });
    }

    @Test
    void aFastAmountWithinTheBoundIsTheAmountTheFullParserReadsInItsCurrency() {
        Gen<String> amounts = texts("0", "1", "5", "9", "00", "99", ".", ".5", "0.10", "123456789", "-", "+", "e");
        Gen<Currency> currencies = Gens.of(Money.currency("JPY"), Money.currency("CNY"), Money.currency("BHD"),
                Money.currency("CLF"));
        Property.forAll(amounts, currencies).check((text, currency) -> {
            char[] c = text.toCharArray();
            int scale = currency.getDefaultFractionDigits();
            long units = FastValues.unscaled(c, 0, c.length, scale);
            if (units != FastValues.NOT_FAST_LONG && units <= Values.maxUnits(scale)) {
                assertThat(BigDecimal.valueOf(units, scale)).as(text).isEqualByComparingTo(Values.amount(text, currency));
            } else if (units != FastValues.NOT_FAST_LONG) {
                // Read fast, but beyond the largest amount: the full parser says so.
                assertThatThrownBy(() -> Values.amount(text, currency)).as(text).isInstanceOf(InvalidValueException.class)
                        .hasMessageStartingWith("amount must be at most 1000000000000, was");
            }
        });
    }

    @Test
    void aFastWholeNumberIsAValidQuantityAndAPlainIdAValidId() {
        Gen<String> texts = texts("0", "1", "7", "c", "-", " ", "\t", "é", "\u0007", "x".repeat(60), ".");
        Property.forAll(texts).check(text -> {
            char[] c = text.toCharArray();
            if (FastValues.isPositiveWholeNumber(c, 0, c.length)) {
                assertThat(Values.quantity(text).signum()).isPositive();
            }
            if (FastValues.isPlainId(c, 0, c.length)) {
                assertThatCode(() -> CustomerId.of(text)).as(text).doesNotThrowAnyException();
            }
        });
    }
}
