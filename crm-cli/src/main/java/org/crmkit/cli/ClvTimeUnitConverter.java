package org.crmkit.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.crmkit.rules.clv.ClvTimeUnit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --time-unit}, {@code days} or {@code weeks} in any case; anything else is a usage error. */
final class ClvTimeUnitConverter implements ITypeConverter<ClvTimeUnit> {
    @Override
    public ClvTimeUnit convert(String value) {
        return ClvTimeUnit.byKey(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new TypeConversionException("expected one of " + Arrays.stream(ClvTimeUnit.values())
                        .map(ClvTimeUnit::key).collect(Collectors.joining(", ")) + ", was '" + value + "'"));
    }
}
