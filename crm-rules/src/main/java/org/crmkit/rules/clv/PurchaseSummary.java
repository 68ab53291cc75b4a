package org.crmkit.rules.clv;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * One customer's purchase history up to the end of a calibration period, as the customer-base
 * models read it: how many repeat purchases (x), when the last one was (t<sub>x</sub>), how long
 * the customer has been known (T), and what a repeat purchase was worth on average (z&#772;).
 * Times are in one {@link ClvTimeUnit} for a whole customer base. Immutable and thread-safe.
 *
 * <p>A customer first seen on the last day of the calibration period has {@code age = 0} and no
 * repeat purchase: the models give such a customer a likelihood of exactly 1 (nothing was
 * observed), so the fitters keep them without effect on the parameters.
 *
 * @param customerKey the customer, e.g. the {@link org.crmkit.core.model.CustomerId}'s value; not blank
 * @param frequency x, the number of repeat purchases (days with a purchase after the first one); zero or more
 * @param recency t<sub>x</sub>, the time from the first to the last purchase; 0 when
 *     {@code frequency} is 0 and more than 0 otherwise; at most {@code age}
 * @param age T, the time from the first purchase to the end of the calibration period; zero or more
 * @param averageRepeatValue z&#772;, the mean amount of the repeat purchases (the first purchase is
 *     not counted); zero when {@code frequency} is 0, never negative; not null
 */
public record PurchaseSummary(String customerKey, int frequency, double recency, double age,
        BigDecimal averageRepeatValue) {

    /** Checks the invariants. */
    public PurchaseSummary {
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(averageRepeatValue, "averageRepeatValue");
        if (customerKey.isBlank()) {
            throw new InvalidValueException("purchase summary: customerKey must not be blank");
        }
        String subject = "customer '" + customerKey + "'";
        SummaryChecks.check(subject, frequency, recency, age);
        if (averageRepeatValue.signum() < 0) {
            throw new InvalidValueException(subject + ": average repeat value must not be negative, was "
                    + averageRepeatValue.toPlainString());
        }
        if (frequency == 0 && averageRepeatValue.signum() != 0) {
            throw new InvalidValueException(subject + ": average repeat value must be 0 without repeat purchases,"
                    + " was " + averageRepeatValue.toPlainString());
        }
        // -0.0 and 0.0 are the same recency; keep one of them so equal summaries are equal records.
        recency = recency + 0.0;
        age = age + 0.0;
    }

    /**
     * A summary without monetary value (z&#772; = 0), for the purchase models alone.
     *
     * @param customerKey the customer; not blank
     * @param frequency x; zero or more
     * @param recency t<sub>x</sub>; see the record's description
     * @param age T; zero or more
     * @return the summary
     */
    public static PurchaseSummary of(String customerKey, int frequency, double recency, double age) {
        return new PurchaseSummary(customerKey, frequency, recency, age, BigDecimal.ZERO);
    }
}
