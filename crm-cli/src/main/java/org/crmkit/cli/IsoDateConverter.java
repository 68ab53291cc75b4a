package org.crmkit.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts an ISO date argument such as {@code 2026-03-31}; anything else is a usage error. */
final class IsoDateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not an ISO date (YYYY-MM-DD): '" + value + "'");
        }
    }
}
