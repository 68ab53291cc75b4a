package org.crmkit.rules.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the churn risk combines; each factor turns one or two signals into a risk from 0 to 1. */
public enum ChurnFactor {
    /** 1 - P(alive) from the purchase model; not counted when no model was fitted. */
    P_ALIVE,
    /**
     * Days since the last purchase against the customer's own mean time between purchases: no
     * risk up to 1x, full risk at the policy's {@code recency_full_risk_ratio}; not counted with
     * fewer than two purchase days.
     */
    RECENCY,
    /** A falling spend trend: a drop by half is risk 0.5, no spend at all in the later half is 1. */
    SPEND_TREND,
    /** Open complaints: 1 with a breached service level still open, 0.5 with an open complaint. */
    COMPLAINTS,
    /** Falling satisfaction: a CSAT drop of 4 points is risk 1; not counted with fewer than two answers. */
    SATISFACTION;

    /** @return the policy name, e.g. {@code "spend_trend"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a factor by its policy name.
     *
     * @param key e.g. {@code "recency"}; not null
     * @return the factor, or empty
     */
    public static Optional<ChurnFactor> byKey(String key) {
        return Arrays.stream(values()).filter(factor -> factor.key().equals(key)).findFirst();
    }

    /** @return the policy names of all factors, comma-separated */
    public static String knownKeys() {
        return Arrays.stream(values()).map(ChurnFactor::key).collect(Collectors.joining(", "));
    }
}
