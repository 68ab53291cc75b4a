package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * What a customer-base model expects of one customer. Immutable and thread-safe.
 *
 * @param probabilityAlive the probability that the customer still buys, 0 to 1; not null
 * @param expectedPurchases the purchases expected over the horizon; zero or more; not null
 * @param expectedAverageValue the expected value of a future purchase, in the policy's currency; not null
 * @param lifetimeValue the discounted value of the expected purchases over the horizon; not null
 * @param aliveByAssumption whether the model takes the customer as alive by construction rather
 *     than from evidence: BG/NBD lets a customer drop out only after a repeat purchase, so without
 *     one its P(alive) is 1 and says nothing; the churn risk then leaves P(alive) out
 */
public record ValueEstimate(BigDecimal probabilityAlive, BigDecimal expectedPurchases,
        BigDecimal expectedAverageValue, BigDecimal lifetimeValue, boolean aliveByAssumption) {

    /** Checks the invariants. */
    public ValueEstimate {
        Objects.requireNonNull(probabilityAlive, "probabilityAlive");
        Objects.requireNonNull(expectedPurchases, "expectedPurchases");
        Objects.requireNonNull(expectedAverageValue, "expectedAverageValue");
        Objects.requireNonNull(lifetimeValue, "lifetimeValue");
        if (probabilityAlive.signum() < 0 || probabilityAlive.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("P(alive) must be between 0 and 1, was " + probabilityAlive.toPlainString());
        }
        if (expectedPurchases.signum() < 0 || expectedAverageValue.signum() < 0 || lifetimeValue.signum() < 0) {
            throw new InvalidValueException("Expected purchases and values must not be negative, were "
                    + expectedPurchases.toPlainString() + ", " + expectedAverageValue.toPlainString() + ", "
                    + lifetimeValue.toPlainString());
        }
    }
}
