package org.crmkit.cli;

import org.crmkit.rules.tiering.TieringPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.tiering.TierDistribution;

/**
 * The summary {@code crm tier} prints on standard error: what was decided under which policy,
 * warnings about the as-of day, and the count and share of each tier next to the share the policy
 * expects.
 */
final class TierSummary {
    static final String NO_TIER = "(no tier)";

    private TierSummary() {
    }

    static List<String> lines(Policy policy, MetricsQuery query, TierDistribution distribution) {
        List<String> lines = new ArrayList<>();
        beforeEffectiveFrom("crm tier", policy, query.asOf()).ifPresent(lines::add);
        if (policy.section(TieringPolicy.class).demotionGrace().isPresent()) {
            lines.add("crm tier: note: the policy's demotion_grace needs tier history, which crm tier does not"
                    + " keep; tiers come from the rules alone");
        }
        lines.add("crm tier: " + distribution.total() + (distribution.total() == 1 ? " customer" : " customers")
                + " as of " + query.asOf() + ", policy " + policy.ref() + ", metrics over " + query.window());
        List<TierDistribution.Row> rows = distribution.rows();
        int width = NO_TIER.length();
        for (TierDistribution.Row row : rows) {
            width = Math.max(width, name(row.tier()).length());
        }
        String format = "  %-" + width + "s %9s %7s %9s";
        lines.add(String.format(java.util.Locale.ROOT, format, "tier", "customers", "share", "expected"));
        for (TierDistribution.Row row : rows) {
            lines.add(String.format(java.util.Locale.ROOT, format, name(row.tier()), row.count(), percent(row.share()),
                    row.expectedShare().map(TierSummary::percent).orElse("-")));
        }
        return lines;
    }

    /**
     * The warning that the as-of day is before the policy takes effect: the policy is applied all
     * the same, but its rules may not have held on that day.
     *
     * @param command the command's name, e.g. {@code crm tier}
     * @return the warning, or empty when the policy is in effect
     */
    static Optional<String> beforeEffectiveFrom(String command, Policy policy, LocalDate asOf) {
        if (!asOf.isBefore(policy.header().effectiveFrom())) {
            return Optional.empty();
        }
        return Optional.of(command + ": warning: as-of date " + asOf + " is before the policy's effective_from "
                + policy.header().effectiveFrom());
    }

    private static String name(Optional<Tier> tier) {
        return tier.map(Tier::name).orElse(NO_TIER);
    }

    /** A share of 0..1 as a percentage with one decimal, e.g. {@code 0.2000} as {@code 20.0%}. */
    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
