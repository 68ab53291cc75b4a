package org.crmkit.core.internal;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/** Argument checks shared by the value types; not part of the API. */
public final class Checks {
    /** Longest identifier accepted; ERP keys are short, anything longer is a data error. */
    public static final int MAX_ID_LENGTH = 128;

    private Checks() {
    }

    /**
     * Checks an identifier: not blank, no surrounding white space, no control characters,
     * at most {@link #MAX_ID_LENGTH} characters.
     *
     * @param value the identifier
     * @param what the name used in the message, e.g. {@code "CustomerId"}
     * @return the value
     */
    public static String identifier(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.codePoints().allMatch(Checks::isSpace)) {
            throw new InvalidValueException(what + " must not be blank, was '" + value + "'");
        }
        if (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length()))) {
            throw new InvalidValueException(
                    what + " must not start or end with white space, was '" + value + "'");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidValueException(what + " must have at most " + MAX_ID_LENGTH
                    + " characters, was " + value.length() + " long");
        }
        if (value.codePoints().anyMatch(Checks::isInvisible)) {
            throw new InvalidValueException(
                    what + " must not contain control or invisible characters, was '" + value + "'");
        }
        return value;
    }

    /** White space in the widest sense, including no-break spaces that {@code String.strip} keeps. */
    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Control and format characters (such as a zero-width space): never meant in an identifier. */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /**
     * Checks free text that must say something: not blank.
     *
     * @param value the text
     * @param what the name used in the message
     * @return the value
     */
    public static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new InvalidValueException(what + " must not be blank");
        }
        return value;
    }

    /**
     * Checks that a count is zero or more.
     *
     * @param value the count
     * @param what the name used in the message
     * @return the value
     */
    public static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new InvalidValueException(what + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * A decimal in its shortest form, so that equal values are equal records: trailing zeros
     * stripped, and a whole number kept at scale 0 rather than a negative one ({@code 1E+2}).
     *
     * @param value the decimal; not null
     * @return e.g. {@code 2.5} for {@code 2.500}, {@code 100} for {@code 100.00}
     */
    public static BigDecimal shortest(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
