package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void wholeAmountEqualsTheSameAmountWithTheCurrencysDecimalPlaces() {
        Money whole = Money.of("CNY", "10");
        Money withCents = Money.of("CNY", "10.00");

        assertThat(whole).isEqualTo(withCents).hasSameHashCodeAs(withCents);
        assertThat(whole.amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(whole.amount().scale()).isEqualTo(2);
    }

    @Test
    void trailingZerosBeyondTheCurrencysDecimalPlacesDoNotMatter() {
        assertThat(Money.of("CNY", "10.000000")).isEqualTo(Money.of("CNY", "10"));
        assertThat(Money.of("CNY", "10.0050")).isEqualTo(Money.of("CNY", "10.005"));
    }

    @Test
    void yenHasNoDecimalPlaces() {
        Money yen = Money.of("JPY", "1200.0");

        assertThat(yen.amount()).isEqualTo(new BigDecimal("1200"));
        assertThat(yen).isEqualTo(Money.of("JPY", "1200")).hasToString("1200 JPY");
    }

    @Test
    void dinarHasThreeDecimalPlaces() {
        assertThat(Money.of("BHD", "1")).hasToString("1.000 BHD");
    }

    @ParameterizedTest
    @CsvSource({
        "CNY, 10.005,      10.005 CNY",
        "CNY, 0.0000001,   0.0000001 CNY",
        "JPY, 10.5,        10.5 JPY",
        "USD, 1234567890123456789.123456789, 1234567890123456789.123456789 USD",
    })
    void keepsEveryDigitBeyondTheCurrencysDecimalPlaces(String code, String amount, String printed) {
        Money money = Money.of(code, amount);

        assertThat(money).hasToString(printed);
        assertThat(money.amount()).isEqualByComparingTo(amount);
    }

    @ParameterizedTest
    @CsvSource({
        "CNY, 1200,     1200.00 CNY",
        "CNY, 1200.5,   1200.50 CNY",
        "CNY, -3,       -3.00 CNY",
        "CNY, 0,        0.00 CNY",
        "CNY, -0.00,    0.00 CNY",
        "USD, 99999.99, 99999.99 USD",
        "JPY, 0.000,    0 JPY",
    })
    void printsThePlainAmountAndTheCurrencyCode(String code, String amount, String printed) {
        assertThat(Money.of(code, amount)).hasToString(printed);
    }

    @Test
    void bigDecimalWithExponentIsNormalisedToAPlainAmount() {
        Money money = Money.of(CNY, new BigDecimal("1.2E+3"));

        assertThat(money).hasToString("1200.00 CNY").isEqualTo(Money.of("CNY", "1200"));
    }

    @Test
    void zeroIsZeroAndNotNegative() {
        Money zero = Money.zero(CNY);

        assertThat(zero).isEqualTo(Money.of("CNY", "0.000")).hasToString("0.00 CNY");
        assertThat(zero.isZero()).isTrue();
        assertThat(zero.isNegative()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "-0.01, false, true",
        "0.01,  false, false",
        "0.00,  true,  false",
    })
    void tellsZeroAndNegativeAmounts(String amount, boolean zero, boolean negative) {
        Money money = Money.of("CNY", amount);

        assertThat(money.isZero()).isEqualTo(zero);
        assertThat(money.isNegative()).isEqualTo(negative);
    }

    @ParameterizedTest
    @CsvSource({
        "0,           0",
        "1200.50,     1200.50",
        "-3,          -3",
        "+7,          7",
        ".5,          0.5",
        "5.,          5",
        "00012,       12",
        "0.000,       0.000",
        "12345678901234567890.123456789, 12345678901234567890.123456789",
    })
    void parsesPlainDecimalsExactly(String text, String exact) {
        assertThat(Money.parseAmount(text)).isEqualTo(new BigDecimal(exact));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E5", "1.5e-3", "1,000", "1 000", "1_000", " 5", "5 ", "", " ", ".", "+", "-",
        "--1", "+-1", "1.2.3", "abc", "NaN", "Infinity", "0x10", "５", "\u0663"})
    void rejectsAmountsThatAreNotPlainDecimals(String text) {
        assertThatThrownBy(() -> Money.parseAmount(text))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("not a decimal amount: '" + text + "'");
    }

    @Test
    void ofWithABadAmountQuotesTheAmount() {
        assertThatThrownBy(() -> Money.of("CNY", "1,000.00"))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("not a decimal amount: '1,000.00'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNY", "USD", "EUR", "JPY", "HKD"})
    void looksUpIsoCurrencies(String code) {
        assertThat(Money.currency(code)).isEqualTo(Currency.getInstance(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RMB", "cny", "Cny", "", "CN", "CNYY", " CNY", "CNY ", "ZZZ", "12A", "ＣＮＹ"})
    void rejectsUnknownCurrencyCodes(String code) {
        assertThatThrownBy(() -> Money.currency(code))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown currency '" + code + "'");
        assertThatThrownBy(() -> Money.of(code, "10"))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown currency '" + code + "'");
        assertThatThrownBy(() -> Money.of(code, BigDecimal.TEN))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown currency '" + code + "'");
    }

    @Test
    void addsExactly() {
        assertThat(Money.of("CNY", "10").plus(Money.of("CNY", "0.005"))).hasToString("10.005 CNY");
        assertThat(Money.of("CNY", "0.10").plus(Money.of("CNY", "0.20"))).isEqualTo(Money.of("CNY", "0.3"));
    }

    @Test
    void addingAnotherCurrencyNamesBothCurrenciesAndTheAmount() {
        Money yuan = Money.of("CNY", "10");
        Money dollars = Money.of("USD", "2");

        assertThatThrownBy(() -> yuan.plus(dollars))
                .isExactlyInstanceOf(CurrencyMismatchException.class)
                .hasMessage("amount 2.00 USD: currency USD does not match CNY (crmkit does not convert currencies)")
                .satisfies(e -> {
                    CurrencyMismatchException mismatch = (CurrencyMismatchException) e;
                    assertThat(mismatch.expected()).isEqualTo(CNY);
                    assertThat(mismatch.actual()).isEqualTo(USD);
                });
    }

    @ParameterizedTest
    @CsvSource({
        "10,    10.00, 0",
        "9.99,  10,    -1",
        "10.001, 10,   1",
        "-1,    0,     -1",
    })
    void comparesAmountsOfTheSameCurrency(String left, String right, int sign) {
        assertThat(Integer.signum(Money.of("CNY", left).compareTo(Money.of("CNY", right)))).isEqualTo(sign);
    }

    @Test
    void comparingAnotherCurrencyIsAMismatch() {
        assertThatThrownBy(() -> Money.of("USD", "1").compareTo(Money.of("CNY", "1")))
                .isExactlyInstanceOf(CurrencyMismatchException.class)
                .hasMessage("amount 1.00 CNY: currency CNY does not match USD (crmkit does not convert currencies)");
    }

    @Test
    void sameAmountInAnotherCurrencyIsNotEqual() {
        assertThat(Money.of("CNY", "10")).isNotEqualTo(Money.of("USD", "10"));
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> Money.of(CNY, null)).isInstanceOf(NullPointerException.class).hasMessage("amount");
        assertThatThrownBy(() -> Money.zero(null)).isInstanceOf(NullPointerException.class).hasMessage("currency");
        assertThatThrownBy(() -> Money.parseAmount(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> Money.currency(null)).isInstanceOf(NullPointerException.class).hasMessage("code");
        assertThatThrownBy(() -> Money.zero(CNY).plus(null))
                .isInstanceOf(NullPointerException.class).hasMessage("other");
    }

    @Test
    void keepsTheExactValueWithAtLeastTheCurrencysScale() {
        Property.forAll(decimals()).check(value -> {
            Money money = Money.of(CNY, value);

            assertThat(money.amount()).isEqualByComparingTo(value);
            assertThat(money.amount().scale()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void numericallyEqualAmountsAreEqual() {
        Property.forAll(decimals(), Gens.integers(0, 6)).check((value, zeros) -> {
            BigDecimal padded = value.setScale(value.scale() + zeros);

            assertThat(Money.of(CNY, padded)).isEqualTo(Money.of(CNY, value))
                    .hasSameHashCodeAs(Money.of(CNY, value));
        });
    }

    @Test
    void additionIsExact() {
        Property.forAll(decimals(), decimals()).check((a, b) -> {
            Money sum = Money.of(CNY, a).plus(Money.of(CNY, b));

            assertThat(sum.amount()).isEqualByComparingTo(a.add(b));
            assertThat(sum.currency()).isEqualTo(CNY);
        });
    }

    @Test
    void additionIsCommutative() {
        Property.forAll(decimals(), decimals()).check((a, b) -> {
            Money x = Money.of(CNY, a);
            Money y = Money.of(CNY, b);

            assertThat(x.plus(y)).isEqualTo(y.plus(x));
        });
    }

    @Test
    void additionIsAssociative() {
        Property.forAll(decimals(), decimals(), decimals()).check((a, b, c) -> {
            Money x = Money.of(CNY, a);
            Money y = Money.of(CNY, b);
            Money z = Money.of(CNY, c);

            assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
        });
    }

    @Test
    void zeroIsTheIdentityOfAddition() {
        Property.forAll(decimals()).check(a -> {
            Money x = Money.of(CNY, a);

            assertThat(x.plus(Money.zero(CNY))).isEqualTo(x);
        });
    }

    @Test
    void plainStringsOfDecimalsParseBackExactly() {
        Property.forAll(decimals()).check(value ->
                assertThat(Money.parseAmount(value.toPlainString())).isEqualByComparingTo(value));
    }

    /** Any sign, up to 30 digits, scales from -5 (1E+5) to 12. */
    static Gen<BigDecimal> decimals() {
        Gen<BigInteger> unscaled = Gens.bigIntegers(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .withEdgeCases(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate());
        Gen<Integer> scales = Gens.integers(-5, 12);
        return source -> new BigDecimal(unscaled.generate(source), scales.generate(source));
    }
}
