package org.crmkit.rules.segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/**
 * Classifies customers A, B or C by their share of the population's spend (Pareto analysis).
 *
 * <h2>The rule</h2>
 * Rank the customers by spend, highest first. For each customer take {@code higher}, the total
 * spend of the customers who spent <em>strictly more</em>, and {@code total}, the spend of
 * everybody. Then a customer is
 * <ul>
 *   <li><b>A</b> if {@code higher < aShare * total},
 *   <li><b>B</b> otherwise if {@code higher < bShare * total},
 *   <li><b>C</b> otherwise, and always when the customer spent nothing.
 * </ul>
 * So a customer is A while the share of spend <em>before</em> it is below the A threshold: the
 * top spender is always A, class A is the smallest group of top spenders that holds at least
 * {@code aShare} of the spend, and A and B together the smallest that holds at least
 * {@code bShare}. Customers with equal spend have equal {@code higher} and so always get the
 * same class, even when their tie straddles a threshold; a higher spend never gets a worse class.
 * The comparison is made on exact amounts ({@code aShare * total} is an exact product), so the
 * rounding of the reported shares never changes a class.
 *
 * <p>Worked example, standard settings (A below 0.70, B below 0.90), total 1000:
 * <pre>
 *   spend       500   200   100   100    50    30    20     0
 *   higher        0   500   700   700   900   950   980  1000
 *   share before  0  0.50  0.70  0.70  0.90  0.95  0.98  1.00
 *   class         A     A     B     B     C     C     C     C
 * </pre>
 * The two customers at 100 both start at 0.70, which is not below 0.70, so both are B.
 */
public final class AbcClassifier {
    /** Decimal places of the reported shares: a millionth, fine enough for large populations. */
    public static final int SHARE_SCALE = 6;

    /** Highest spend first; equal spends by customer id, so the order never depends on the input. */
    private static final Comparator<Map.Entry<CustomerId, Money>> RANKING =
            Map.Entry.<CustomerId, Money>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private AbcClassifier() {
    }

    /**
     * Classifies customers by their spend.
     *
     * @param spends each customer's spend in the window, not negative, all in one currency;
     *     customers who never bought may be included with zero spend; may be empty; not null
     * @param settings the thresholds; not null
     * @return one result per customer, highest spend first and equal spends by customer id
     * @throws InvalidValueException if a spend is negative
     * @throws org.crmkit.core.CurrencyMismatchException naming the first customer, by id, whose
     *     spend is in another currency than the others
     */
    public static List<AbcResult> classify(Map<CustomerId, Money> spends, AbcSettings settings) {
        Objects.requireNonNull(spends, "spends");
        Objects.requireNonNull(settings, "settings");
        SortedMap<CustomerId, Money> byId = new TreeMap<>();
        spends.forEach((id, spend) -> {
            Objects.requireNonNull(id, "spends key");
            Objects.requireNonNull(spend, "spends value");
            if (spend.isNegative()) {
                throw new InvalidValueException("spend of customer '" + id + "' must not be negative, was " + spend);
            }
            byId.put(id, spend);
        });
        Population.requireOneCurrency(byId, "spend");
        return rank(byId, settings);
    }

    /**
     * Classifies customers by their {@link SegmentInput#monetary() monetary} value.
     *
     * @param customers the customers, each once, all spend in one currency; may be empty; not null
     * @param settings the thresholds; not null
     * @return one result per customer, highest spend first and equal spends by customer id
     * @throws InvalidValueException if a customer appears twice
     * @throws org.crmkit.core.CurrencyMismatchException naming the first customer, by id, whose
     *     spend is in another currency than the others
     */
    public static List<AbcResult> classify(Collection<SegmentInput> customers, AbcSettings settings) {
        SortedMap<CustomerId, Money> spends = new TreeMap<>();
        Population.byCustomerId(customers).forEach((id, input) -> spends.put(id, input.monetary()));
        return classify(spends, settings);
    }

    private static List<AbcResult> rank(SortedMap<CustomerId, Money> spends, AbcSettings settings) {
        List<Map.Entry<CustomerId, Money>> ranked = new ArrayList<>(spends.entrySet());
        ranked.sort(RANKING);
        BigDecimal total = ranked.stream().map(entry -> entry.getValue().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal aLimit = settings.aShare().multiply(total);
        BigDecimal bLimit = settings.bShare().multiply(total);

        List<AbcResult> results = new ArrayList<>(ranked.size());
        BigDecimal higher = BigDecimal.ZERO;
        BigDecimal running = BigDecimal.ZERO;
        for (int i = 0; i < ranked.size(); i++) {
            Money spend = ranked.get(i).getValue();
            if (i > 0 && spend.compareTo(ranked.get(i - 1).getValue()) < 0) {
                // A lower spend starts: everything counted so far was spent by customers above it.
                higher = running;
            }
            running = running.add(spend.amount());
            AbcClass abcClass = spend.isZero() ? AbcClass.C
                    : higher.compareTo(aLimit) < 0 ? AbcClass.A
                    : higher.compareTo(bLimit) < 0 ? AbcClass.B
                    : AbcClass.C;
            results.add(new AbcResult(ranked.get(i).getKey(), abcClass, spend, share(higher, total, SHARE_SCALE),
                    share(running, total, SHARE_SCALE)));
        }
        return List.copyOf(results);
    }

    /** The part over the total, rounded half-even; zero when the total is zero (nothing to share). */
    static BigDecimal share(BigDecimal part, BigDecimal total, int scale) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return part.divide(total, scale, RoundingMode.HALF_EVEN);
    }
}
