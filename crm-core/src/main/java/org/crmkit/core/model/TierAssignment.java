package org.crmkit.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.internal.Checks;

/**
 * The tier a customer holds after one evaluation, as stored in the assignment history.
 *
 * <p>{@code evaluationsBelow} counts the consecutive evaluations in which the customer no
 * longer met the held tier's rule; policies with demotion grace keep the tier until the count
 * reaches their limit. It is zero whenever the customer meets the held tier's rule. Immutable
 * and thread-safe.
 *
 * @param customerId the customer; not null
 * @param tier the tier held, or empty for no tier; not null
 * @param asOf the as-of date of the evaluation; not null
 * @param policy the policy that decided; not null
 * @param evaluationsBelow consecutive evaluations below the held tier's rule; zero or more
 * @param recordedAt when the evaluation ran, from the injected clock; not null
 */
public record TierAssignment(
        CustomerId customerId,
        Optional<Tier> tier,
        LocalDate asOf,
        PolicyRef policy,
        int evaluationsBelow,
        Instant recordedAt) {

    /** Checks the invariants. */
    public TierAssignment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        Checks.nonNegative(evaluationsBelow, "TierAssignment evaluationsBelow");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
