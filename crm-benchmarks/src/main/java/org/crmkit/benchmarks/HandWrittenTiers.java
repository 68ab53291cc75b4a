package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;

/**
 * The standard policy's four tier rules as a careful developer would hard-code them: an if/else
 * chain over the snapshot, thresholds as constants at the currency's scale (so that
 * {@link BigDecimal#compareTo} compares two longs), no explanation. The floor that
 * {@link org.crmkit.rules.tiering.TierEngine} is measured against. Stateless.
 */
final class HandWrittenTiers {
    private static final BigDecimal CORE_SPEND = new BigDecimal("100000.00");
    private static final BigDecimal IMPORTANT_SPEND = new BigDecimal("30000.00");
    private static final Optional<Tier> CORE = Optional.of(Tier.of("core"));
    private static final Optional<Tier> IMPORTANT = Optional.of(Tier.of("important"));
    private static final Optional<Tier> BASIC = Optional.of(Tier.of("basic"));
    private static final Optional<Tier> POTENTIAL = Optional.of(Tier.of("potential"));

    private HandWrittenTiers() {
    }

    /**
     * Decides a tier under the standard policy.
     *
     * @param metrics the snapshot, in CNY; not null
     * @return the tier, or empty for none
     */
    static Optional<Tier> tier(CustomerMetrics metrics) {
        return tier(metrics.spend().amount(), metrics.activeQuarters(), metrics.inquiries());
    }

    /**
     * Decides a tier under the standard policy from the three metrics its rules read.
     *
     * @param spend the spend in the window, zero or more, in CNY; not null
     * @param activeQuarters the rolling quarters with a purchase, 0 to 4
     * @param inquiries the inquiries in the window
     * @return the tier, or empty for none
     */
    static Optional<Tier> tier(BigDecimal spend, int activeQuarters, int inquiries) {
        if (spend.compareTo(CORE_SPEND) >= 0 && activeQuarters >= 3) {
            return CORE;
        }
        if (spend.compareTo(IMPORTANT_SPEND) >= 0) {
            return IMPORTANT;
        }
        if (spend.signum() > 0) {
            return BASIC;
        }
        if (spend.signum() == 0 && inquiries >= 1) {
            return POTENTIAL;
        }
        return Optional.empty();
    }
}
