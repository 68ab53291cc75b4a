package org.crmkit.cli;

import org.crmkit.cli.output.OutputFormat;
import org.crmkit.core.InvalidValueException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --format}; an unknown format is a usage error. */
final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
        try {
            return OutputFormat.parse(value);
        } catch (InvalidValueException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
