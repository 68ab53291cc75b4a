package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.jspecify.annotations.Nullable;

/**
 * The fact the Drools rules match: a metrics snapshot seen through JavaBean getters, as DRL
 * constraints read it, and the slot where the first rule to fire writes its tier (and, for the
 * explained rules, its explanation). Public because the rules' generated code reads it.
 * Mutable: one per customer and run, never shared between threads.
 */
public final class DroolsCustomer {
    private final CustomerMetrics metrics;
    private @Nullable String tier;
    private @Nullable String reason;

    /**
     * Wraps a snapshot.
     *
     * @param metrics the snapshot; not null
     */
    public DroolsCustomer(CustomerMetrics metrics) {
        this.metrics = metrics;
    }

    /** @return the spend, exact, in the snapshot's currency */
    public BigDecimal getSpend() {
        return metrics.spend().amount();
    }

    /** @return the active quarters, 0 to 4 */
    public int getActiveQuarters() {
        return metrics.activeQuarters();
    }

    /** @return the inquiries in the window */
    public int getInquiries() {
        return metrics.inquiries();
    }

    /** @return whether no rule has decided yet */
    public boolean isUndecided() {
        return tier == null;
    }

    /**
     * Records a rule's tier unless a rule of higher salience fired first: the rules fire highest
     * tier first, so the first call is the first match.
     *
     * @param name the tier's name; not null
     */
    public void decide(String name) {
        if (tier == null) {
            tier = name;
        }
    }

    /**
     * Records a rule's tier with its explanation unless a rule fired first.
     *
     * @param name the tier's name, or null for no tier
     * @param explanation why; not null
     */
    public void decide(@Nullable String name, String explanation) {
        if (tier == null && reason == null) {
            tier = name;
            reason = explanation;
        }
    }

    /** @return the tier the rules gave, or empty for none */
    public Optional<Tier> tier() {
        return Optional.ofNullable(tier).map(Tier::of);
    }

    /** @return the tier's name the rules gave, or null for none */
    public @Nullable String tierName() {
        return tier;
    }

    /** @return the explanation the explained rules gave, or null when none did */
    public @Nullable String reason() {
        return reason;
    }
}
