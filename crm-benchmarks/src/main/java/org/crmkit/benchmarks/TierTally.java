package org.crmkit.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.model.Tier;
import org.jspecify.annotations.Nullable;

/**
 * The tiers of a customer base, counted per tier with an order-free checksum of every customer's
 * tier, so that two computations that visit the customers in different orders (the anchor's
 * unsorted aggregate, the job's id order) can be compared in constant memory. Not thread-safe.
 */
final class TierTally {
    private final Map<String, Long> counts = new TreeMap<>();
    private long checksum;

    /**
     * Counts one customer's tier.
     *
     * @param customerId the customer; not null
     * @param tier the tier, or empty for none; not null
     */
    void add(String customerId, Optional<Tier> tier) {
        String name = tier.map(Tier::name).orElse("none");
        counts.merge(name, 1L, Long::sum);
        // A sum is the same in any order; the pair's hash spreads the customer over the tier.
        checksum += 31L * customerId.hashCode() + name.hashCode() * 0x9E3779B97F4A7C15L;
    }

    /** @return the customers counted */
    long customers() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return e.g. {@code basic 4, core 1, none 2 (checksum 1f0a)}, tiers in name order */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        counts.forEach((name, count) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(count));
        return text.append(String.format(Locale.ROOT, " (checksum %x)", checksum)).toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TierTally tally && tally.counts.equals(counts) && tally.checksum == checksum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(counts, checksum);
    }
}
