package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/**
 * Metrics snapshots for tiering, made in code from a seed, as a data warehouse or the JDBC
 * adapter would hand them to {@link org.crmkit.rules.tiering.TierEngine}: one per customer, as of
 * {@link #AS_OF}, in CNY, in random order.
 *
 * <p>Under the standard policy the customers fall into the source plan's shares:
 * <ul>
 *   <li>10% core: spend 100,000-500,000 in 3 or 4 active quarters;</li>
 *   <li>30% important: spend 30,000-99,999.99 in 1-4 active quarters, or (a fifth of them)
 *       100,000-300,000 in only 1 or 2, whose explanation says why core did not match;</li>
 *   <li>40% basic: spend 0.01-29,999.99;</li>
 *   <li>17% potential: no spend (some with a zero-amount sample order) and 1-5 inquiries;</li>
 *   <li>3% no tier: no spend and no inquiry.</li>
 * </ul>
 * Amounts are whole cents; tenure is 0-120 months, 5% have a strategic agreement. The same seed
 * always gives the same snapshots. Stateless.
 */
final class TierSnapshots {
    /** The day every snapshot describes. */
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final DateWindow WINDOW = DateWindow.trailingMonths(12, AS_OF);

    private TierSnapshots() {
    }

    /**
     * Generates snapshots.
     *
     * @param count how many, one per customer
     * @param seed the seed
     * @return the snapshots, customers {@code c-0} to {@code c-<count-1>}
     */
    static List<CustomerMetrics> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CustomerMetrics> snapshots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            snapshots.add(snapshot("c-" + i, random));
        }
        return snapshots;
    }

    private static CustomerMetrics snapshot(String id, SplittableRandom random) {
        int share = random.nextInt(100);
        long cents;
        int quarters;
        int inquiries = random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0;
        if (share < 10) {
            cents = cents(random, 100_000, 500_000);
            quarters = 3 + random.nextInt(2);
        } else if (share < 40) {
            boolean unstable = random.nextInt(5) == 0;
            cents = unstable ? cents(random, 100_000, 300_000) : cents(random, 30_000, 100_000);
            quarters = unstable ? 1 + random.nextInt(2) : 1 + random.nextInt(4);
        } else if (share < 80) {
            cents = 1 + random.nextLong(30_000 * 100L - 1);
            quarters = 1 + random.nextInt(4);
        } else if (share < 97) {
            cents = 0;
            quarters = random.nextInt(4) == 0 ? 1 : 0;
            inquiries = 1 + random.nextInt(5);
        } else {
            cents = 0;
            quarters = 0;
            inquiries = 0;
        }
        int orders = quarters == 0 ? 0 : quarters + random.nextInt(3 * quarters + 1);
        return new CustomerMetrics(CustomerId.of(id), AS_OF, WINDOW, Money.of("CNY", BigDecimal.valueOf(cents, 2)),
                orders, quarters, inquiries, true, random.nextInt(121), random.nextInt(20) == 0,
                orders == 0 ? Optional.empty() : Optional.of(AS_OF.minusDays(random.nextInt(90))));
    }

    /** A whole number of cents from {@code from} (inclusive) to {@code to} (exclusive) yuan. */
    private static long cents(SplittableRandom random, long from, long to) {
        return from * 100 + random.nextLong((to - from) * 100);
    }
}
