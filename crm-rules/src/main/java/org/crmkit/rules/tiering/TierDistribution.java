package org.crmkit.rules.tiering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierLadder;

/**
 * How many customers ended up in each tier, next to the share the policy expects: the check a
 * business makes when it tunes thresholds. Immutable and thread-safe.
 */
public final class TierDistribution {
    /** Decimal places of shares: hundredths of a percent. */
    private static final int SHARE_SCALE = 4;

    private final TierLadder ladder;
    private final Map<Tier, BigDecimal> expectedShares;
    private final Map<Optional<Tier>, Long> counts;
    private final long total;

    private TierDistribution(TierLadder ladder, Map<Tier, BigDecimal> expectedShares,
            Map<Optional<Tier>, Long> counts) {
        this.ladder = ladder;
        this.expectedShares = Map.copyOf(expectedShares);
        this.counts = Map.copyOf(counts);
        this.total = counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Counts outcomes.
     *
     * @param policy the tiering policy, for the ladder and the expected shares; not null
     * @param outcomes each customer's tier, empty for no tier; tiers must be on the ladder; not null
     * @return the distribution
     */
    public static TierDistribution of(TieringPolicy policy, Iterable<Optional<Tier>> outcomes) {
        Objects.requireNonNull(policy, "policy");
        TierLadder ladder = policy.ladder();
        Map<Optional<Tier>, Long> counts = new HashMap<>();
        for (Optional<Tier> outcome : Objects.requireNonNull(outcomes, "outcomes")) {
            ladder.rank(outcome);
            counts.merge(outcome, 1L, Long::sum);
        }
        return new TierDistribution(ladder, policy.expectedShares(), counts);
    }

    /** @return the number of customers counted */
    public long total() {
        return total;
    }

    /**
     * Customers in a tier.
     *
     * @param tier the tier, or empty for no tier; not null
     * @return the count
     */
    public long count(Optional<Tier> tier) {
        return counts.getOrDefault(tier, 0L);
    }

    /**
     * The share of customers in a tier, rounded half-even to four decimal places.
     *
     * @param tier the tier, or empty for no tier; not null
     * @return the share in 0..1; zero when nobody was counted
     */
    public BigDecimal share(Optional<Tier> tier) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return BigDecimal.valueOf(count(tier)).divide(BigDecimal.valueOf(total), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * One row per tier in rank order, then one for "no tier".
     *
     * @return the rows
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Tier tier : ladder.tiers()) {
            rows.add(new Row(Optional.of(tier), count(Optional.of(tier)), share(Optional.of(tier)),
                    Optional.ofNullable(expectedShares.get(tier))));
        }
        rows.add(new Row(Optional.empty(), count(Optional.empty()), share(Optional.empty()), Optional.empty()));
        return List.copyOf(rows);
    }

    /**
     * One tier's line of the distribution. Immutable and thread-safe.
     *
     * @param tier the tier, or empty for no tier; not null
     * @param count customers in it
     * @param share their share, 0..1; not null
     * @param expectedShare the policy's expected share, if it states one; not null
     */
    public record Row(Optional<Tier> tier, long count, BigDecimal share, Optional<BigDecimal> expectedShare) {
        /** Checks the invariants. */
        public Row {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(share, "share");
            Objects.requireNonNull(expectedShare, "expectedShare");
        }
    }
}
