package org.crmkit.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.port.ExchangeRates;

/**
 * Exchange rates that do not change with the day, such as a policy's budget rates
 * ({@code exchange_rates: {USD: "7.10"}}): one rate per currency into one currency. Immutable and
 * thread-safe.
 *
 * @param into the currency every rate converts into; not null
 * @param rates the rate of each other currency, more than zero, by currency (sorted by code); not null
 */
public record FixedExchangeRates(Currency into, Map<Currency, BigDecimal> rates) implements ExchangeRates {

    /** Checks every rate and copies the map, sorted by currency code. */
    public FixedExchangeRates {
        Objects.requireNonNull(into, "into");
        Map<Currency, BigDecimal> copy = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        for (Map.Entry<Currency, BigDecimal> entry : Objects.requireNonNull(rates, "rates").entrySet()) {
            Currency currency = Objects.requireNonNull(entry.getKey(), "currency");
            BigDecimal rate = Objects.requireNonNull(entry.getValue(), "rate");
            if (currency.equals(into)) {
                throw new InvalidValueException("FixedExchangeRates into " + into.getCurrencyCode()
                        + " must not give a rate for " + into.getCurrencyCode() + " itself");
            }
            ExchangeRate.requirePositive(rate, () -> "FixedExchangeRates rate of " + currency.getCurrencyCode());
            copy.put(currency, rate);
        }
        rates = Collections.unmodifiableMap(copy);
    }

    /**
     * The fixed rates, whatever the day.
     *
     * @param currency the currency converted from; not null
     * @param target the currency converted into; not null
     * @param day the day of the amount; not null
     * @return the rate, or empty when {@code target} is not {@link #into} or the currency has no rate
     */
    @Override
    public Optional<BigDecimal> rate(Currency currency, Currency target, LocalDate day) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(day, "day");
        return target.equals(into) ? Optional.ofNullable(rates.get(currency)) : Optional.empty();
    }
}
