package org.crmkit.cli.csv;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Allocation-free readings of the common spellings of values, straight from a row's characters:
 * each accepts only a form that {@link Values} (or crm-core's parsers) certainly accept with the
 * same result, and answers "not this form" for everything else, which the caller then hands to the
 * full parser for its verdict and its message. So the fast paths never change what is valid.
 */
final class FastValues {
    /** Not a value in the fast form. */
    static final int NOT_FAST = Integer.MIN_VALUE;
    /** Not a value in the fast form. */
    static final long NOT_FAST_LONG = Long.MIN_VALUE;

    /**
     * Dates are read by table, ten million order dates without a division: the epoch day of each
     * year's January 1 (years 1 to 9999, which is all a four-digit year can be), whether the year
     * is a leap year (1) or not (0), and the days before each month (1 to 12) in either kind.
     */
    private static final int[] YEAR_START = new int[10_000];
    private static final byte[] LEAP = new byte[10_000];
    private static final int[][] MONTH_START = new int[2][13];

    static {
        for (int year = 1; year < YEAR_START.length; year++) {
            YEAR_START[year] = (int) LocalDate.of(year, 1, 1).toEpochDay();
            LEAP[year] = (byte) (Year.isLeap(year) ? 1 : 0);
        }
        for (int leap = 0; leap < 2; leap++) {
            for (int month = 2; month <= 12; month++) {
                MONTH_START[leap][month] = MONTH_START[leap][month - 1]
                        + Month.of(month - 1).length(leap == 1);
            }
        }
    }

    private static final int MAX_ID_LENGTH = 128;
    /** Digits that always fit a long, whatever they are. */
    private static final int MAX_LONG_DIGITS = 18;

    private FastValues() {
    }

    /**
     * Whether a value is an identifier as crm-core's checks accept it, judged on its printable
     * ASCII form: 1 to 128 characters from U+0020 to U+007E, not starting or ending with a space.
     * False means "ask crm-core", not "invalid".
     */
    static boolean isPlainId(char[] c, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_ID_LENGTH || c[start] == ' ' || c[end - 1] == ' ') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (ch < ' ' || ch > '~') {
                return false;
            }
        }
        return true;
    }

    /** A 64-bit fingerprint of a value's characters, well mixed in every bit; never 0. */
    static long hash(char[] c, int start, int end) {
        long h = 0x9E3779B97F4A7C15L ^ (end - start);
        for (int i = start; i < end; i++) {
            h = (h ^ c[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return finish(h);
    }

    /**
     * The {@link #hash} of an id that {@link #isPlainId} accepts, in one pass over its characters.
     *
     * @return the hash, or 0 when the id is not plain (ask crm-core, and hash it with {@link #hash})
     */
    static long plainIdHash(char[] c, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_ID_LENGTH || c[start] == ' ' || c[end - 1] == ' ') {
            return 0;
        }
        long h = 0x9E3779B97F4A7C15L ^ length;
        int outside = 0;
        for (int i = start; i < end; i++) {
            char ch = c[i];
            outside |= (ch - ' ') | ('~' - ch);
            h = (h ^ ch) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return outside < 0 ? 0 : finish(h);
    }

    private static long finish(long mixed) {
        long h = mixed;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /**
     * An ISO date {@code YYYY-MM-DD} with a four-digit year from 0001 to 9999, as its epoch day.
     *
     * @return the epoch day, or {@link #NOT_FAST}
     */
    static int epochDay(char[] c, int start, int end) {
        if (end - start != 10 || c[start + 4] != '-' || c[start + 7] != '-') {
            return NOT_FAST;
        }
        int year = digits(c, start, 4);
        int month = digits(c, start + 5, 2);
        int day = digits(c, start + 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return NOT_FAST;
        }
        return (int) epochDay(year, month, day);
    }

    /** As {@link LocalDate#toEpochDay()}, for years 1 to 9999. */
    static long epochDay(int year, int month, int day) {
        return YEAR_START[year] + MONTH_START[LEAP[year]][month] + day - 1;
    }

    /**
     * An ISO-8601 timestamp {@code YYYY-MM-DDTHH:MM[:SS[.fraction]]} with {@code Z} or an offset
     * {@code +HH:MM}, year 0001 to 9999, as its epoch second (the fraction does not change the day).
     *
     * @return the epoch second, or {@link #NOT_FAST_LONG}
     */
    static long epochSecond(char[] c, int start, int end) {
        if (end - start < 17 || c[start + 10] != 'T' || c[start + 13] != ':') {
            return NOT_FAST_LONG;
        }
        int day = epochDay(c, start, start + 10);
        int hour = digits(c, start + 11, 2);
        int minute = digits(c, start + 14, 2);
        if (day == NOT_FAST || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return NOT_FAST_LONG;
        }
        int i = start + 16;
        int second = 0;
        if (c[i] == ':') {
            if (end - i < 3) {
                return NOT_FAST_LONG;
            }
            second = digits(c, i + 1, 2);
            if (second < 0 || second > 59) {
                return NOT_FAST_LONG;
            }
            i += 3;
            if (i < end && c[i] == '.') {
                int fraction = ++i;
                while (i < end && c[i] >= '0' && c[i] <= '9') {
                    i++;
                }
                if (i == fraction || i - fraction > 9) {
                    return NOT_FAST_LONG;
                }
            }
        }
        int offset;
        if (end - i == 1 && c[i] == 'Z') {
            offset = 0;
        } else if (end - i == 6 && (c[i] == '+' || c[i] == '-') && c[i + 3] == ':') {
            int hours = digits(c, i + 1, 2);
            int minutes = digits(c, i + 4, 2);
            if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) {
                return NOT_FAST_LONG;
            }
            offset = (hours * 3600 + minutes * 60) * (c[i] == '-' ? -1 : 1);
        } else {
            return NOT_FAST_LONG;
        }
        return day * 86_400L + hour * 3600L + minute * 60L + second - offset;
    }

    /**
     * A plain decimal amount, zero or more, of digits with at most one point and no sign, that
     * fits a long as a count of units of {@code 10^-scale}: trailing zeros beyond the scale are
     * fine, other digits beyond it are not.
     *
     * @return the amount in units of {@code 10^-scale}, or {@link #NOT_FAST_LONG}
     */
    static long unscaled(char[] c, int start, int end, int scale) {
        long value = 0;
        int digits = 0;
        int fraction = -1;
        int i = start;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                if (fraction >= 0 && fraction >= scale) {
                    if (ch != '0') {
                        return NOT_FAST_LONG;
                    }
                    continue;
                }
                value = value * 10 + (ch - '0');
                if (value != 0 && ++digits > MAX_LONG_DIGITS) {
                    return NOT_FAST_LONG;
                }
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (ch == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return NOT_FAST_LONG;
            }
        }
        boolean hasDigit = end - start > (fraction >= 0 ? 1 : 0);
        if (!hasDigit) {
            return NOT_FAST_LONG;
        }
        for (int f = Math.max(fraction, 0); f < scale; f++) {
            value *= 10;
        }
        return digits + scale > MAX_LONG_DIGITS ? NOT_FAST_LONG : value;
    }

    /** Whether a value is a whole number of plain digits above zero, which every quantity check accepts. */
    static boolean isPositiveWholeNumber(char[] c, int start, int end) {
        if (end - start < 1 || end - start > MAX_LONG_DIGITS) {
            return false;
        }
        boolean nonZero = false;
        for (int i = start; i < end; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return false;
            }
            nonZero |= ch != '0';
        }
        return nonZero;
    }

    /** Whether the characters are exactly the text. */
    static boolean equals(char[] c, int start, int end, String text) {
        if (end - start != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (c[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int digits(char[] c, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> 28 + LEAP[year];
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
