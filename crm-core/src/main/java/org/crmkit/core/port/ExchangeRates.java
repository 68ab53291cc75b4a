package org.crmkit.core.port;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * Exchange rates: how much an amount of one currency on a day is worth in another. The facts
 * convert every purchase in another currency than the query's through them
 * ({@link org.crmkit.core.metrics.MetricsQuery#exchangeRates()}), one purchase at a time, by
 * {@link #convert}; a purchase whose currency has no rate for its day leaves its customer not
 * evaluable ({@link org.crmkit.core.NoExchangeRateException}).
 *
 * <p>crmkit has three kinds: {@link #none()}, the default, which converts nothing; fixed rates,
 * such as a policy's ({@link org.crmkit.core.model.FixedExchangeRates}); and dated rate tables
 * ({@link ExchangeRateTable}, in memory and in the JDBC store's {@code crm_exchange_rate}).
 * Implementations are thread-safe.
 */
public interface ExchangeRates {

    /**
     * The rate of a currency into another on a day.
     *
     * @param currency the currency converted from; not null
     * @param into the currency converted into; not null
     * @param day the day of the amount, such as an order day; not null
     * @return how much one unit of {@code currency} is in {@code into} on that day, more than zero;
     *     empty when unknown
     */
    Optional<BigDecimal> rate(Currency currency, Currency into, LocalDate day);

    /** @return rates that know no rate at all: nothing is converted */
    static ExchangeRates none() {
        return None.NONE;
    }

    /**
     * Converts one amount: {@code amount x rate}, exactly, rounded half-even to the decimals of the
     * target currency (2 for CNY, 0 for JPY). The one place where crmkit rounds money: the facts
     * convert each purchase with it, then sum the converted amounts exactly, in memory and in SQL alike.
     *
     * @param amount the amount in the currency converted from; not null
     * @param rate the rate; not null
     * @param into the currency converted into; not null
     * @return the amount in {@code into}
     */
    static BigDecimal convert(BigDecimal amount, BigDecimal rate, Currency into) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rate, "rate");
        return amount.multiply(rate).setScale(Math.max(into.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    }

    /** The rates of {@link #none()}. */
    enum None implements ExchangeRates {
        /** The one instance. */
        NONE;

        @Override
        public Optional<BigDecimal> rate(Currency currency, Currency into, LocalDate day) {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(into, "into");
            Objects.requireNonNull(day, "day");
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "no exchange rates";
        }
    }
}
