package org.crmkit.rules.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.PolicyRef;

/**
 * What every capability of a policy shares: identity and version, the day it takes effect,
 * the currency of its amounts, the time zone of its dates, and the evaluation window.
 * Immutable and thread-safe.
 *
 * @param ref the policy id and version; not null
 * @param effectiveFrom the day the policy takes effect; recorded for audit; not null
 * @param currency the currency of every amount in the policy and in evaluated purchases; not null
 * @param zone the zone in which "today" and the days of moments are determined; not null
 * @param window the evaluation window of metrics; not null
 */
public record PolicyHeader(PolicyRef ref, LocalDate effectiveFrom, Currency currency, ZoneId zone,
        EvaluationWindow window) {

    /** Checks the invariants. */
    public PolicyHeader {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(window, "window");
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
     * @return the query with this policy's window, zone and currency
     */
    public MetricsQuery metricsQuery(LocalDate asOf) {
        return new MetricsQuery(asOf, window.asOf(asOf), zone, currency);
    }
}
