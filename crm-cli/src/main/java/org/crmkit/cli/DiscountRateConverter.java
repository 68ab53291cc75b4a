package org.crmkit.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts {@code --discount-rate}, an annual rate as a decimal fraction ({@code 0.10} for 10% a
 * year), zero or more; anything else is a usage error.
 */
final class DiscountRateConverter implements ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("not a decimal rate (e.g. 0.10 for 10% a year): '" + value + "'");
        }
        if (rate.signum() < 0) {
            throw new TypeConversionException("must not be negative, was '" + value + "'");
        }
        return rate;
    }
}
