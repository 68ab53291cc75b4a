package org.crmkit.cli;

import org.crmkit.cli.output.AgendaFormat;
import org.crmkit.core.InvalidValueException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --format} of {@code crm agenda}; an unknown format is a usage error. */
final class AgendaFormatConverter implements ITypeConverter<AgendaFormat> {
    @Override
    public AgendaFormat convert(String value) {
        try {
            return AgendaFormat.parse(value);
        } catch (InvalidValueException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
