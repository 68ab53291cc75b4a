package org.crmkit.rules.clv;

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
 * bounded memory. Not thread-safe.
 */
public final class CustomerSummaries {
    /** A repeat customer's x and z&#772;, the Gamma-Gamma likelihood's data. */
    record SpendRow(int frequency, double value) {
    }

    private final PurchaseRows.Builder rows = new PurchaseRows.Builder();
    private final Map<SpendRow, Integer> spendRows = new HashMap<>();
    private int customers;
    private boolean repeated;
    private double observedAgeSum;
    private int observed;
    private int repeatBuyers;
    private double repeatValueSum;
    private Optional<PurchaseSummary> unpaidRepeatBuyer = Optional.empty();

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
                spendRows.merge(new SpendRow(summary.frequency(), value), 1, Integer::sum);
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

    Map<SpendRow, Integer> spendRows() {
        return spendRows;
    }

    double meanRepeatValue() {
        return repeatValueSum / repeatBuyers;
    }

    /** The first repeat buyer whose repeat purchases were all worth 0, whom Gamma-Gamma cannot take. */
    Optional<PurchaseSummary> unpaidRepeatBuyer() {
        return unpaidRepeatBuyer;
    }
}
