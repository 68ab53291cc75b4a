package org.crmkit.core;

import java.util.Currency;
import java.util.Objects;

/**
 * Two amounts in different currencies met where one currency is required. crmkit converts only
 * where exchange rates are given ({@link org.crmkit.core.port.ExchangeRates}, through the facts'
 * query): money arithmetic never converts, and without rates an ERP that sells in several
 * currencies converts before it hands amounts over, or evaluates each currency with its own policy.
 * Where rates are given but have none for an amount's currency and day, the subclass
 * {@link NoExchangeRateException} says so.
 */
public class CurrencyMismatchException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    private final Currency expected;
    private final Currency actual;

    /**
     * Creates the exception.
     *
     * @param context what carried the wrong currency, e.g. {@code "purchase 'o-17'"}; not null
     * @param expected the currency that was required; not null
     * @param actual the currency that was found; not null
     */
    public CurrencyMismatchException(String context, Currency expected, Currency actual) {
        super(Objects.requireNonNull(context, "context") + ": currency " + actual.getCurrencyCode()
                + " does not match " + expected.getCurrencyCode()
                + " (crmkit does not convert currencies)");
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * Creates the exception with a message of its own, for subclasses.
     *
     * @param expected the currency that was required; not null
     * @param actual the currency that was found; not null
     * @param message the whole message; not null
     */
    protected CurrencyMismatchException(Currency expected, Currency actual, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** @return the currency that was required */
    public Currency expected() {
        return expected;
    }

    /** @return the currency that was found */
    public Currency actual() {
        return actual;
    }
}
