package org.crmkit.rules.tiering;

import java.time.LocalDate;
import java.util.Objects;
import org.crmkit.core.model.PolicyRef;

/**
 * The outcome of tiering every customer once. Immutable and thread-safe.
 *
 * @param asOf the as-of day; not null
 * @param policy the policy used; not null
 * @param distribution customers per tier; not null
 * @param changes how many customers changed tier against their stored assignment
 */
public record TierRunSummary(LocalDate asOf, PolicyRef policy, TierDistribution distribution, int changes) {
    /** Checks the invariants. */
    public TierRunSummary {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(distribution, "distribution");
    }
}
