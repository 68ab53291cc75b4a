package org.crmkit.rules.clv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * Customer lifetime value: the discounted value of a customer's expected future purchases,
 * {@code sum over periods i = 1..H of (E[Y(i)] - E[Y(i-1)]) * m / (1 + d)^i}, where E[Y(t)] is the
 * purchase model's conditional expectation, m the spend model's expected value per purchase and
 * d the rate per period equivalent to the annual rate R, {@code (1 + R)^(1 / periods per year) - 1}.
 * Purchases are discounted at the end of the period they fall in, as the Python library lifetimes
 * does, rather than continuously.
 *
 * <p>Periods are in the time unit of the summaries the models were fitted on; the unit passed
 * here must be that unit, as it converts the annual discount rate. Amounts are in the currency of
 * the spend model's data, rounded to cents (2 decimals, half-even) only at the end.
 *
 * <p>The cost is a few dozen nanoseconds per period: the expectations are not evaluated afresh
 * for every period (for BG/NBD a hypergeometric series whose length grows with the period) but
 * walked through the horizon, P(alive) computed once; for BG/NBD the expectation while alive
 * follows its differential equation from period to period (see the package's
 * {@code BgNbdPeriods}), to about 1e-13 of the expectation. The horizon is at most
 * {@value #MAX_HORIZON} periods.
 */
public final class CustomerValue {
    /**
     * The longest horizon, in periods of any unit: 36,525 periods are 100 years in days (about
     * 700 in weeks). No customer relationship, discount rate or fitted model speaks about a longer
     * future, whose discounted value is negligible anyway (at 10% a year, a purchase 100 years
     * ahead counts for 1/13,780 of one today), and the cost grows with the horizon: the bound keeps
     * one customer's value to about a millisecond.
     */
    public static final int MAX_HORIZON = 36_525;

    private CustomerValue() {
    }

    /**
     * The customer's lifetime value over a horizon.
     *
     * @param model the fitted purchase model; not null
     * @param spend the fitted spend model; not null
     * @param customer the customer's summary; not null
     * @param horizonPeriods the horizon H in periods of {@code unit}; zero to {@value #MAX_HORIZON}
     * @param annualDiscountRate R, e.g. {@code 0.10} for 10% a year; zero or more; not null
     * @param unit the time unit of the summaries and of the horizon; not null
     * @return the value, rounded to 2 decimals half-even; zero or more, non-decreasing in the horizon
     * @throws InvalidValueException if the horizon is negative or more than {@value #MAX_HORIZON}, the
     *     rate is negative, or the spend model has no finite expected value for the customer (see
     *     {@link GammaGammaModel#conditionalExpectedAverageValue})
     */
    public static BigDecimal clv(PurchaseModel model, GammaGammaModel spend, PurchaseSummary customer,
            int horizonPeriods, BigDecimal annualDiscountRate, ClvTimeUnit unit) {
        Objects.requireNonNull(spend, "spend");
        double purchases = discountedExpectedPurchases(model, customer, horizonPeriods, annualDiscountRate, unit);
        double value = purchases * expectedValue(spend, customer);
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * The expected value of one of the customer's future purchases under the spend model, the
     * population mean for a customer without repeat purchases.
     *
     * @param spend the fitted spend model; not null
     * @param customer the customer's summary; not null
     * @return the value, rounded to 2 decimals half-even
     * @throws InvalidValueException if the expectation is infinite (see
     *     {@link GammaGammaModel#conditionalExpectedAverageValue})
     */
    public static BigDecimal expectedAverageValue(GammaGammaModel spend, PurchaseSummary customer) {
        return BigDecimal.valueOf(expectedValue(spend, customer)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * The discounted number of expected purchases over the horizon, the factor that turns the
     * expected value per purchase into the lifetime value: {@code sum over i of
     * (E[Y(i)] - E[Y(i-1)]) / (1 + d)^i}, in time proportional to the horizon.
     *
     * @param model the fitted purchase model; not null
     * @param customer the customer's summary; not null
     * @param horizonPeriods the horizon in periods of {@code unit}; zero to {@value #MAX_HORIZON}
     * @param annualDiscountRate R; zero or more; not null
     * @param unit the time unit of the summaries; not null
     * @return the discounted purchases, zero or more, non-decreasing in the horizon
     * @throws InvalidValueException if the horizon is negative or more than {@value #MAX_HORIZON}, or
     *     the rate is negative
     */
    public static double discountedExpectedPurchases(PurchaseModel model, PurchaseSummary customer,
            int horizonPeriods, BigDecimal annualDiscountRate, ClvTimeUnit unit) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(annualDiscountRate, "annualDiscountRate");
        Objects.requireNonNull(unit, "unit");
        if (horizonPeriods < 0) {
            throw new InvalidValueException("CLV horizon must not be negative, was " + horizonPeriods);
        }
        if (horizonPeriods > MAX_HORIZON) {
            throw new InvalidValueException("CLV horizon must be at most " + MAX_HORIZON
                    + " periods (100 years in days), was " + horizonPeriods);
        }
        if (annualDiscountRate.signum() < 0) {
            throw new InvalidValueException("annual discount rate must not be negative, was "
                    + annualDiscountRate.toPlainString());
        }
        double perPeriod = Math.log1p(annualDiscountRate.doubleValue()) / unit.periodsPerYear();
        if (horizonPeriods == 0) {
            return 0;
        }
        PeriodExpectations expectations = PeriodExpectations.of(model, customer);
        double total = 0;
        double before = 0;
        double discount = Math.exp(-perPeriod);
        double factor = 1;
        for (int period = 1; period <= horizonPeriods; period++) {
            double expected = expectations.at(period);
            // e^(-d i) by multiplication, recomputed every 256 periods so that rounding stays below 1e-13.
            factor = (period & 255) == 0 ? Math.exp(-perPeriod * period) : factor * discount;
            // The expectation grows with t; a step below zero can only be rounding.
            total += Math.max(0, expected - before) * factor;
            before = Math.max(before, expected);
        }
        return total;
    }

    private static double expectedValue(GammaGammaModel spend, PurchaseSummary customer) {
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(customer, "customer");
        return spend.conditionalExpectedAverageValue(customer.frequency(), customer.averageRepeatValue().doubleValue());
    }
}
