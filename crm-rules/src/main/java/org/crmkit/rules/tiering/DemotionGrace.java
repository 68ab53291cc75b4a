package org.crmkit.rules.tiering;

import java.util.Objects;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Tier;

/**
 * Keeps customers from falling down the ladder on one bad period: a customer drops at most one
 * tier per evaluation, and only after {@code evaluations} consecutive evaluations below the held
 * tier's rule. Promotions are never delayed. Immutable and thread-safe.
 *
 * @param evaluations consecutive evaluations below the held tier's rule before one step down; one or more
 * @param appliesTo the held tiers that enjoy grace; empty for all; not null
 */
public record DemotionGrace(int evaluations, Set<Tier> appliesTo) {
    /** Checks the invariants. */
    public DemotionGrace {
        if (evaluations < 1) {
            throw new InvalidValueException("demotion grace evaluations must be at least 1, was " + evaluations);
        }
        appliesTo = Set.copyOf(Objects.requireNonNull(appliesTo, "appliesTo"));
    }

    /**
     * Grace for every tier.
     *
     * @param evaluations consecutive evaluations below before one step down; one or more
     * @return the grace
     */
    public static DemotionGrace of(int evaluations) {
        return new DemotionGrace(evaluations, Set.of());
    }

    /**
     * Tells whether a held tier enjoys grace.
     *
     * @param held the tier held; not null
     * @return true when {@code appliesTo} is empty or contains it
     */
    public boolean appliesTo(Tier held) {
        return appliesTo.isEmpty() || appliesTo.contains(held);
    }
}
