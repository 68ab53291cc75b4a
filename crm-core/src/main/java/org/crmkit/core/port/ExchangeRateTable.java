package org.crmkit.core.port;

import java.util.List;
import org.crmkit.core.model.ExchangeRate;

/**
 * Dated exchange rates, kept as rows: a rate applies from its day until the day of the next rate
 * of the same two currencies, and the last one from its day on; a day before a pair's first rate
 * has none. In memory ({@link org.crmkit.core.memory.InMemoryExchangeRateTable}) or in the JDBC
 * store's {@code crm_exchange_rate}, whose facts convert in SQL through it.
 */
public interface ExchangeRateTable extends ExchangeRates {

    /**
     * Records a rate. Recording the same rate again changes nothing, so imports can be re-run.
     *
     * @param rate the rate; not null
     * @throws org.crmkit.core.InvalidValueException if another rate of the same two currencies from
     *     the same day is recorded
     */
    void record(ExchangeRate rate);

    /**
     * Every rate, ordered by currency code, target currency code and day.
     *
     * @return the rates; empty if none
     */
    List<ExchangeRate> all();

    /**
     * The message every table refuses a rate with that another rate of the same currencies and day
     * is recorded already, e.g. {@code The exchange rate from USD to CNY from 2026-03-02 is already
     * recorded as 7.1, not 7.2}.
     *
     * @param stored the rate recorded; not null
     * @param refused the other rate of the same currencies and day; not null
     * @return the message
     */
    static String alreadyRecorded(ExchangeRate stored, ExchangeRate refused) {
        return "The exchange rate from " + refused.currency().getCurrencyCode() + " to "
                + refused.into().getCurrencyCode() + " from " + refused.validFrom() + " is already recorded as "
                + stored.rate().toPlainString() + ", not " + refused.rate().toPlainString();
    }
}
