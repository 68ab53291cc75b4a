package org.crmkit.core.facts;

/**
 * The facts beyond the metrics snapshot that a {@link FactsQuery} may ask for. Sources compute only
 * what is asked, so that tiering a million customers does not pay for survey answers; a group not
 * asked for is absent from the {@link CustomerFacts}, and the signals it would give are unknown.
 */
public enum FactGroup {
    /** The whole purchase history up to the as-of day: {@link PurchaseHistoryFacts}. */
    HISTORY,
    /** Purchases, interactions and survey answers in the evaluation window: {@link ActivityFacts}. */
    ACTIVITY
}
