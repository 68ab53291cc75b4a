package org.crmkit.core.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.crmkit.core.InvalidValueException;

/**
 * The metrics that policy conditions can test, by the names policy files use.
 */
public enum Metric implements Measure {
    /** Sum of purchase amounts in the window, in the policy's currency. */
    SPEND("spend", Kind.MONEY, OptionalInt.empty()),
    /** Number of purchases in the window. */
    ORDERS("orders", Kind.COUNT, OptionalInt.empty()),
    /** Rolling quarters of the last four with at least one purchase. */
    ACTIVE_QUARTERS("active_quarters", Kind.COUNT, OptionalInt.of(MetricsQuery.ACTIVE_QUARTER_LOOKBACK)),
    /** Number of inquiries in the window. */
    INQUIRIES("inquiries", Kind.COUNT, OptionalInt.empty()),
    /** Whole months since the customer was created. */
    TENURE_MONTHS("tenure_months", Kind.COUNT, OptionalInt.empty()),
    /** Whether a strategic agreement is in force. */
    STRATEGIC_AGREEMENT("strategic_agreement", Kind.FLAG, OptionalInt.of(1));

    private final String key;
    private final Kind kind;
    private final OptionalInt maximum;

    Metric(String key, Kind kind, OptionalInt maximum) {
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

    /** @return the largest value the metric can take, if bounded (flags count as 0 and 1) */
    @Override
    public OptionalInt maximum() {
        return maximum;
    }

    /**
     * The metric's value in a snapshot as a number; flags are 1 for true and 0 for false.
     *
     * @param metrics the snapshot; not null
     * @return the value
     * @throws InvalidValueException for the inquiries of a snapshot that does not know them
     *     ({@link CustomerMetrics#knows} says so): an unknown count is not 0
     */
    public BigDecimal value(CustomerMetrics metrics) {
        return switch (this) {
            case SPEND -> metrics.spend().amount();
            case ORDERS -> BigDecimal.valueOf(metrics.orders());
            case ACTIVE_QUARTERS -> BigDecimal.valueOf(metrics.activeQuarters());
            case INQUIRIES -> {
                if (!metrics.inquiriesKnown()) {
                    throw new InvalidValueException("The inquiries of customer '" + metrics.customerId()
                            + "' are unknown: the source has no interactions data");
                }
                yield BigDecimal.valueOf(metrics.inquiries());
            }
            case TENURE_MONTHS -> BigDecimal.valueOf(metrics.tenureMonths());
            case STRATEGIC_AGREEMENT -> metrics.strategicAgreement() ? BigDecimal.ONE : BigDecimal.ZERO;
        };
    }

    /**
     * Finds a metric by its policy name.
     *
     * @param key e.g. {@code "spend"}; not null
     * @return the metric, or empty if none has that name
     */
    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst();
    }

    /**
     * Finds a metric by its policy name or fails.
     *
     * @param key e.g. {@code "spend"}; not null
     * @return the metric
     * @throws InvalidValueException naming the known metrics
     */
    public static Metric parse(String key) {
        return byKey(key).orElseThrow(() -> new InvalidValueException("Unknown metric '" + key
                + "', expected one of " + knownKeys()));
    }

    /** @return the policy names of all metrics, comma-separated */
    public static String knownKeys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }
}
