package org.crmkit.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts {@code --as-of} of {@code crm sla}: an ISO-8601 timestamp with an offset
 * ({@code 2026-03-02T18:00:00+08:00}) or an ISO date ({@code 2026-03-02}), years 0001..9999 like
 * everywhere; anything else is a usage error.
 */
final class AsOfMomentConverter implements ITypeConverter<AsOfMoment> {
    @Override
    public AsOfMoment convert(String value) {
        String text = value.strip();
        try {
            OffsetDateTime moment = OffsetDateTime.parse(text);
            IsoDateConverter.checkYear(moment.getYear(), value);
            return AsOfMoment.of(moment);
        } catch (DateTimeParseException notAMoment) {
            // a date, or a mistake
        }
        try {
            LocalDate day = LocalDate.parse(text);
            IsoDateConverter.checkYear(day.getYear(), value);
            return AsOfMoment.of(day);
        } catch (DateTimeParseException notADay) {
            // a mistake
        }
        if (isLocalDateTime(text)) {
            throw new TypeConversionException("timestamp has no UTC offset: '" + value
                    + "', expected e.g. 2026-03-02T18:00:00+08:00");
        }
        throw new TypeConversionException("not a timestamp with offset (e.g. 2026-03-02T18:00:00+08:00) or an ISO"
                + " date (YYYY-MM-DD): '" + value + "'");
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
