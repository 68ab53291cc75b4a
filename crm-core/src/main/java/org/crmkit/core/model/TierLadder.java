package org.crmkit.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;

/**
 * The tiers of a policy in rank order, highest first. "No tier" ranks below every tier.
 * Immutable and thread-safe.
 *
 * @param tiers the tiers, highest first, without duplicates; may be empty; not null
 */
public record TierLadder(List<Tier> tiers) {
    /** Copies the list and rejects duplicates. */
    public TierLadder {
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        if (tiers.stream().distinct().count() != tiers.size()) {
            throw new InvalidValueException("TierLadder must not repeat a tier, was " + tiers);
        }
    }

    /**
     * Creates a ladder.
     *
     * @param highestFirst the tiers, highest first; not null
     * @return the ladder
     */
    public static TierLadder of(Tier... highestFirst) {
        return new TierLadder(List.of(highestFirst));
    }

    /**
     * Tells whether the tier is on this ladder.
     *
     * @param tier the tier; not null
     * @return true if the policy defines it
     */
    public boolean contains(Tier tier) {
        return tiers.contains(Objects.requireNonNull(tier, "tier"));
    }

    /**
     * The position of a tier, 0 for the highest; "no tier" is {@code size()}.
     *
     * @param tier the tier, or empty for no tier; not null
     * @return the rank
     * @throws InvalidValueException if the tier is not on this ladder
     */
    public int rank(Optional<Tier> tier) {
        if (tier.isEmpty()) {
            return tiers.size();
        }
        int index = tiers.indexOf(tier.get());
        if (index < 0) {
            throw new InvalidValueException("Unknown tier '" + tier.get() + "', expected one of " + tiers);
        }
        return index;
    }

    /**
     * The next tier down, or empty below the lowest tier.
     *
     * @param tier a tier on this ladder; not null
     * @return the tier one rank lower, or empty for "no tier"
     */
    public Optional<Tier> below(Tier tier) {
        int next = rank(Optional.of(tier)) + 1;
        return next < tiers.size() ? Optional.of(tiers.get(next)) : Optional.empty();
    }

    /**
     * Compares two outcomes by rank.
     *
     * @param a a tier or no tier; not null
     * @param b a tier or no tier; not null
     * @return positive when {@code a} ranks higher than {@code b}, zero when equal, negative when lower
     */
    public int compare(Optional<Tier> a, Optional<Tier> b) {
        return Integer.compare(rank(b), rank(a));
    }

    /** @return a map from each tier to its rank, for callers that rank many tiers */
    public Map<Tier, Integer> ranks() {
        Map<Tier, Integer> ranks = new HashMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            ranks.put(tiers.get(i), i);
        }
        return Map.copyOf(ranks);
    }
}
