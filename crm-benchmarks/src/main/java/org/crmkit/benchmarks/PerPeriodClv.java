package org.crmkit.benchmarks;

import java.math.BigDecimal;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.PurchaseModel;
import org.crmkit.rules.clv.PurchaseSummary;

/**
 * The anchor of {@link ClvValueBenchmark}: the discounted expected purchases as
 * {@code CustomerValue} computed them up to crmkit 0.1, every period's expectation afresh from
 * {@link PurchaseModel#conditionalExpectedPurchases(double, PurchaseSummary)}. For BG/NBD each
 * costs a hypergeometric series of about {@code 40 (1 + t / (alpha + T))} terms, so the horizon's
 * cost grows with its square.
 */
public final class PerPeriodClv {
    private PerPeriodClv() {
    }

    /**
     * {@code sum over i of max(0, E[Y(i)] - max over j < i of E[Y(j)]) exp(-d i)}.
     *
     * @param model the purchase model; not null
     * @param customer the customer; not null
     * @param horizonPeriods the horizon; zero or more
     * @param annualDiscountRate the annual rate R; zero or more; not null
     * @param unit the time unit of the model and the horizon; not null
     * @return the discounted expected purchases
     */
    public static double discountedExpectedPurchases(PurchaseModel model, PurchaseSummary customer,
            int horizonPeriods, BigDecimal annualDiscountRate, ClvTimeUnit unit) {
        double perPeriod = Math.log1p(annualDiscountRate.doubleValue()) / unit.periodsPerYear();
        double total = 0;
        double before = 0;
        for (int period = 1; period <= horizonPeriods; period++) {
            double expected = model.conditionalExpectedPurchases(period, customer);
            total += Math.max(0, expected - before) * Math.exp(-perPeriod * period);
            before = Math.max(before, expected);
        }
        return total;
    }
}
