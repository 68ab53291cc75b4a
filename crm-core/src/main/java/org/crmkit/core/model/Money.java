package org.crmkit.core.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;

/**
 * An exact amount of money in one currency; never a binary floating-point number.
 *
 * <p>The amount keeps every digit it was given (no rounding ever happens) and is stored with at
 * least the currency's usual number of decimal places, so {@code 10 CNY} and {@code 10.00 CNY}
 * are equal and print as {@code 10.00 CNY}. Arithmetic and comparison require the same
 * currency and throw {@link CurrencyMismatchException} otherwise. Immutable and thread-safe.
 *
 * @param amount the amount; not null
 * @param currency the ISO-4217 currency; not null
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** The regular expression of a plain decimal ({@link #isPlainDecimal}), for schemas that state the form. */
    public static final String PLAIN_DECIMAL = "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)";
    private static final Pattern PLAIN_DECIMAL_FORM = Pattern.compile(PLAIN_DECIMAL);


    /** Normalises the scale so that equal amounts are equal records. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minimumScale = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal stripped = amount.stripTrailingZeros();
        amount = stripped.setScale(Math.max(minimumScale, stripped.scale()));
    }

    /**
     * Creates an amount.
     *
     * @param currency the currency; not null
     * @param amount the amount; not null
     * @return the money
     */
    public static Money of(Currency currency, BigDecimal amount) {
        return new Money(amount, currency);
    }

    /**
     * Creates an amount from an ISO-4217 code and a decimal string, e.g. {@code of("CNY", "99999.99")}.
     *
     * @param currencyCode the ISO-4217 code; not null
     * @param amount the decimal amount, e.g. {@code "1200.50"}; not null
     * @return the money
     * @throws InvalidValueException if the code is not ISO-4217 or the amount is not a decimal number
     */
    public static Money of(String currencyCode, String amount) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /**
     * Creates an amount from an ISO-4217 code.
     *
     * @param currencyCode the ISO-4217 code; not null
     * @param amount the amount; not null
     * @return the money
     * @throws InvalidValueException if the code is not ISO-4217
     */
    public static Money of(String currencyCode, BigDecimal amount) {
        return new Money(amount, currency(currencyCode));
    }

    /**
     * Zero in a currency.
     *
     * @param currency the currency; not null
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Looks up an ISO-4217 currency by its code, case-sensitively as the standard writes it.
     *
     * @param code the three-letter code, e.g. {@code "CNY"}; not null
     * @return the currency
     * @throws InvalidValueException if no such currency exists
     */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "code");
        if (code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                // falls through to the library's own message
            }
        }
        throw new InvalidValueException("Unknown currency '" + code + "'");
    }

    /**
     * Whether a text is a plain decimal as amounts in files are written: an optional sign, digits
     * with an optional point and fraction, no exponent, grouping or white space ({@link #PLAIN_DECIMAL}).
     *
     * @param text the text; not null
     * @return whether {@link #parseAmount} reads it
     */
    public static boolean isPlainDecimal(String text) {
        return PLAIN_DECIMAL_FORM.matcher(Objects.requireNonNull(text, "text")).matches();
    }

    /**
     * Parses a plain decimal string such as {@code "1200.50"} or {@code "-3"}. Exponents,
     * grouping separators and white space are rejected: amounts in files are plain decimals.
     *
     * @param text the decimal string; not null
     * @return the exact value
     * @throws InvalidValueException if the text is not a plain decimal number
     */
    public static BigDecimal parseAmount(String text) {
        if (!isPlainDecimal(text)) {
            throw new InvalidValueException("not a decimal amount: '" + text + "'");
        }
        return new BigDecimal(text);
    }

    /**
     * Adds an amount in the same currency.
     *
     * @param other the amount to add; not null
     * @return the sum
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** @return true when the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** @return true when the amount is below zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @param other the amount to compare with; not null
     * @return negative, zero or positive as this amount is less than, equal to or more than the other
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException("amount " + other, currency, other.currency);
        }
    }

    /** @return the amount and the currency code, e.g. {@code "1200.50 CNY"} */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
