package org.crmkit.rules.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/**
 * Scores recency, frequency and monetary value in quantile bins over the population scored.
 *
 * <h2>The bin rule</h2>
 * Within a group of {@code n} customers (the whole population, or a nested bin), a value's score
 * is
 * <pre>    score = 1 + floor(bins * worse / n)</pre>
 * where {@code worse} counts the customers of the group with a strictly worse value: more days
 * since the last purchase for recency, fewer purchases for frequency, less spend for monetary
 * value. Without ties this puts the customers, ordered worst to best, into {@code bins} bins
 * whose sizes differ by at most one. The score depends only on the value, so <b>customers with
 * equal values always get the same score</b> ("ties stay in one bin"): a tie group takes the bin
 * of its first member, and when it is larger than a bin the bins it spills over stay empty.
 * The worst value always scores 1, a better value never scores lower than a worse one, and a
 * group in which everybody ties scores 1 throughout: nobody in it is better than anybody else.
 *
 * <p>Worked example, 5 bins, the frequencies of 10 customers:
 * <pre>
 *   frequency  1  1  1  1  2  3  3  5  8  13
 *   worse      0  0  0  0  4  5  5  7  8  9
 *   score      1  1  1  1  3  3  3  4  5  5     (1 + floor(5 * worse / 10))
 * </pre>
 * The four customers tied at one purchase fill bin 1 and would have run into bin 2, so nobody
 * scores 2.
 *
 * <h2>Groups</h2>
 * With {@link RfmBinning#INDEPENDENT} each dimension is ranked over the whole population. With
 * {@link RfmBinning#NESTED} recency is ranked over the population, frequency among the customers
 * with the same recency score and monetary value among those with the same recency and
 * frequency scores; a frequency score then says how a customer buys compared with customers of
 * the same recency, not with everybody.
 *
 * <p>Only buyers are scored: {@link SegmentInput} has no "never bought", and the caller leaves
 * such customers out. Scores are relative to the population passed in, so scoring a different
 * population (another day, another region) can change a customer's scores without any change
 * in the customer.
 */
public final class RfmScorer {
    /** Worst first for each dimension, the order in which the bins count up. */
    private static final Comparator<SegmentInput> RECENCY_WORST_FIRST =
            Comparator.comparingInt(SegmentInput::recencyDays).reversed();
    private static final Comparator<SegmentInput> FREQUENCY_WORST_FIRST =
            Comparator.comparingInt(SegmentInput::frequency);
    private static final Comparator<SegmentInput> MONETARY_WORST_FIRST =
            Comparator.comparing(SegmentInput::monetary);

    private RfmScorer() {
    }

    /**
     * Scores every customer against the others.
     *
     * @param customers the buyers to score, each customer once, all spend in one currency; may be
     *     empty; not null
     * @param settings the number of bins and the binning; not null
     * @return one score per customer, sorted by customer id, so that the result does not depend
     *     on the order of {@code customers}
     * @throws org.crmkit.core.InvalidValueException if a customer appears twice
     * @throws org.crmkit.core.CurrencyMismatchException if the spends are in different currencies
     */
    public static List<RfmScore> score(Collection<SegmentInput> customers, RfmSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SortedMap<CustomerId, SegmentInput> byId = Population.byCustomerId(customers);
        Population.requireOneCurrency(monetaryById(byId), "monetary");
        List<SegmentInput> population = List.copyOf(byId.values());
        int bins = settings.bins();

        Map<CustomerId, Integer> recency = scores(population, RECENCY_WORST_FIRST, bins);
        Map<CustomerId, Integer> frequency;
        Map<CustomerId, Integer> monetary;
        switch (settings.binning()) {
            case INDEPENDENT -> {
                frequency = scores(population, FREQUENCY_WORST_FIRST, bins);
                monetary = scores(population, MONETARY_WORST_FIRST, bins);
            }
            case NESTED -> {
                frequency = scoresWithin(population, input -> List.of(recency.get(input.customerId())),
                        FREQUENCY_WORST_FIRST, bins);
                monetary = scoresWithin(population, input -> List.of(recency.get(input.customerId()),
                        frequency.get(input.customerId())), MONETARY_WORST_FIRST, bins);
            }
            default -> throw new IllegalStateException("unhandled binning " + settings.binning());
        }

        List<RfmScore> result = new ArrayList<>(population.size());
        for (SegmentInput input : population) {
            CustomerId id = input.customerId();
            result.add(new RfmScore(id, recency.get(id), frequency.get(id), monetary.get(id)));
        }
        return List.copyOf(result);
    }

    private static SortedMap<CustomerId, Money> monetaryById(SortedMap<CustomerId, SegmentInput> byId) {
        SortedMap<CustomerId, Money> monetary = new TreeMap<>();
        byId.forEach((id, input) -> monetary.put(id, input.monetary()));
        return monetary;
    }

    /** Applies the bin rule separately within each group of customers that share a key. */
    private static Map<CustomerId, Integer> scoresWithin(List<SegmentInput> population,
            Function<SegmentInput, List<Integer>> groupKey, Comparator<SegmentInput> worstFirst, int bins) {
        Map<CustomerId, Integer> scores = new HashMap<>();
        for (List<SegmentInput> group : population.stream()
                .collect(Collectors.groupingBy(groupKey)).values()) {
            scores.putAll(scores(group, worstFirst, bins));
        }
        return scores;
    }

    /** The bin rule of the class comment: {@code 1 + floor(bins * worse / n)}. */
    private static Map<CustomerId, Integer> scores(List<SegmentInput> group, Comparator<SegmentInput> worstFirst,
            int bins) {
        List<SegmentInput> sorted = new ArrayList<>(group);
        sorted.sort(worstFirst);
        int n = sorted.size();
        Map<CustomerId, Integer> scores = new HashMap<>();
        int worse = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && worstFirst.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
                // A new value starts: everybody sorted before it is strictly worse.
                worse = i;
            }
            // In long arithmetic, since bins * worse exceeds an int for populations over 200 million.
            scores.put(sorted.get(i).customerId(), 1 + (int) ((long) bins * worse / n));
        }
        return scores;
    }
}
