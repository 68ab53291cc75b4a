package org.crmkit.core;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in another currency than the one required, which the exchange rates given cannot
 * convert: they have no rate of its currency for its day. The customer it belongs to is not
 * evaluable; the message names the currency and the day, e.g. {@code Purchase 'o-2': no exchange
 * rate from USD to CNY on 2026-03-02}.
 */
public class NoExchangeRateException extends CurrencyMismatchException {
    private static final long serialVersionUID = 1L;

    private final LocalDate day;

    /**
     * Creates the exception.
     *
     * @param context what carried the amount, e.g. {@code "Purchase 'o-2'"}; not null
     * @param into the currency required; not null
     * @param currency the amount's currency; not null
     * @param day the amount's day, the day the rate was missing for; not null
     */
    public NoExchangeRateException(String context, Currency into, Currency currency, LocalDate day) {
        super(into, currency, Objects.requireNonNull(context, "context") + ": no exchange rate from "
                + currency.getCurrencyCode() + " to " + into.getCurrencyCode() + " on " + Objects.requireNonNull(day, "day"));
        this.day = day;
    }

    /** @return the day the rate was missing for */
    public LocalDate day() {
        return day;
    }
}
