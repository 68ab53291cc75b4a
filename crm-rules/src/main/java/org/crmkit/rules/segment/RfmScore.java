package org.crmkit.rules.segment;

import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;

/**
 * A customer's RFM scores, each from 1 (worst) to the number of bins (best). Immutable and
 * thread-safe.
 *
 * @param customerId the customer; not null
 * @param recency the recency score: higher for a more recent last purchase
 * @param frequency the frequency score: higher for more purchases in the window
 * @param monetary the monetary score: higher for more spend in the window
 */
public record RfmScore(CustomerId customerId, int recency, int frequency, int monetary) {

    /** Checks that each score lies in 1..{@value RfmSettings#MAX_BINS}. */
    public RfmScore {
        Objects.requireNonNull(customerId, "customerId");
        requireScore(recency, "recency", customerId);
        requireScore(frequency, "frequency", customerId);
        requireScore(monetary, "monetary", customerId);
    }

    private static void requireScore(int score, String what, CustomerId customerId) {
        if (score < 1 || score > RfmSettings.MAX_BINS) {
            throw new InvalidValueException(what + " score of customer '" + customerId + "' must be between 1 and "
                    + RfmSettings.MAX_BINS + ", was " + score);
        }
    }

    /**
     * The scores as one number, {@code R * 100 + F * 10 + M}: 545 for R=5, F=4, M=5.
     *
     * <p>With up to 9 bins the decimal digits are the three scores. With 10 bins a score of 10
     * carries into the next digit (R=1, F=10, M=10 gives 210), so the digits no longer read as
     * scores; the number still differs for every triple of scores and still sorts by recency,
     * then frequency, then monetary value, because {@code F * 10 + M} stays within 11..110.
     * Show {@link #code()} to people instead.
     *
     * @return the combined score
     */
    public int combined() {
        return recency * 100 + frequency * 10 + monetary;
    }

    /**
     * The scores written one after the other: {@code "545"}; with 10 bins a score of 10 is
     * written {@code "10"} ({@code "1101"} for R=1, F=10, M=1). Codes can always be read back,
     * because a 0 only ever appears as the second digit of a 10.
     *
     * @return the code
     */
    public String code() {
        return "" + recency + frequency + monetary;
    }
}
