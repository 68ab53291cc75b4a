package org.crmkit.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an ISO date argument such as {@code 2026-03-31}; anything else is a usage error. Years
 * are limited to 0001..9999, like the dates in the input files: the calendar arithmetic of a
 * window around a day near the ends of {@link LocalDate}'s range would overflow.
 */
final class IsoDateConverter implements ITypeConverter<LocalDate> {
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    @Override
    public LocalDate convert(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not an ISO date (YYYY-MM-DD): '" + value + "'");
        }
        checkYear(date.getYear(), value);
        return date;
    }

    /**
     * Checks the year of a date or timestamp argument.
     *
     * @param year the year as written
     * @param value the argument, for the message
     * @throws TypeConversionException if the year is outside 0001..9999
     */
    static void checkYear(int year, String value) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new TypeConversionException("year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", was '"
                    + value + "'");
        }
    }
}
