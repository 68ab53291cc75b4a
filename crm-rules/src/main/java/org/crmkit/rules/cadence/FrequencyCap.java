package org.crmkit.rules.cadence;

import org.crmkit.core.InvalidValueException;

/**
 * At most {@code touches} contacts with a customer in any {@code days} consecutive days, actual
 * and planned together, across all rules. Immutable and thread-safe.
 *
 * @param touches the most contacts allowed, one or more
 * @param days the length of the window, one or more
 */
public record FrequencyCap(int touches, int days) {
    /** Checks the invariants. */
    public FrequencyCap {
        if (touches < 1 || days < 1) {
            throw new InvalidValueException("frequency cap needs touches and days of at least 1, was " + touches
                    + " per " + days + " days");
        }
    }
}
