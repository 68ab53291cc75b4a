package org.crmkit.rules.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.port.ExchangeRates;

/**
 * What every capability of a policy shares: identity and version, the day it takes effect,
 * the currency of its amounts, the time zone of its dates, the evaluation window, and the exchange
 * rates that convert purchases in other currencies into the policy's. Immutable and thread-safe,
 * as far as the exchange rates are.
 *
 * @param ref the policy id and version; not null
 * @param effectiveFrom the day the policy takes effect; recorded for audit; not null
 * @param currency the currency of every amount in the policy and of the evaluated sums; not null
 * @param zone the zone in which "today" and the days of moments are determined; not null
 * @param window the evaluation window of metrics; not null
 * @param exchangeRates the rates into {@code currency} that convert purchases in other currencies:
 *     the file's {@code exchange_rates} as {@link org.crmkit.core.model.FixedExchangeRates}, a rate
 *     table given with {@link #withExchangeRates}, or {@link ExchangeRates#none()}; not null
 */
public record PolicyHeader(PolicyRef ref, LocalDate effectiveFrom, Currency currency, ZoneId zone,
        EvaluationWindow window, ExchangeRates exchangeRates) {

    /** Checks the invariants. */
    public PolicyHeader {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(exchangeRates, "exchangeRates");
    }

    /**
     * A header without exchange rates: purchases must be in the policy's currency.
     *
     * @param ref the policy id and version; not null
     * @param effectiveFrom the day the policy takes effect; not null
     * @param currency the currency of every amount; not null
     * @param zone the zone of "today" and of days; not null
     * @param window the evaluation window; not null
     */
    public PolicyHeader(PolicyRef ref, LocalDate effectiveFrom, Currency currency, ZoneId zone,
            EvaluationWindow window) {
        this(ref, effectiveFrom, currency, zone, window, ExchangeRates.none());
    }

    /**
     * Copy with other exchange rates, such as a store's rate table
     * ({@code header.withExchangeRates(store.exchangeRates())}).
     *
     * @param rates the rates into the policy's currency; not null
     * @return the copy
     */
    public PolicyHeader withExchangeRates(ExchangeRates rates) {
        return new PolicyHeader(ref, effectiveFrom, currency, zone, window, rates);
    }

    /**
     * Today in the policy's time zone: the default as-of day.
     *
     * @param clock the clock; not null
     * @return today's date where the policy's business runs
     */
    public LocalDate today(Clock clock) {
        return LocalDate.now(Objects.requireNonNull(clock, "clock").withZone(zone));
    }

    /**
     * The metrics query for an as-of day under this policy.
     *
     * @param asOf the day; not null
     * @return the query with this policy's window, zone, currency and exchange rates
     */
    public MetricsQuery metricsQuery(LocalDate asOf) {
        return new MetricsQuery(asOf, window.asOf(asOf), zone, currency, exchangeRates);
    }
}
