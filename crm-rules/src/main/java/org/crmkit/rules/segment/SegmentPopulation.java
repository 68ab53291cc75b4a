package org.crmkit.rules.segment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.CustomerId;

/**
 * The population-wide half of RFM scoring and ABC classification for a customer base that is
 * streamed rather than held: {@link #add} takes each customer's metrics in one pass, in the order
 * the customers come, keeping only their recency, frequency and spend in compact arrays; {@link #rank}
 * then sorts those once and gives {@link Ranking}, which answer each customer's score and class by
 * the customer's position in that order, for a second pass over the same customers in the same
 * order. The scores and classes are exactly those of {@link RfmScorer} and {@link AbcClassifier}
 * over the whole population, provided the customers come in ascending id order (ties in the ABC
 * ranking go by id).
 *
 * <p>Memory: an int for each customer's recency and frequency and the spend's {@link BigDecimal},
 * while collecting; four bytes and two ints per customer once ranked. Not thread-safe.
 */
public final class SegmentPopulation {
    private static final int NOT_A_BUYER = -1;

    private final Currency currency;
    private int size;
    private int[] recency = new int[1024];
    private int[] frequency = new int[1024];
    private BigDecimal[] spend = new BigDecimal[1024];

    private SegmentPopulation(Currency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /**
     * Starts collecting a population whose spend is in one currency.
     *
     * @param currency the currency of every spend; not null
     * @return an empty population
     */
    public static SegmentPopulation in(Currency currency) {
        return new SegmentPopulation(currency);
    }

    /**
     * Adds the next customer: a buyer is RFM-scored and ABC-classified, a customer who never bought
     * is ABC-classified only (as C, with nothing spent).
     *
     * @param metrics the customer's metrics snapshot; not null
     * @return the customer's position, from 0 in the order added
     * @throws CurrencyMismatchException if the spend is in another currency
     */
    public int add(CustomerMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        if (!metrics.spend().currency().equals(currency)) {
            throw new CurrencyMismatchException("spend of customer '" + metrics.customerId() + "'", currency,
                    metrics.spend().currency());
        }
        if (size == recency.length) {
            int capacity = size * 2;
            recency = Arrays.copyOf(recency, capacity);
            frequency = Arrays.copyOf(frequency, capacity);
            spend = Arrays.copyOf(spend, capacity);
        }
        Optional<SegmentInput> input = SegmentInput.of(metrics);
        recency[size] = input.map(SegmentInput::recencyDays).orElse(NOT_A_BUYER);
        frequency[size] = metrics.orders();
        spend[size] = metrics.spend().amount();
        return size++;
    }

    /** @return the number of customers added */
    public int size() {
        return size;
    }

    /**
     * Ranks the population: the RFM bins of the buyers and the ABC classes of everybody.
     *
     * @param rfm the RFM settings; not null
     * @param abc the ABC thresholds; not null
     * @return the scores and classes by position
     */
    public Ranking rank(RfmSettings rfm, AbcSettings abc) {
        Objects.requireNonNull(rfm, "rfm");
        Objects.requireNonNull(abc, "abc");
        byte[][] scores = rfmScores(rfm);
        return abcClasses(abc, scores);
    }

    /** Recency, frequency and monetary scores by position; 0 for customers who never bought. */
    private byte[][] rfmScores(RfmSettings settings) {
        int bins = settings.bins();
        int[] buyers = positions(position -> recency[position] != NOT_A_BUYER);
        byte[] r = new byte[size];
        byte[] f = new byte[size];
        byte[] m = new byte[size];
        // Worst first: more days since the last purchase, fewer purchases, less spend.
        PositionOrder byRecency = (a, b) -> Integer.compare(recency[b], recency[a]);
        PositionOrder byFrequency = (a, b) -> Integer.compare(frequency[a], frequency[b]);
        PositionOrder bySpend = (a, b) -> spend[a].compareTo(spend[b]);
        score(buyers, byRecency, bins, r);
        switch (settings.binning()) {
            case INDEPENDENT -> {
                score(buyers, byFrequency, bins, f);
                score(buyers, bySpend, bins, m);
            }
            case NESTED -> {
                for (int[] group : groups(buyers, position -> r[position])) {
                    score(group, byFrequency, bins, f);
                }
                for (int[] group : groups(buyers, position -> r[position] * 16 + f[position])) {
                    score(group, bySpend, bins, m);
                }
            }
            default -> throw new IllegalStateException("unhandled binning " + settings.binning());
        }
        return new byte[][] {r, f, m};
    }

    /** {@link RfmScorer}'s bin rule within one group: {@code 1 + floor(bins * worse / n)}. */
    private static void score(int[] group, PositionOrder worstFirst, int bins, byte[] scores) {
        int[] sorted = PositionOrder.sort(group, worstFirst);
        int n = sorted.length;
        int worse = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && worstFirst.compare(sorted[i - 1], sorted[i]) != 0) {
                worse = i;
            }
            scores[sorted[i]] = (byte) (1 + (long) bins * worse / n);
        }
    }

    /** The positions of a group split by a small key (0 to 255), each part in position order. */
    private static java.util.List<int[]> groups(int[] positions, java.util.function.IntUnaryOperator key) {
        int[] sizes = new int[256];
        for (int position : positions) {
            sizes[key.applyAsInt(position)]++;
        }
        int[][] parts = new int[256][];
        int[] filled = new int[256];
        for (int position : positions) {
            int k = key.applyAsInt(position);
            if (parts[k] == null) {
                parts[k] = new int[sizes[k]];
            }
            parts[k][filled[k]++] = position;
        }
        return java.util.Arrays.stream(parts).filter(Objects::nonNull).toList();
    }

    private int[] positions(java.util.function.IntPredicate which) {
        int count = 0;
        for (int position = 0; position < size; position++) {
            count += which.test(position) ? 1 : 0;
        }
        int[] chosen = new int[count];
        int next = 0;
        for (int position = 0; position < size; position++) {
            if (which.test(position)) {
                chosen[next++] = position;
            }
        }
        return chosen;
    }

    /** {@link AbcClassifier}'s rule over everybody: highest spend first, equal spends by position. */
    private Ranking abcClasses(AbcSettings settings, byte[][] rfm) {
        int[] everybody = positions(position -> true);
        int[] ranked = PositionOrder.sort(everybody, (a, b) -> {
            int bySpend = spend[b].compareTo(spend[a]);
            return bySpend != 0 ? bySpend : Integer.compare(a, b);
        });
        BigDecimal total = BigDecimal.ZERO;
        for (int position = 0; position < size; position++) {
            total = total.add(spend[position]);
        }
        BigDecimal aLimit = settings.aShare().multiply(total);
        BigDecimal bLimit = settings.bShare().multiply(total);
        byte[] classes = new byte[size];
        int[] higherShare = new int[size];
        int[] cumulativeShare = new int[size];
        Map<AbcClass, Integer> counts = new EnumMap<>(AbcClass.class);
        Map<AbcClass, BigDecimal> spends = new EnumMap<>(AbcClass.class);
        BigDecimal higher = BigDecimal.ZERO;
        BigDecimal running = BigDecimal.ZERO;
        for (int i = 0; i < ranked.length; i++) {
            int position = ranked[i];
            BigDecimal amount = spend[position];
            if (i > 0 && amount.compareTo(spend[ranked[i - 1]]) < 0) {
                higher = running;
            }
            running = running.add(amount);
            AbcClass abcClass = amount.signum() == 0 ? AbcClass.C
                    : higher.compareTo(aLimit) < 0 ? AbcClass.A
                    : higher.compareTo(bLimit) < 0 ? AbcClass.B
                    : AbcClass.C;
            classes[position] = (byte) abcClass.ordinal();
            higherShare[position] = AbcClassifier.share(higher, total, AbcClassifier.SHARE_SCALE).unscaledValue()
                    .intValueExact();
            cumulativeShare[position] = AbcClassifier.share(running, total, AbcClassifier.SHARE_SCALE)
                    .unscaledValue().intValueExact();
            counts.merge(abcClass, 1, Integer::sum);
            spends.merge(abcClass, amount, BigDecimal::add);
        }
        AbcSummary summary = AbcSummary.of(size, counts, spends, total);
        return new Ranking(currency, rfm[0], rfm[1], rfm[2], classes, higherShare, cumulativeShare, summary);
    }

    /** An order of positions, compared by what is stored at them. */
    @FunctionalInterface
    interface PositionOrder {
        int compare(int a, int b);

        /** A stable merge sort of positions, without boxing a million of them. */
        static int[] sort(int[] positions, PositionOrder order) {
            int[] sorted = positions.clone();
            int[] buffer = new int[sorted.length];
            for (int width = 1; width < sorted.length; width *= 2) {
                for (int low = 0; low < sorted.length - width; low += 2 * width) {
                    int middle = low + width;
                    int high = Math.min(low + 2 * width, sorted.length);
                    merge(sorted, buffer, low, middle, high, order);
                }
            }
            return sorted;
        }

        private static void merge(int[] values, int[] buffer, int low, int middle, int high, PositionOrder order) {
            System.arraycopy(values, low, buffer, low, high - low);
            int left = low;
            int right = middle;
            for (int at = low; at < high; at++) {
                if (left < middle && (right >= high || order.compare(buffer[left], buffer[right]) <= 0)) {
                    values[at] = buffer[left++];
                } else {
                    values[at] = buffer[right++];
                }
            }
        }
    }

    /**
     * The RFM scores and ABC classes of a ranked population, by position. Immutable and thread-safe.
     */
    public static final class Ranking {
        private final Currency currency;
        private final byte[] recency;
        private final byte[] frequency;
        private final byte[] monetary;
        private final byte[] classes;
        private final int[] higherShare;
        private final int[] cumulativeShare;
        private final AbcSummary abcSummary;

        private Ranking(Currency currency, byte[] recency, byte[] frequency, byte[] monetary, byte[] classes,
                int[] higherShare, int[] cumulativeShare, AbcSummary abcSummary) {
            this.currency = currency;
            this.recency = recency;
            this.frequency = frequency;
            this.monetary = monetary;
            this.classes = classes;
            this.higherShare = higherShare;
            this.cumulativeShare = cumulativeShare;
            this.abcSummary = abcSummary;
        }

        /** @return the number of customers ranked */
        public int size() {
            return classes.length;
        }

        /**
         * A customer's RFM score.
         *
         * @param position the customer's position, from {@link SegmentPopulation#add}
         * @param customerId the customer; not null
         * @return the score, or empty for a customer who never bought
         */
        public Optional<RfmScore> rfm(int position, CustomerId customerId) {
            Objects.checkIndex(position, size());
            if (recency[position] == 0) {
                return Optional.empty();
            }
            return Optional.of(new RfmScore(customerId, recency[position], frequency[position], monetary[position]));
        }

        /**
         * A customer's ABC class.
         *
         * @param position the customer's position, from {@link SegmentPopulation#add}
         * @param metrics the customer's metrics, the same as when added; not null
         * @return the class with the shares of spend before and up to the customer
         */
        public AbcResult abc(int position, CustomerMetrics metrics) {
            Objects.checkIndex(position, size());
            if (!metrics.spend().currency().equals(currency)) {
                throw new CurrencyMismatchException("spend of customer '" + metrics.customerId() + "'", currency,
                        metrics.spend().currency());
            }
            return new AbcResult(metrics.customerId(), AbcClass.values()[classes[position]], metrics.spend(),
                    BigDecimal.valueOf(higherShare[position], AbcClassifier.SHARE_SCALE),
                    BigDecimal.valueOf(cumulativeShare[position], AbcClassifier.SHARE_SCALE));
        }

        /** @return how customers and spend divide over the classes */
        public AbcSummary abcSummary() {
            return abcSummary;
        }
    }
}
