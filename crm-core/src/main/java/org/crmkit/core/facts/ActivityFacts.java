package org.crmkit.core.facts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.Money;

/**
 * What a customer did in the evaluation window, counted for the relationship and lifecycle
 * signals: spend in each half of the window (the spend trend), the product categories bought, the
 * engagement interactions, promoter answers, and the two latest satisfaction scores up to the as-of
 * day. Interactions and answers fall on days in the query's zone. Immutable and thread-safe.
 *
 * @param earlierHalfSpend spend on the days of the window before {@link #laterHalfStart}; not negative; not null
 * @param laterHalfSpend spend on the days from {@link #laterHalfStart} to the window's end; not negative; not null
 * @param categories distinct product categories bought in the window, compared ignoring case; zero or more
 * @param valueAddedPurchases purchases in the window in a value-added category of the query; zero or more
 * @param referrals interactions of kind referral in the window; zero or more
 * @param events interactions of kind event in the window; zero or more
 * @param trials interactions of kind trial in the window; zero or more
 * @param jointPlanning meetings in the window whose outcome is {@value #JOINT_PLANNING_OUTCOME}, any case; zero or more
 * @param promoterAnswers survey answers in the window with a net promoter score of 9 or 10; zero or more
 * @param latestCsat the satisfaction score of the latest answer with one, up to the as-of day; 1 to 5 if present
 * @param previousCsat the one before it; present only with {@code latestCsat}; 1 to 5 if present
 */
public record ActivityFacts(Money earlierHalfSpend, Money laterHalfSpend, int categories, int valueAddedPurchases,
        int referrals, int events, int trials, int jointPlanning, int promoterAnswers, OptionalInt latestCsat,
        OptionalInt previousCsat) {

    /** The interaction outcome that marks a meeting as joint planning. */
    public static final String JOINT_PLANNING_OUTCOME = "joint_planning";

    /** Checks the invariants. */
    public ActivityFacts {
        Objects.requireNonNull(earlierHalfSpend, "earlierHalfSpend");
        Objects.requireNonNull(laterHalfSpend, "laterHalfSpend");
        if (earlierHalfSpend.isNegative() || laterHalfSpend.isNegative()) {
            throw new InvalidValueException("ActivityFacts spend must not be negative, was " + earlierHalfSpend
                    + " and " + laterHalfSpend);
        }
        Checks.nonNegative(categories, "ActivityFacts categories");
        Checks.nonNegative(valueAddedPurchases, "ActivityFacts valueAddedPurchases");
        Checks.nonNegative(referrals, "ActivityFacts referrals");
        Checks.nonNegative(events, "ActivityFacts events");
        Checks.nonNegative(trials, "ActivityFacts trials");
        Checks.nonNegative(jointPlanning, "ActivityFacts jointPlanning");
        Checks.nonNegative(promoterAnswers, "ActivityFacts promoterAnswers");
        Objects.requireNonNull(latestCsat, "latestCsat");
        Objects.requireNonNull(previousCsat, "previousCsat");
        checkCsat(latestCsat, "latestCsat");
        checkCsat(previousCsat, "previousCsat");
        if (previousCsat.isPresent() && latestCsat.isEmpty()) {
            throw new InvalidValueException("ActivityFacts previousCsat needs a latestCsat");
        }
    }

    private static void checkCsat(OptionalInt csat, String what) {
        if (csat.isPresent() && (csat.getAsInt() < 1 || csat.getAsInt() > 5)) {
            throw new InvalidValueException("ActivityFacts " + what + " must be 1 to 5, was " + csat.getAsInt());
        }
    }

    /**
     * The first day of the window's later half: the window's start plus half its length in days,
     * rounded down, so a 365-day window's earlier half has 182 days and its later half 183.
     *
     * @param window the evaluation window; not null
     * @return the first day of the later half
     */
    public static LocalDate laterHalfStart(DateWindow window) {
        return window.start().plusDays(window.lengthInDays() / 2);
    }
}
