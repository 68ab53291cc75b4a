package org.crmkit.cli;

import org.crmkit.cli.output.LintFormat;
import org.crmkit.core.InvalidValueException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts the {@code --format} of {@code crm policy lint}; an unknown format is a usage error. */
final class LintFormatConverter implements ITypeConverter<LintFormat> {
    @Override
    public LintFormat convert(String value) {
        try {
            return LintFormat.parse(value);
        } catch (InvalidValueException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
