package org.crmkit.core.metrics;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The relationship signals that lifecycle and relationship-level conditions can test besides the
 * {@link Metric metrics}, by the names policy files use. "In the window" means the policy's
 * evaluation window of the {@link CustomerMetrics} snapshot; history counts go back to the first
 * record on or before the as-of day.
 *
 * <p>A {@link CustomerSignals} snapshot that was not told a signal does not know it: a condition
 * on it does not hold, and the churn risk leaves its factor out.
 */
public enum Signal implements Measure {
    /** Purchase days after the first one, over the whole history (several orders on a day are one purchase). */
    REPEAT_PURCHASES("repeat_purchases", Kind.COUNT, OptionalInt.empty()),
    /** Distinct product categories bought in the window. */
    CATEGORIES("categories", Kind.COUNT, OptionalInt.empty()),
    /** Purchases in the window in the categories the policy names as value-added services. */
    VALUE_ADDED_SERVICES("value_added_services", Kind.COUNT, OptionalInt.empty()),
    /** Service-level milestones met in the window, on the customer's complaints and inquiries. */
    SLA_MET("sla_met", Kind.COUNT, OptionalInt.empty()),
    /** Service-level milestones breached in the window. */
    SLA_BREACHES("sla_breaches", Kind.COUNT, OptionalInt.empty()),
    /** Breached milestones of cases still open on the as-of day. */
    OPEN_BREACHES("open_breaches", Kind.COUNT, OptionalInt.empty()),
    /** Complaints open on the as-of day. */
    OPEN_COMPLAINTS("open_complaints", Kind.COUNT, OptionalInt.empty()),
    /** Referral interactions in the window: customers the customer brought. */
    REFERRALS("referrals", Kind.COUNT, OptionalInt.empty()),
    /** Event interactions in the window: events the customer took part in. */
    EVENTS("events", Kind.COUNT, OptionalInt.empty()),
    /** Trial interactions in the window: new-product tests the customer took part in. */
    TRIALS("trials", Kind.COUNT, OptionalInt.empty()),
    /** Meetings in the window whose outcome is {@code joint_planning}. */
    JOINT_PLANNING("joint_planning", Kind.COUNT, OptionalInt.empty()),
    /** Survey answers in the window with a net promoter score of 9 or 10. */
    PROMOTER_ANSWERS("promoter_answers", Kind.COUNT, OptionalInt.empty()),
    /** The latest satisfaction (CSAT 1-5) minus the one before it; unknown with fewer than two answers. */
    SATISFACTION_CHANGE("satisfaction_change", Kind.RATIO, OptionalInt.empty()),
    /** Days from the first purchase to the as-of day; 0 without a purchase. */
    DAYS_SINCE_FIRST_PURCHASE("days_since_first_purchase", Kind.COUNT, OptionalInt.empty()),
    /** Days from the latest purchase to the as-of day; 0 without a purchase. */
    DAYS_SINCE_LAST_PURCHASE("days_since_last_purchase", Kind.COUNT, OptionalInt.empty()),
    /**
     * Spend in the later half of the window against the earlier half, as a change: 0.25 is a
     * quarter more, -1 is nothing in the later half (or nothing in the window after earlier
     * purchases). New spend after none counts as 1 (doubling). Unknown without a purchase.
     */
    SPEND_TREND("spend_trend", Kind.RATIO, OptionalInt.empty()),
    /**
     * Days since the latest purchase divided by the customer's own mean days between purchases;
     * above 1 means overdue. Unknown with fewer than two purchase days.
     */
    RECENCY_RATIO("recency_ratio", Kind.RATIO, OptionalInt.empty()),
    /** The probability that the customer is still active, from the purchase model; 0 to 1. */
    P_ALIVE("p_alive", Kind.RATIO, OptionalInt.of(1)),
    /** The churn risk the policy's weights give; 0 to 1. */
    CHURN_RISK("churn_risk", Kind.RATIO, OptionalInt.of(1));

    private final String key;
    private final Kind kind;
    private final OptionalInt maximum;

    Signal(String key, Kind kind, OptionalInt maximum) {
        this.key = key;
        this.kind = kind;
        this.maximum = maximum;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public OptionalInt maximum() {
        return maximum;
    }

    /**
     * Finds a signal by its policy name.
     *
     * @param key e.g. {@code "referrals"}; not null
     * @return the signal, or empty if none has that name
     */
    public static Optional<Signal> byKey(String key) {
        return Arrays.stream(values()).filter(signal -> signal.key.equals(key)).findFirst();
    }

    /** @return the policy names of all signals, comma-separated */
    public static String knownKeys() {
        return Arrays.stream(values()).map(Signal::key).collect(Collectors.joining(", "));
    }
}
