package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.rules.clv.BgNbdModel;
import org.crmkit.rules.clv.PurchaseSummary;

/**
 * A customer base simulated from the BG/NBD process, made in code from a seed, in the shape of the
 * CDNOW cohort: first purchases spread over the first {@value #COHORT_DAYS} days, a calibration
 * period that ends on day {@value #CALIBRATION_END} (39 weeks after the first day), times in weeks.
 *
 * <p>Each customer gets a purchase rate lambda ~ Gamma(r, alpha) per week and a drop-out
 * probability p ~ Beta(a, b). From the first purchase on, purchases follow a Poisson process
 * with rate lambda; after each repeat purchase the customer drops out with probability p (the
 * process of Fader, Hardie &amp; Lee 2005, as lifetimes simulates it). The benchmark's base records
 * purchases by day, as an ERP would: purchases on one day are one purchase, so recencies and ages
 * are whole days over 7, and a large base has far fewer distinct histories than customers. That
 * recording loses some of the heaviest buyers' purchases, so a fit lands a few percent off the
 * simulated parameters (alpha about 6% high); recorded at exact times, the base follows the model
 * exactly. The same seed always gives the same base. Stateless.
 */
final class BgNbdCustomers {
    /** First purchases fall on days 0 to 83: twelve weeks, about the CDNOW cohort's quarter. */
    static final int COHORT_DAYS = 84;
    /** The calibration period's last day, counted from the cohort's first day. */
    static final int CALIBRATION_END = 272;

    private BgNbdCustomers() {
    }

    /**
     * Simulates a customer base recorded by day, as the benchmark fits it.
     *
     * @param customers how many customers
     * @param seed the random seed
     * @param model the process's parameters, alpha per week
     * @return the customers' summaries (without monetary values), keyed "1", "2", ...
     */
    static List<PurchaseSummary> generate(int customers, long seed, BgNbdModel model) {
        return generate(customers, seed, model, true);
    }

    /**
     * Simulates a customer base.
     *
     * @param customers how many customers
     * @param seed the random seed
     * @param model the process's parameters, alpha per week
     * @param byDay whether purchases are recorded by day (merged within a day, times in whole days)
     *     or at their exact times, which follows the model exactly
     * @return the customers' summaries (without monetary values), keyed "1", "2", ...
     */
    static List<PurchaseSummary> generate(int customers, long seed, BgNbdModel model, boolean byDay) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PurchaseSummary> summaries = new ArrayList<>(customers);
        for (int i = 1; i <= customers; i++) {
            summaries.add(customer(String.valueOf(i), random, model, byDay));
        }
        return summaries;
    }

    private static PurchaseSummary customer(String key, SplittableRandom random, BgNbdModel model, boolean byDay) {
        double rate = gamma(random, model.r()) / model.alpha();
        double dropOut = beta(random, model.a(), model.b());
        int firstDay = random.nextInt(COHORT_DAYS);
        double age = (CALIBRATION_END - firstDay) / 7.0;
        double week = firstDay / 7.0;
        double recency = 0;
        int lastDay = firstDay;
        int repeats = 0;
        while (true) {
            week += random.nextExponential() / rate;
            if (byDay) {
                // Whole days, so that equal day counts give equal recencies.
                int day = (int) Math.floor(week * 7);
                if (day > CALIBRATION_END) {
                    break;
                }
                // A purchase on a day that already has one is the same purchase.
                if (day > lastDay) {
                    repeats++;
                    lastDay = day;
                    recency = (lastDay - firstDay) / 7.0;
                }
            } else {
                if (week - firstDay / 7.0 > age) {
                    break;
                }
                repeats++;
                recency = week - firstDay / 7.0;
            }
            if (random.nextDouble() < dropOut) {
                break;
            }
        }
        return PurchaseSummary.of(key, repeats, recency, age);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 through Gamma(shape + 1) U^(1/shape). */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < x * x / 2 + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Beta(a, b) as a ratio of gammas. */
    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }
}
