package org.crmkit.rules.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;

/**
 * How customers and spend divide over the ABC classes: "A: 20.00% of customers, 70.00% of
 * spend". Shares are rounded half-even to {@value #SHARE_SCALE} decimal places (hundredths of a
 * percent), like a tier distribution, so the three shares may miss 1 by a rounding unit.
 * Immutable and thread-safe.
 *
 * @param customers the number of customers classified, zero or more
 * @param lines one line per class, in the order A, B, C; not null
 */
public record AbcSummary(int customers, List<Line> lines) {
    /** Decimal places of the shares: hundredths of a percent. */
    public static final int SHARE_SCALE = 4;

    /** Checks that there is one line per class, in order, and that their counts add up. */
    public AbcSummary {
        Objects.requireNonNull(lines, "lines");
        lines = List.copyOf(lines);
        AbcClass[] classes = AbcClass.values();
        if (lines.size() != classes.length) {
            throw new InvalidValueException("ABC summary needs one line per class, was " + lines.size() + " lines");
        }
        int counted = 0;
        for (int i = 0; i < classes.length; i++) {
            if (lines.get(i).abcClass() != classes[i]) {
                throw new InvalidValueException("ABC summary line " + (i + 1) + " must be for class " + classes[i]
                        + ", was " + lines.get(i).abcClass());
            }
            counted += lines.get(i).customers();
        }
        if (counted != customers) {
            throw new InvalidValueException("ABC summary lines count " + counted + " customers, not " + customers);
        }
    }

    /**
     * Summarises classification results.
     *
     * @param results the results of one {@link AbcClassifier#classify(Map, AbcSettings)} call,
     *     all spend in one currency; not null
     * @return the summary; all shares zero when there are no results or nobody spent anything
     * @throws org.crmkit.core.CurrencyMismatchException if the spends are in different currencies
     */
    public static AbcSummary of(Collection<AbcResult> results) {
        Objects.requireNonNull(results, "results");
        List<AbcResult> all = List.copyOf(results);
        Map<AbcClass, Integer> counts = new EnumMap<>(AbcClass.class);
        Map<AbcClass, BigDecimal> spends = new EnumMap<>(AbcClass.class);
        BigDecimal total = BigDecimal.ZERO;
        for (AbcResult result : all) {
            Currency expected = all.get(0).spend().currency();
            if (!expected.equals(result.spend().currency())) {
                // Shares of amounts in different currencies would mean nothing.
                throw new CurrencyMismatchException("spend of customer '" + result.customerId() + "'", expected,
                        result.spend().currency());
            }
            counts.merge(result.abcClass(), 1, Integer::sum);
            spends.merge(result.abcClass(), result.spend().amount(), BigDecimal::add);
            total = total.add(result.spend().amount());
        }
        return of(all.size(), counts, spends, total);
    }

    /**
     * Summarises per-class counts and spends.
     *
     * @param customers the number of customers classified, zero or more
     * @param counts the customers per class; classes not given have none; not null
     * @param spends the spend per class; classes not given have none; not null
     * @param total the spend of everybody; not null
     * @return the summary; all shares zero when there are no customers or nobody spent anything
     */
    public static AbcSummary of(int customers, Map<AbcClass, Integer> counts, Map<AbcClass, BigDecimal> spends,
            BigDecimal total) {
        List<Line> lines = new ArrayList<>();
        for (AbcClass abcClass : AbcClass.values()) {
            int count = counts.getOrDefault(abcClass, 0);
            lines.add(new Line(abcClass, count,
                    AbcClassifier.share(BigDecimal.valueOf(count), BigDecimal.valueOf(customers), SHARE_SCALE),
                    AbcClassifier.share(spends.getOrDefault(abcClass, BigDecimal.ZERO), total, SHARE_SCALE)));
        }
        return new AbcSummary(customers, lines);
    }

    /**
     * The line of one class.
     *
     * @param abcClass the class; not null
     * @return its line
     */
    public Line line(AbcClass abcClass) {
        return lines.get(Objects.requireNonNull(abcClass, "abcClass").ordinal());
    }

    /**
     * One class's part of the population. Immutable and thread-safe.
     *
     * @param abcClass the class; not null
     * @param customers the number of customers in it, zero or more
     * @param customerShare their share of all customers, 0..1; not null
     * @param spendShare their share of the total spend, 0..1; not null
     */
    public record Line(AbcClass abcClass, int customers, BigDecimal customerShare, BigDecimal spendShare) {
        /** Checks the invariants. */
        public Line {
            Objects.requireNonNull(abcClass, "abcClass");
            Objects.requireNonNull(customerShare, "customerShare");
            Objects.requireNonNull(spendShare, "spendShare");
            if (customers < 0) {
                throw new InvalidValueException("ABC class " + abcClass + " customers must not be negative, was "
                        + customers);
            }
        }

        /**
         * The line in words, for reports and demos.
         *
         * @return e.g. {@code "A: 2 customers (20.00%), 70.00% of spend"}
         */
        public String describe() {
            return abcClass + ": " + customers + (customers == 1 ? " customer (" : " customers (")
                    + percent(customerShare) + "), " + percent(spendShare) + " of spend";
        }

        private static String percent(BigDecimal share) {
            return share.movePointRight(2).toPlainString() + "%";
        }
    }
}
