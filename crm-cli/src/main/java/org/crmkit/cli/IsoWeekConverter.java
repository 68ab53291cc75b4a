package org.crmkit.cli;

import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.sla.WeeklyReview;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --week}, an ISO week such as {@code 2026-W10}; anything else is a usage error. */
final class IsoWeekConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        String text = value.strip();
        try {
            WeeklyReview.mondayOf(text);
            return text;
        } catch (InvalidValueException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
