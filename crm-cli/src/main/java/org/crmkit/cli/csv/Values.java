package org.crmkit.cli.csv;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Money;

/**
 * Parsers for the value types of the interchange formats; each throws
 * {@link InvalidValueException} with a message that quotes the bad value.
 */
final class Values {
    private Values() {
    }

    /**
     * The first and last year of a date or timestamp. Java's dates reach further, but a window or
     * a time zone conversion around a day near those ends overflows: no ERP record is that old or
     * that far ahead, so such a value is a mistake in the export.
     */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    /** An ISO date, {@code 2026-03-02}, in the years 0001..9999. */
    static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("not an ISO date (YYYY-MM-DD): '" + text + "'");
        }
        checkYear(date.getYear(), text);
        return date;
    }

    /** An ISO-8601 timestamp with an offset, {@code 2026-03-02T09:15:00+08:00}, in the years 0001..9999. */
    static OffsetDateTime timestamp(String text) {
        OffsetDateTime timestamp;
        try {
            timestamp = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(text)) {
                throw new InvalidValueException("timestamp has no UTC offset: '" + text
                        + "', expected e.g. 2026-03-02T09:15:00+08:00");
            }
            throw new InvalidValueException("not an ISO-8601 timestamp with offset (e.g. 2026-03-02T09:15:00+08:00): '"
                    + text + "'");
        }
        checkYear(timestamp.getYear(), text);
        return timestamp;
    }

    /** The year as written, before any conversion to another offset. */
    private static void checkYear(int year, String text) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidValueException("year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", was '"
                    + text + "'");
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The largest amount of an order, a trillion in its currency: no order is worth more, and the
     * purchase models' spend model computes in doubles, which hold a trillion with up to three
     * decimals exactly (the customer summary files' average repeat values have the same bound).
     */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** {@link #MAX_AMOUNT} in units of 10^-scale, for the decimals a currency can have. */
    private static final long[] MAX_UNITS = {MAX_AMOUNT.longValueExact(), MAX_AMOUNT.movePointRight(1).longValueExact(),
        MAX_AMOUNT.movePointRight(2).longValueExact(), MAX_AMOUNT.movePointRight(3).longValueExact(),
        MAX_AMOUNT.movePointRight(4).longValueExact()};

    /** A plain decimal amount, zero to {@link #MAX_AMOUNT}. */
    static BigDecimal amount(String text) {
        BigDecimal amount = Money.parseAmount(text);
        if (amount.signum() < 0) {
            throw new InvalidValueException("amount must not be negative, was '" + text + "'");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidValueException("amount must be at most " + MAX_AMOUNT.toPlainString() + ", was '" + text
                    + "'");
        }
        return amount;
    }

    /**
     * An order's amount in its currency: as {@link #amount(String)}, with no more decimals than
     * the currency's minor unit (trailing zeros aside: {@code 12.500} is {@code 12.50} in CNY).
     * Money is not rounded: an amount the currency cannot pay is a mistake in the export. A
     * currency without a minor unit (gold, say) takes any decimals.
     *
     * @return the amount, with no more decimals than the currency's
     */
    static BigDecimal amount(String text, Currency currency) {
        BigDecimal amount = amount(text);
        int decimals = currency.getDefaultFractionDigits();
        if (decimals < 0 || amount.scale() <= decimals) {
            return amount;
        }
        try {
            return amount.setScale(decimals);
        } catch (ArithmeticException e) {
            String code = currency.getCurrencyCode();
            throw new InvalidValueException(decimals == 0
                    ? "amount must be a whole number in " + code + ", which has no minor unit, was '" + text + "'"
                    : "amount must have at most " + decimals + " decimal" + (decimals == 1 ? "" : "s") + " in " + code
                            + ", was '" + text + "'");
        }
    }

    /**
     * The largest amount in units of 10^-scale, for amounts read in that form.
     *
     * @param scale the currency's decimals, 0 to 4
     * @return {@link #MAX_AMOUNT} in those units
     */
    static long maxUnits(int scale) {
        return MAX_UNITS[scale];
    }

    /** A plain decimal quantity, more than zero. */
    static BigDecimal quantity(String text) {
        BigDecimal quantity;
        try {
            quantity = Money.parseAmount(text);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("not a decimal number: '" + text + "'");
        }
        if (quantity.signum() <= 0) {
            throw new InvalidValueException("quantity must be more than zero, was '" + text + "'");
        }
        return quantity;
    }

    /**
     * A whole-number score on a survey's scale, e.g. CSAT 1..5.
     *
     * @param min the lowest score
     * @param max the highest score
     */
    static int score(String text, int min, int max) {
        int score;
        try {
            score = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("not a whole number: '" + text + "'");
        }
        if (score < min || score > max) {
            throw new InvalidValueException("score must be " + min + " to " + max + ", was '" + text + "'");
        }
        return score;
    }

    /** An ISO-4217 currency code. */
    static Currency currency(String text) {
        return Money.currency(text);
    }

    /** An IANA time zone name. */
    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidValueException("unknown time zone '" + text
                    + "', expected an IANA name such as Asia/Shanghai");
        }
    }

    /** {@code true} or {@code false}, in any case. */
    static boolean flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("expected true or false, was '" + text + "'");
        };
    }
}
