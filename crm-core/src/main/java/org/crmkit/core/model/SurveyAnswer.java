package org.crmkit.core.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.OptionalInt;
import org.crmkit.core.InvalidValueException;

/**
 * A customer's answer to a satisfaction survey: a CSAT score (1-5), a net promoter score (0-10),
 * or both. Immutable and thread-safe.
 *
 * @param customerId who answered; not null
 * @param answeredAt when, with the offset it was recorded in; not null
 * @param csat the satisfaction score, 1 (very unhappy) to 5 (very happy), if asked; not null
 * @param nps how likely the customer would recommend the company, 0 to 10, if asked; not null
 */
public record SurveyAnswer(CustomerId customerId, OffsetDateTime answeredAt, OptionalInt csat, OptionalInt nps) {

    /** The lowest net promoter score of a promoter. */
    public static final int PROMOTER_SCORE = 9;

    /** Checks the invariants. */
    public SurveyAnswer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(nps, "nps");
        if (csat.isPresent() && (csat.getAsInt() < 1 || csat.getAsInt() > 5)) {
            throw new InvalidValueException("Survey answer of '" + customerId + "': csat must be 1 to 5, was "
                    + csat.getAsInt());
        }
        if (nps.isPresent() && (nps.getAsInt() < 0 || nps.getAsInt() > 10)) {
            throw new InvalidValueException("Survey answer of '" + customerId + "': nps must be 0 to 10, was "
                    + nps.getAsInt());
        }
        if (csat.isEmpty() && nps.isEmpty()) {
            throw new InvalidValueException("Survey answer of '" + customerId + "' at " + answeredAt
                    + " has neither csat nor nps");
        }
    }

    /** @return whether the answer names the company worth recommending (nps 9 or 10) */
    public boolean isPromoter() {
        return nps.isPresent() && nps.getAsInt() >= PROMOTER_SCORE;
    }
}
