package org.crmkit.rules.clv;

import java.math.BigDecimal;

/**
 * The lifetime value's discounted purchases as {@link CustomerValue} computed them before it
 * walked the horizon: every period's expectation afresh from
 * {@link PurchaseModel#conditionalExpectedPurchases(double, PurchaseSummary)}, discounted with
 * {@code exp} per period. Slow (for BG/NBD the cost of a period grows with the period), kept as
 * the reference the walk must agree with. The old loop is split in two, so that several rates
 * share the expensive part.
 */
final class PerPeriodReference {
    private PerPeriodReference() {
    }

    /** @return E[Y(i)] for i = 0..H, each evaluated on its own; the expensive part, to share between rates */
    static double[] expectations(PurchaseModel model, PurchaseSummary customer, int horizonPeriods) {
        double[] expected = new double[horizonPeriods + 1];
        for (int period = 1; period <= horizonPeriods; period++) {
            expected[period] = model.conditionalExpectedPurchases(period, customer);
        }
        return expected;
    }

    /**
     * @return the old loop's sum over the given expectations: {@code sum over i of
     *     max(0, E[Y(i)] - max over j < i of E[Y(j)]) exp(-d i)}
     */
    static double discounted(double[] expected, BigDecimal annualDiscountRate, ClvTimeUnit unit) {
        double perPeriod = Math.log1p(annualDiscountRate.doubleValue()) / unit.periodsPerYear();
        double total = 0;
        double before = 0;
        for (int period = 1; period < expected.length; period++) {
            // The expectation grows with t; a step below zero can only be rounding.
            total += Math.max(0, expected[period] - before) * Math.exp(-perPeriod * period);
            before = Math.max(before, expected[period]);
        }
        return total;
    }
}
