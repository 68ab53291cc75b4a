package org.crmkit.rules.clv;

/**
 * One customer's conditional expected purchases {@code E[Y(t) | x, t_x, T]} at t = 1, 2, 3, ...
 * periods, as {@link CustomerValue} sums them: each in constant time, where
 * {@link PurchaseModel#conditionalExpectedPurchases(double, PurchaseSummary)} may cost a series
 * whose length grows with t. The values are those of that method to about 1e-13 (BG/NBD, where
 * they are often the more accurate) or a few units in the last place (Pareto/NBD). Not
 * thread-safe: one instance walks one customer's horizon once.
 */
@FunctionalInterface
interface PeriodExpectations {

    /**
     * The expected purchases in the first {@code period} periods ahead.
     *
     * @param period 1, 2, 3, ...: each call's at least the last one's
     * @return E[Y(period)], zero or more
     */
    double at(int period);

    /**
     * The walk for a customer under a model.
     *
     * @param model the purchase model; not null
     * @param customer the customer; not null
     * @return the walk, starting before period 1
     */
    static PeriodExpectations of(PurchaseModel model, PurchaseSummary customer) {
        if (model instanceof BgNbdModel bgNbd) {
            return bgNbd.periodExpectations(customer);
        }
        // The interface is sealed: the other model is Pareto/NBD.
        return ((ParetoNbdModel) model).periodExpectations(customer);
    }
}
