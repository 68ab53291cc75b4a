package org.crmkit.rules.tiering;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.Tier;

/**
 * What demotion grace did to a decision whose rules ranked the customer below the held tier.
 * Immutable and thread-safe.
 *
 * @param held the tier held before this evaluation; not null
 * @param evaluationsBelow consecutive evaluations below the held tier's rule, this one included; one or more
 * @param limit the policy's number of evaluations before one step down; one or more
 * @param result the tier after grace: the held tier, or the one just below it; not null
 */
public record GraceOutcome(Tier held, int evaluationsBelow, int limit, Optional<Tier> result) {
    /** Checks the invariants. */
    public GraceOutcome {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(result, "result");
    }

    /** @return true when the customer moved down one tier, false when the held tier was kept */
    public boolean demoted() {
        return !result.equals(Optional.of(held));
    }

    /** @return the explanation, e.g. {@code "demotion grace: kept core, 1 of 2 evaluations below its rule"} */
    public String explain() {
        if (demoted()) {
            return "demotion grace: moved down one tier from " + held + " to " + result.map(Tier::name).orElse("no tier")
                    + " after " + evaluationsBelow + " of " + limit + " evaluations below its rule";
        }
        return "demotion grace: kept " + held + ", " + evaluationsBelow + " of " + limit
                + " evaluations below its rule";
    }
}
