package org.crmkit.core.metrics;

import java.util.OptionalInt;

/**
 * Something a policy condition can compare with a threshold: a {@link Metric} of the metrics
 * snapshot, or a {@link Signal} of the wider relationship snapshot.
 */
public sealed interface Measure permits Metric, Signal {

    /** What kind of value a measure has; decides which thresholds a condition may use. */
    enum Kind {
        /** An exact amount of money, compared as a decimal. */
        MONEY,
        /** A whole number, zero or more. */
        COUNT,
        /** True or false. */
        FLAG,
        /** A decimal number that may be negative, such as a trend of -0.25 or a probability. */
        RATIO
    }

    /** @return the name in policy files, e.g. {@code "active_quarters"} */
    String key();

    /** @return the kind of value */
    Kind kind();

    /** @return the largest value the measure can take, if bounded by a whole number */
    OptionalInt maximum();
}
