package org.crmkit.rules.segment;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/**
 * One customer's ABC class with the numbers it was decided on. Shares are fractions of the
 * population's total spend rounded half-even to {@value AbcClassifier#SHARE_SCALE} decimal
 * places for display; the class itself is decided on exact amounts. Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param abcClass the class; not null
 * @param spend the customer's spend in the window, not negative; not null
 * @param higherSpendShare the share of total spend held by the customers who spent strictly
 *     more: the number compared with the thresholds, equal for customers with equal spend;
 *     0..1; not null
 * @param cumulativeShare the running share of total spend up to and including this customer
 *     in the order of {@link AbcClassifier#classify(java.util.Map, AbcSettings)}, the Pareto
 *     curve; 0..1, zero throughout when nobody spent anything; not null
 */
public record AbcResult(CustomerId customerId, AbcClass abcClass, Money spend, BigDecimal higherSpendShare,
        BigDecimal cumulativeShare) {

    /** Checks the invariants. */
    public AbcResult {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(abcClass, "abcClass");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(higherSpendShare, "higherSpendShare");
        Objects.requireNonNull(cumulativeShare, "cumulativeShare");
        if (spend.isNegative()) {
            throw new InvalidValueException("spend of customer '" + customerId + "' must not be negative, was " + spend);
        }
        requireShare(higherSpendShare, "higherSpendShare", customerId);
        requireShare(cumulativeShare, "cumulativeShare", customerId);
    }

    private static void requireShare(BigDecimal share, String what, CustomerId customerId) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException(what + " of customer '" + customerId + "' must be between 0 and 1, was "
                    + share.toPlainString());
        }
    }
}
