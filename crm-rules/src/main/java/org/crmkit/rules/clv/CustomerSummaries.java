package org.crmkit.rules.clv;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer base's {@link PurchaseSummary purchase summaries}, gathered one customer at a time and
 * kept the way the fitters of {@link ModelFitter} read them: the distinct (x, t<sub>x</sub>, T)
 * histories with the number of customers who share each, and the distinct (x, z&#772;) pairs of the
 * repeat buyers. Memory grows with the number of distinct histories (105,923 for a million simulated
 * CDNOW customers), not with the number of customers, so a streamed customer base can be fitted in
 * bounded memory: about 32 bytes per distinct history and 24 per distinct (x, z&#772;) pair, kept in
 * primitive arrays (a million of each take about 56 MB). Not thread-safe.
 */
public final class CustomerSummaries {
    private final PurchaseRows.Builder rows = new PurchaseRows.Builder();
    private final SpendRows spendRows = new SpendRows();
    private int customers;
    private boolean repeated;
    private double observedAgeSum;
    private int observed;
    private int repeatBuyers;
    private double repeatValueSum;
    private Optional<PurchaseSummary> unpaidRepeatBuyer = Optional.empty();

    private CustomerSummaries() {
    }

    /** @return an empty collection of summaries */
    public static CustomerSummaries create() {
        return new CustomerSummaries();
    }

    /**
     * Gathers summaries.
     *
     * @param summaries the customers, in one time unit; not null
     * @return the gathered summaries
     */
    public static CustomerSummaries of(Collection<PurchaseSummary> summaries) {
        CustomerSummaries gathered = create();
        for (PurchaseSummary summary : Objects.requireNonNull(summaries, "summaries")) {
            gathered.add(Objects.requireNonNull(summary, "customers must not contain null"));
        }
        return gathered;
    }

    /**
     * Adds a customer.
     *
     * @param summary the customer's summary, in the time unit of the others; not null
     */
    public void add(PurchaseSummary summary) {
        Objects.requireNonNull(summary, "summary");
        rows.add(summary);
        customers++;
        if (summary.age() > 0) {
            observedAgeSum += summary.age();
            observed++;
        }
        if (summary.frequency() > 0) {
            repeated = true;
            if (summary.averageRepeatValue().signum() == 0) {
                if (unpaidRepeatBuyer.isEmpty()) {
                    unpaidRepeatBuyer = Optional.of(summary);
                }
            } else {
                double value = summary.averageRepeatValue().doubleValue();
                repeatValueSum += value;
                repeatBuyers++;
                spendRows.add(summary.frequency(), value);
            }
        }
    }

    /** @return the number of customers gathered */
    public int customers() {
        return customers;
    }

    /** @return the customers with a repeat purchase whose repeat purchases were worth more than 0 */
    public int paidRepeatBuyers() {
        return repeatBuyers;
    }

    boolean anyObserved() {
        return observed > 0;
    }

    boolean anyRepeated() {
        return repeated;
    }

    /** The mean T of the customers observed for some time (T &gt; 0), the scale of the time rates. */
    double meanObservedAge() {
        return observedAgeSum / observed;
    }

    PurchaseRows purchaseRows() {
        return rows.build();
    }

    SpendRows spendRows() {
        return spendRows;
    }

    double meanRepeatValue() {
        return repeatValueSum / repeatBuyers;
    }

    /** The first repeat buyer whose repeat purchases were all worth 0, whom Gamma-Gamma cannot take. */
    Optional<PurchaseSummary> unpaidRepeatBuyer() {
        return unpaidRepeatBuyer;
    }

    /**
     * The distinct (x, z&#772;) pairs of the repeat buyers who paid, with the number of customers who
     * share each, in the order first seen: the Gamma-Gamma likelihood's data, in arrays valid up to
     * {@link #size()}.
     */
    static final class SpendRows {
        /** A row's key as the map that once held the rows had it (the record's hash and equality). */
        private record SpendRow(int frequency, double value) {
        }

        private int[] frequency = new int[16];
        private double[] value = new double[16];
        private double[] weight = new double[16];
        private final RowIndex index = new RowIndex(row -> hash(frequency[row], value[row]));
        private boolean mergedAfterLastNewRow;

        void add(int x, double zbar) {
            int row = find(x, zbar);
            mergedAfterLastNewRow = row >= 0;
            if (row < 0) {
                row = index.size();
                if (row == frequency.length) {
                    frequency = Arrays.copyOf(frequency, row * 2);
                    value = Arrays.copyOf(value, row * 2);
                    weight = Arrays.copyOf(weight, row * 2);
                }
                frequency[row] = x;
                value[row] = zbar;
                index.add();
            }
            weight[row]++;
        }

        private int find(int x, double zbar) {
            return index.find(hash(x, zbar), candidate -> frequency[candidate] == x
                    && Double.compare(value[candidate], zbar) == 0);
        }

        private static int hash(int x, double zbar) {
            return x * 31 + RowIndex.hash(zbar);
        }

        /**
         * The order to sum the rows' log-likelihoods in: that of the {@code HashMap} of (x, z&#772;)
         * records the rows were merged into, one customer at a time, before they were kept in arrays.
         * Floating-point sums depend on their order and BOBYQA's path on the last digits of the sum,
         * so any other order moves the fitted parameters in their sixth digit, and with them the fits
         * the README shows and {@code crm clv fit} prints. That map's order follows from the order its
         * keys were first merged, and from whether a merge came after the last new one (a resize
         * waits for the next merge), so merging the rows again into an equal map gives it exactly;
         * that map lives only here, about 56 bytes a row. (Where distinct keys of one hash shared a
         * bucket that had become a tree, their order followed identity hashes, from run to run, then
         * as now.)
         *
         * @return the rows, in the order to sum them
         */
        int[] summationOrder() {
            int size = size();
            Map<SpendRow, Boolean> merged = new HashMap<>();
            for (int row = 0; row < size; row++) {
                merged.merge(new SpendRow(frequency[row], value[row]), Boolean.TRUE, (kept, again) -> kept);
            }
            if (mergedAfterLastNewRow) {
                merged.merge(new SpendRow(frequency[size - 1], value[size - 1]), Boolean.TRUE, (kept, again) -> kept);
            }
            int[] order = new int[size];
            int next = 0;
            for (SpendRow key : merged.keySet()) {
                order[next++] = find(key.frequency(), key.value());
            }
            return order;
        }

        /** @return the number of distinct pairs */
        int size() {
            return index.size();
        }

        /** @return x by row, valid up to {@link #size()} */
        int[] frequency() {
            return frequency;
        }

        /** @return z&#772; by row, valid up to {@link #size()} */
        double[] value() {
            return value;
        }

        /** @return the customers by row, valid up to {@link #size()} */
        double[] weight() {
            return weight;
        }
    }
}
