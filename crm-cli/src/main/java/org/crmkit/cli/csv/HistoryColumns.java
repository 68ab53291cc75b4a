package org.crmkit.cli.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The purchase history and the window's activity of the customers of one read
 * ({@link org.crmkit.core.facts.FactGroup#HISTORY} and {@link org.crmkit.core.facts.FactGroup#ACTIVITY}),
 * as primitive columns indexed like {@link CustomerColumns} and summed up as orders, interactions
 * and survey answers stream by: 64 bytes per customer, 30 more with survey answers.
 *
 * <p>Two facts cannot be summed in one pass over unsorted orders. The <b>spend of the first
 * purchase day</b> is kept with that day and started afresh whenever an earlier day turns up, so
 * the repeat spend is the spend less it. The <b>distinct purchase days</b> are counted from the
 * (customer, day) pairs of the orders, 8 bytes each in chunks, sorted once the orders are read and
 * then freed: an order on the customer's first or last day so far adds no pair, so 10,000,000
 * orders take at most 80 MB, and only while the orders file is read. The distinct categories
 * bought in the window are a 64-bit set per customer; categories numbered beyond 64 (a catalogue
 * of many) are counted from pairs the same way. Not thread-safe.
 */
final class HistoryColumns {
    /** No purchase day. */
    static final int NO_DAY = Integer.MAX_VALUE;

    private static final int STRIDE = 8;
    private static final int SPEND = 0;
    private static final int FIRST_DAY_SPEND = 1;
    private static final int LATER_HALF_SPEND = 2;
    /** The first purchase day (high half) and the orders up to the as-of day (low half). */
    private static final int FIRST_DAY_AND_ORDERS = 3;
    private static final int CATEGORIES = 4;
    /** Value-added purchases (high half) and distinct purchase days (low half). */
    private static final int VALUE_ADDED_AND_DAYS = 5;
    private static final int REFERRALS_AND_EVENTS = 6;
    private static final int TRIALS_AND_JOINT_PLANNING = 7;
    private static final long LOW = 0xFFFF_FFFFL;
    /** Categories numbered from here on are counted from pairs instead of the 64-bit set. */
    private static final int CATEGORY_BITS = 64;

    private long[] sums;
    private int capacity;
    /** Amounts that do not fit the columns: more decimals than the currency has, or sums beyond a long. */
    private final Map<Long, BigDecimal> exact = new HashMap<>();
    private final Pairs days = new Pairs();
    private final Pairs categoryPairs = new Pairs();
    /** Categories beyond the 64-bit set, by customer; only customers with such categories. */
    private final Map<Integer, Integer> moreCategories = new HashMap<>();

    private final boolean surveys;
    private int[] promoters;
    /** Per customer, the latest and the previous answer with a CSAT score: epoch second, nanosecond, score. */
    private long[] csatSeconds;
    private int[] csatNanos;
    private byte[] csatScores;

    /**
     * @param customers the customers known so far, to size the columns
     * @param surveys whether survey answers are read
     */
    HistoryColumns(int customers, boolean surveys) {
        this.surveys = surveys;
        capacity = 0;
        sums = new long[0];
        grow(Math.max(customers, 16));
    }

    /** Makes room for this many customers. */
    void grow(int customers) {
        if (customers <= capacity) {
            return;
        }
        int size = Math.max(customers, capacity + (capacity >> 1));
        int from = capacity;
        sums = Arrays.copyOf(sums, size * STRIDE);
        for (int customer = from; customer < size; customer++) {
            sums[customer * STRIDE + FIRST_DAY_AND_ORDERS] = (long) NO_DAY << 32;
        }
        if (surveys) {
            promoters = promoters == null ? new int[size] : Arrays.copyOf(promoters, size);
            csatSeconds = csatSeconds == null ? new long[size * 2] : Arrays.copyOf(csatSeconds, size * 2);
            csatNanos = csatNanos == null ? new int[size * 2] : Arrays.copyOf(csatNanos, size * 2);
            csatScores = csatScores == null ? new byte[size * 2] : Arrays.copyOf(csatScores, size * 2);
        }
        capacity = size;
    }

    /**
     * Reads a customer's sums, so that the memory load is under way before an order is added.
     *
     * @return what the sums hold, to be ignored
     */
    long touch(int customer) {
        return customer < 0 ? 0 : sums[customer * STRIDE + FIRST_DAY_AND_ORDERS];
    }

    /**
     * An order on or before the as-of day.
     *
     * @param epochDay its day
     * @param lastBefore the customer's last purchase day before this order, or {@link CustomerColumns#NO_DAY}
     * @param unscaled its amount in units of {@code 10^-scale}, when {@code exactAmount} is null
     * @param exactAmount its amount, when it does not fit {@code unscaled}; else null
     * @param laterHalf whether it falls in the later half of the window
     */
    void ordered(int customer, int epochDay, int lastBefore, long unscaled, BigDecimal exactAmount, int scale,
            boolean laterHalf) {
        int at = customer * STRIDE;
        long firstAndOrders = sums[at + FIRST_DAY_AND_ORDERS];
        int firstBefore = (int) (firstAndOrders >> 32);
        int first = firstBefore;
        int orders = (int) firstAndOrders + 1;
        add(customer, SPEND, unscaled, exactAmount, scale);
        if (epochDay < first) {
            first = epochDay;
            exact.remove(key(customer, FIRST_DAY_SPEND));
            sums[at + FIRST_DAY_SPEND] = 0;
            add(customer, FIRST_DAY_SPEND, unscaled, exactAmount, scale);
        } else if (epochDay == first) {
            add(customer, FIRST_DAY_SPEND, unscaled, exactAmount, scale);
        }
        if (laterHalf) {
            add(customer, LATER_HALF_SPEND, unscaled, exactAmount, scale);
        }
        sums[at + FIRST_DAY_AND_ORDERS] = ((long) first << 32) | (orders & LOW);
        // The first and the last day so far have their pair already (for a first order, neither is a day).
        if (epochDay != firstBefore && epochDay != lastBefore) {
            days.add(((long) customer << 32) | (epochDay & LOW));
        }
    }

    /**
     * A purchase in the window with a category.
     *
     * @param category the category's number ({@link Categories#id})
     * @param valueAdded whether it is a value-added service
     */
    void boughtCategory(int customer, int category, boolean valueAdded) {
        int at = customer * STRIDE;
        if (category < CATEGORY_BITS) {
            sums[at + CATEGORIES] |= 1L << category;
        } else {
            categoryPairs.add(((long) customer << 32) | category);
        }
        if (valueAdded) {
            sums[at + VALUE_ADDED_AND_DAYS] += 1L << 32;
        }
    }

    void referred(int customer) {
        sums[customer * STRIDE + REFERRALS_AND_EVENTS] += 1L << 32;
    }

    void attendedEvent(int customer) {
        sums[customer * STRIDE + REFERRALS_AND_EVENTS]++;
    }

    void tried(int customer) {
        sums[customer * STRIDE + TRIALS_AND_JOINT_PLANNING] += 1L << 32;
    }

    void plannedJointly(int customer) {
        sums[customer * STRIDE + TRIALS_AND_JOINT_PLANNING]++;
    }

    /** A survey answer in the window with a net promoter score of 9 or 10. */
    void promoted(int customer) {
        promoters[customer]++;
    }

    /**
     * A survey answer with a CSAT score on or before the as-of day: kept if it is one of the
     * customer's two latest. Of two answers at the same moment the lower score counts as the later.
     */
    void rated(int customer, long epochSecond, int nano, int score) {
        int latest = customer * 2;
        if (later(epochSecond, nano, score, latest)) {
            csatSeconds[latest + 1] = csatSeconds[latest];
            csatNanos[latest + 1] = csatNanos[latest];
            csatScores[latest + 1] = csatScores[latest];
            set(latest, epochSecond, nano, score);
        } else if (later(epochSecond, nano, score, latest + 1)) {
            set(latest + 1, epochSecond, nano, score);
        }
    }

    private boolean later(long epochSecond, int nano, int score, int slot) {
        if (csatScores[slot] == 0) {
            return true;
        }
        int moment = epochSecond != csatSeconds[slot] ? Long.compare(epochSecond, csatSeconds[slot])
                : Integer.compare(nano, csatNanos[slot]);
        return moment != 0 ? moment > 0 : score < csatScores[slot];
    }

    private void set(int slot, long epochSecond, int nano, int score) {
        csatSeconds[slot] = epochSecond;
        csatNanos[slot] = nano;
        csatScores[slot] = (byte) score;
    }

    /**
     * Counts each customer's distinct purchase days and categories from their pairs, once every
     * order is read, and frees the pairs.
     */
    void countPairs() {
        long[] all = days.drain();
        Arrays.sort(all);
        long previous = -1;
        for (long pair : all) {
            if (pair != previous) {
                sums[(int) (pair >>> 32) * STRIDE + VALUE_ADDED_AND_DAYS]++;
                previous = pair;
            }
        }
        all = categoryPairs.drain();
        Arrays.sort(all);
        previous = -1;
        for (long pair : all) {
            if (pair != previous) {
                moreCategories.merge((int) (pair >>> 32), 1, Integer::sum);
                previous = pair;
            }
        }
    }

    /** @return the orders on or before the as-of day */
    int orders(int customer) {
        return (int) sums[customer * STRIDE + FIRST_DAY_AND_ORDERS];
    }

    /** @return the first purchase day, or {@link #NO_DAY} */
    int firstDay(int customer) {
        return (int) (sums[customer * STRIDE + FIRST_DAY_AND_ORDERS] >> 32);
    }

    /** @return the distinct purchase days, after {@link #countPairs} */
    int purchaseDays(int customer) {
        return (int) (sums[customer * STRIDE + VALUE_ADDED_AND_DAYS] & LOW);
    }

    BigDecimal spend(int customer, int scale) {
        return amount(customer, SPEND, scale);
    }

    BigDecimal firstDaySpend(int customer, int scale) {
        return amount(customer, FIRST_DAY_SPEND, scale);
    }

    BigDecimal laterHalfSpend(int customer, int scale) {
        return amount(customer, LATER_HALF_SPEND, scale);
    }

    int categories(int customer) {
        return Long.bitCount(sums[customer * STRIDE + CATEGORIES]) + moreCategories.getOrDefault(customer, 0);
    }

    int valueAddedPurchases(int customer) {
        return (int) (sums[customer * STRIDE + VALUE_ADDED_AND_DAYS] >>> 32);
    }

    int referrals(int customer) {
        return (int) (sums[customer * STRIDE + REFERRALS_AND_EVENTS] >>> 32);
    }

    int events(int customer) {
        return (int) (sums[customer * STRIDE + REFERRALS_AND_EVENTS] & LOW);
    }

    int trials(int customer) {
        return (int) (sums[customer * STRIDE + TRIALS_AND_JOINT_PLANNING] >>> 32);
    }

    int jointPlanning(int customer) {
        return (int) (sums[customer * STRIDE + TRIALS_AND_JOINT_PLANNING] & LOW);
    }

    int promoterAnswers(int customer) {
        return surveys ? promoters[customer] : 0;
    }

    /** @return the latest CSAT score, 0 for none */
    int latestCsat(int customer) {
        return surveys ? csatScores[customer * 2] : 0;
    }

    /** @return the CSAT score before the latest, 0 for none */
    int previousCsat(int customer) {
        return surveys ? csatScores[customer * 2 + 1] : 0;
    }

    private void add(int customer, int field, long unscaled, BigDecimal exactAmount, int scale) {
        if (exactAmount != null) {
            exact.merge(key(customer, field), exactAmount, BigDecimal::add);
            return;
        }
        int at = customer * STRIDE + field;
        long sum = sums[at];
        long added = sum + unscaled;
        if (((sum ^ added) & (unscaled ^ added)) < 0) {
            exact.merge(key(customer, field), BigDecimal.valueOf(sum, scale).add(BigDecimal.valueOf(unscaled, scale)),
                    BigDecimal::add);
            added = 0;
        }
        sums[at] = added;
    }

    private BigDecimal amount(int customer, int field, int scale) {
        BigDecimal sum = BigDecimal.valueOf(sums[customer * STRIDE + field], scale);
        BigDecimal more = exact.get(key(customer, field));
        return more == null ? sum : sum.add(more);
    }

    private static long key(int customer, int field) {
        return (long) customer * STRIDE + field;
    }

    /** Longs appended in chunks, so that growing never copies them all. */
    private static final class Pairs {
        private static final int CHUNK = 1 << 20;
        private final List<long[]> full = new ArrayList<>();
        private long[] current = new long[1024];
        private int size;

        void add(long value) {
            if (size == current.length) {
                if (current.length < CHUNK) {
                    current = Arrays.copyOf(current, current.length * 4);
                } else {
                    full.add(current);
                    current = new long[CHUNK];
                    size = 0;
                }
            }
            current[size++] = value;
        }

        /** @return every value, in one array; the chunks are let go as they are copied */
        long[] drain() {
            long total = (long) full.size() * CHUNK + size;
            long[] all = new long[Math.toIntExact(total)];
            int at = 0;
            for (int i = 0; i < full.size(); i++) {
                System.arraycopy(full.get(i), 0, all, at, CHUNK);
                full.set(i, null);
                at += CHUNK;
            }
            System.arraycopy(current, 0, all, at, size);
            full.clear();
            current = new long[0];
            size = 0;
            return all;
        }
    }
}
