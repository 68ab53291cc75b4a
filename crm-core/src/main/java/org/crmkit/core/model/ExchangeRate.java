package org.crmkit.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Supplier;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.internal.Checks;

/**
 * One row of an exchange-rate table: from a day on, an amount of one currency is worth
 * {@code rate} times as much in another, until the table's next rate of the same two currencies
 * takes over. The rate keeps every digit it was given, without trailing zeros, so that 7.10 and
 * 7.1 are one rate. Immutable and thread-safe.
 *
 * @param currency the currency converted from, e.g. USD; not null
 * @param into the currency converted into, e.g. CNY; not the same as {@code currency}; not null
 * @param validFrom the first day the rate applies to; not null
 * @param rate how much one unit of {@code currency} is in {@code into}, e.g. 7.10; more than zero; not null
 */
public record ExchangeRate(Currency currency, Currency into, LocalDate validFrom, BigDecimal rate) {

    /** Checks the invariants; drops the rate's trailing zeros. */
    public ExchangeRate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(into, "into");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(rate, "rate");
        if (currency.equals(into)) {
            throw new InvalidValueException("ExchangeRate from " + currency.getCurrencyCode()
                    + " must convert into another currency, was " + into.getCurrencyCode());
        }
        Currency from = currency;
        Currency to = into;
        LocalDate day = validFrom;
        requirePositive(rate, () -> "ExchangeRate from " + from.getCurrencyCode() + " to " + to.getCurrencyCode()
                + " on " + day);
        rate = Checks.shortest(rate);
    }

    /**
     * The one check of a rate's value, for this row and {@link FixedExchangeRates} alike.
     *
     * @param rate the rate
     * @param what names the rate in the message, e.g. {@code ExchangeRate from USD to CNY on 2026-01-01};
     *     built only when the rate is refused
     * @throws InvalidValueException if the rate is not more than zero
     */
    static void requirePositive(BigDecimal rate, Supplier<String> what) {
        if (rate.signum() <= 0) {
            throw new InvalidValueException(what.get() + " must be more than zero, was " + rate.toPlainString());
        }
    }

    /**
     * Creates a rate from ISO-4217 codes and a plain decimal, e.g. {@code of("USD", "CNY", day, "7.10")}.
     *
     * @param currency the code converted from; not null
     * @param into the code converted into; not null
     * @param validFrom the first day; not null
     * @param rate the rate as a plain decimal; not null
     * @return the rate
     * @throws InvalidValueException if a code is not ISO-4217, the rate not a plain decimal more than zero
     */
    public static ExchangeRate of(String currency, String into, LocalDate validFrom, String rate) {
        return new ExchangeRate(Money.currency(currency), Money.currency(into), validFrom, Money.parseAmount(rate));
    }
}
