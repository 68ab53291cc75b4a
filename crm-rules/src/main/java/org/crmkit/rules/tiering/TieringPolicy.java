package org.crmkit.rules.tiering;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierLadder;

/**
 * The tiering section of a policy: ordered tier rules, the hit policy, optional demotion grace,
 * and the share of customers the business expects in each tier. Immutable and thread-safe.
 *
 * @param rules the rules, highest tier first, one per tier; not empty; not null
 * @param hitPolicy which rule decides; not null
 * @param demotionGrace the grace for demotions, or empty for none; not null
 * @param expectedShares the expected share (0..1) per tier, for comparisons with actual
 *     distributions; may name only some tiers; not null
 */
public record TieringPolicy(List<TierRule> rules, HitPolicy hitPolicy, Optional<DemotionGrace> demotionGrace,
        Map<Tier, BigDecimal> expectedShares) {

    /** Checks that tiers are unique and that grace and shares name known tiers. */
    public TieringPolicy {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Objects.requireNonNull(hitPolicy, "hitPolicy");
        Objects.requireNonNull(demotionGrace, "demotionGrace");
        Objects.requireNonNull(expectedShares, "expectedShares");
        if (rules.isEmpty()) {
            throw new InvalidValueException("a tiering policy needs at least one tier rule");
        }
        TierLadder ladder = new TierLadder(rules.stream().map(TierRule::tier).toList());
        demotionGrace.ifPresent(grace -> grace.appliesTo().forEach(tier -> ladder.rank(Optional.of(tier))));
        Map<Tier, BigDecimal> shares = new LinkedHashMap<>();
        for (Map.Entry<Tier, BigDecimal> entry : expectedShares.entrySet()) {
            ladder.rank(Optional.of(entry.getKey()));
            BigDecimal share = Objects.requireNonNull(entry.getValue(), "share");
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidValueException("expected share of " + entry.getKey() + " must be between 0 and 1, was "
                        + share.toPlainString());
            }
            shares.put(entry.getKey(), share);
        }
        BigDecimal total = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("expected shares add up to " + total.toPlainString() + ", more than 1");
        }
        expectedShares = java.util.Collections.unmodifiableMap(shares);
    }

    /** @return the tiers in rank order, highest first */
    public TierLadder ladder() {
        return new TierLadder(rules.stream().map(TierRule::tier).toList());
    }

    /**
     * The rule of a tier.
     *
     * @param tier the tier; not null
     * @return the rule, or empty if the policy has no such tier
     */
    public Optional<TierRule> rule(Tier tier) {
        return rules.stream().filter(rule -> rule.tier().equals(tier)).findFirst();
    }
}
