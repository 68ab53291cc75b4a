package org.crmkit.core.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.NoExchangeRateException;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.port.ExchangeRates;

/**
 * What a metrics snapshot is computed for: the as-of day, the evaluation window, the time zone
 * in which moments become days, the currency in which spend is summed, and the exchange rates
 * that convert purchases in other currencies into it ({@link #amountOf}). Immutable and
 * thread-safe, as far as the exchange rates are.
 *
 * @param asOf the day the snapshot describes; not null
 * @param window the days whose purchases and inquiries count, ending on or before {@code asOf}; not null
 * @param zone the zone that turns interaction moments into days; not null
 * @param currency the currency of every sum; purchases in another are converted through the rates; not null
 * @param exchangeRates the rates into {@code currency}; {@link ExchangeRates#none()} to accept
 *     purchases in {@code currency} only; not null
 */
public record MetricsQuery(LocalDate asOf, DateWindow window, ZoneId zone, Currency currency,
        ExchangeRates exchangeRates) {

    /** Number of rolling quarters that {@code active_quarters} looks back over. */
    public static final int ACTIVE_QUARTER_LOOKBACK = 4;

    /** Checks that the window does not reach past the as-of day. */
    public MetricsQuery {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(exchangeRates, "exchangeRates");
        if (asOf.equals(LocalDate.MAX)) {
            // Quarters are counted back from the day after the as-of day, which must exist.
            throw new InvalidValueException("MetricsQuery asOf must be before " + LocalDate.MAX + ", was " + asOf);
        }
        if (window.end().isAfter(asOf)) {
            throw new InvalidValueException("MetricsQuery window " + window + " must not end after the as-of day " + asOf);
        }
    }

    /**
     * A query that accepts purchases in its currency only, converting none.
     *
     * @param asOf the day the snapshot describes; not null
     * @param window the days whose purchases and inquiries count; not null
     * @param zone the zone that turns interaction moments into days; not null
     * @param currency the only currency accepted for purchases; not null
     */
    public MetricsQuery(LocalDate asOf, DateWindow window, ZoneId zone, Currency currency) {
        this(asOf, window, zone, currency, ExchangeRates.none());
    }

    /**
     * Copy that converts purchases in other currencies through exchange rates.
     *
     * @param rates the rates into this query's currency; not null
     * @return the copy
     */
    public MetricsQuery withExchangeRates(ExchangeRates rates) {
        return new MetricsQuery(asOf, window, zone, currency, rates);
    }

    /**
     * A purchase's amount in the query's currency, where it counts towards a sum: as recorded when
     * it is in the query's currency (never rounded); otherwise converted at the rate of its currency
     * for its order day, {@link ExchangeRates#convert amount x rate rounded half-even} to the
     * currency's decimals, per purchase. The facts sum these amounts, so a sum never rounds again.
     *
     * @param purchase the purchase; not null
     * @param context names the purchase in the exception, e.g. {@code "Purchase 'o-2'"}; not null
     * @return the amount in the query's currency
     * @throws NoExchangeRateException if the rates have no rate for the purchase's currency and day
     * @throws CurrencyMismatchException if the purchase is in another currency and the query has no rates
     */
    public Money amountOf(Purchase purchase, String context) {
        Objects.requireNonNull(context, "context");
        return amountOf(purchase, unconverted -> context);
    }

    /**
     * As {@link #amountOf(Purchase, String)}, naming the purchase only when it cannot be converted:
     * the sums of the facts build no message for the purchases that count.
     *
     * @param purchase the purchase; not null
     * @param context names the purchase in the exception, e.g. {@code p -> "Purchase '" + p.id() + "'"}; not null
     * @return the amount in the query's currency
     * @throws NoExchangeRateException if the rates have no rate for the purchase's currency and day
     * @throws CurrencyMismatchException if the purchase is in another currency and the query has no rates
     */
    public Money amountOf(Purchase purchase, Function<? super Purchase, String> context) {
        Money amount = purchase.amount();
        Currency from = amount.currency();
        if (from.equals(currency)) {
            return amount;
        }
        Optional<BigDecimal> rate = exchangeRates.rate(from, currency, purchase.orderDate());
        if (rate.isEmpty()) {
            throw unconvertible(context.apply(purchase), from, purchase.orderDate());
        }
        return Money.of(currency, ExchangeRates.convert(amount.amount(), rate.get(), currency));
    }

    /**
     * Whether the query converts any currency: false for {@link ExchangeRates#none()}, when every
     * purchase that counts must be in the query's currency.
     *
     * @return true if the query has exchange rates
     */
    public boolean convertsCurrencies() {
        return exchangeRates != ExchangeRates.none();
    }

    /**
     * The exception for an amount in another currency that this query does not convert: every
     * facts source throws it, so that the sources fail alike. A {@link CurrencyMismatchException}
     * when the query has no rates at all, a {@link NoExchangeRateException} when its rates have
     * none for the currency and day.
     *
     * @param context names what carried the amount, e.g. {@code "Purchase 'o-2'"}; not null
     * @param from the amount's currency, not the query's; not null
     * @param day the amount's day; not null
     * @return the exception, to throw
     */
    public CurrencyMismatchException unconvertible(String context, Currency from, LocalDate day) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(day, "day");
        return convertsCurrencies() ? new NoExchangeRateException(context, currency, from, day)
                : new CurrencyMismatchException(context, currency, from);
    }

    /**
     * The window's first moment: the start of its first day in the query's zone. Every date,
     * {@link LocalDate#MIN} included, has one: Instant's range is wider than LocalDate's.
     *
     * @return the first moment whose interactions count
     */
    public Instant windowStart() {
        return window.start().atStartOfDay(zone).toInstant();
    }

    /**
     * The first moment after the window: the start of the day after its last day in the query's
     * zone. That day exists, as the window ends by the as-of day, which is before {@link LocalDate#MAX}.
     *
     * @return the first moment whose interactions no longer count (exclusive end)
     */
    public Instant windowEndExclusive() {
        return window.end().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The days whose purchases a snapshot needs: the window and the last four quarters.
     *
     * @return the span a metrics source has to read
     */
    public DateWindow purchaseSpan() {
        return window.span(quarter(ACTIVE_QUARTER_LOOKBACK - 1).span(quarter(0)));
    }

    /**
     * A rolling quarter ending at the as-of day: quarter 0 is the three months up to and
     * including {@code asOf} (as {@link DateWindow#trailingMonths} counts them), quarter 1 the
     * three months before that, and so on. Rolling quarters, not calendar quarters, so that a
     * date early in a calendar quarter is not judged on a few days; as of a quarter's last day
     * they are the calendar quarters.
     *
     * @param index 0 for the latest quarter
     * @return the quarter's days
     */
    public DateWindow quarter(int index) {
        if (index < 0) {
            throw new InvalidValueException("quarter index must not be negative, was " + index);
        }
        LocalDate endExclusive = asOf.plusDays(1);
        return new DateWindow(endExclusive.minusMonths(3L * (index + 1)),
                endExclusive.minusMonths(3L * index).minusDays(1));
    }
}
