package org.crmkit.rules.clv;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Purchase;

/**
 * Builds {@link PurchaseSummary customer summaries} from purchases or from a customer's facts,
 * and states the bounds within which summaries are read from files (the summary files the CDNOW
 * studies and the lifetimes library publish are read by
 * {@link org.crmkit.rules.io.clv.PurchaseSummaryCsv}).
 */
public final class PurchaseSummaries {
    /** Mean repeat values keep 16 significant digits; they are averages, not amounts anyone paid. */
    private static final MathContext AVERAGE = MathContext.DECIMAL64;

    /**
     * The largest average repeat value (z&#772;) a summary file may give: a trillion in the file's
     * currency per purchase. Larger means are not averages of real purchases but broken exports,
     * and with cents they would no longer be held exactly by the doubles the spend model computes in.
     */
    public static final BigDecimal MAX_AVERAGE_VALUE = new BigDecimal("1000000000000");

    /** The longest age T a summary file may give, in days: 100 years, the longest CLV horizon too. */
    private static final int MAX_AGE_DAYS = CustomerValue.MAX_HORIZON;

    private PurchaseSummaries() {
    }

    /**
     * Summarises purchases as of the end of a calibration period, with the definitions of
     * lifetimes' {@code summary_data_from_transaction_data}:
     * <ul>
     *   <li>purchases after {@code calibrationEnd} are ignored, and customers without a purchase
     *       up to it have no summary;</li>
     *   <li>a customer's purchases on one day are one purchase, their amounts summed;</li>
     *   <li>frequency x is the number of purchase days after the first; recency t<sub>x</sub> the
     *       time from the first to the last purchase day; age T the time from the first purchase
     *       day to {@code calibrationEnd};</li>
     *   <li>the average repeat value z&#772; is the mean of the repeat purchase days' summed
     *       amounts (the first day is left out), to 16 significant digits; zero without repeat
     *       purchases.</li>
     * </ul>
     *
     * @param purchases the purchases, in any order; all in one currency; not null
     * @param calibrationEnd the last day of the calibration period; not null
     * @param unit the unit of recency and age; not null
     * @return one summary per customer, ordered by customer id
     * @throws InvalidValueException if the purchases are in more than one currency (the message
     *     names the customer and both currencies)
     */
    public static List<PurchaseSummary> fromPurchases(Collection<Purchase> purchases, LocalDate calibrationEnd,
            ClvTimeUnit unit) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(unit, "unit");
        Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days = new TreeMap<>();
        Currency currency = null;
        for (Purchase purchase : purchases) {
            Objects.requireNonNull(purchase, "purchases must not contain null");
            if (purchase.orderDate().isAfter(calibrationEnd)) {
                continue;
            }
            Currency own = purchase.amount().currency();
            if (currency == null) {
                currency = own;
            } else if (!currency.equals(own)) {
                // One spend model for the whole base needs one currency; summaries carry none.
                throw new InvalidValueException("customer '" + purchase.customerId() + "': purchase '" + purchase.id()
                        + "' is in " + own.getCurrencyCode() + ", other purchases are in " + currency.getCurrencyCode()
                        + "; summaries need a single currency");
            }
            days.computeIfAbsent(purchase.customerId(), id -> new TreeMap<>())
                    .merge(purchase.orderDate(), purchase.amount().amount(), BigDecimal::add);
        }
        List<PurchaseSummary> summaries = new ArrayList<>(days.size());
        days.forEach((customer, byDay) -> summaries.add(summary(customer, byDay, calibrationEnd, unit)));
        return List.copyOf(summaries);
    }

    private static PurchaseSummary summary(CustomerId customer, TreeMap<LocalDate, BigDecimal> byDay,
            LocalDate calibrationEnd, ClvTimeUnit unit) {
        LocalDate first = byDay.firstKey();
        int frequency = byDay.size() - 1;
        BigDecimal average = BigDecimal.ZERO;
        if (frequency > 0) {
            BigDecimal repeat = byDay.tailMap(first, false).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            average = repeat.divide(BigDecimal.valueOf(frequency), AVERAGE);
        }
        return new PurchaseSummary(customer.value(), frequency, unit.between(first, byDay.lastKey()),
                unit.between(first, calibrationEnd), average);
    }

    /**
     * Summarises a customer's {@link org.crmkit.core.facts.PurchaseHistoryFacts purchase history}
     * as of the facts' day, with the definitions of {@link #fromPurchases}: the calibration period
     * ends on the as-of day.
     *
     * @param facts the customer's facts, with the history; not null
     * @param unit the unit of recency and age; not null
     * @return the summary, or empty for a customer without a purchase up to the as-of day
     * @throws InvalidValueException if the facts were computed without the history
     */
    public static Optional<PurchaseSummary> fromFacts(CustomerFacts facts, ClvTimeUnit unit) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(unit, "unit");
        PurchaseHistoryFacts history = facts.history().orElseThrow(() -> new InvalidValueException("the facts of"
                + " customer '" + facts.customerId() + "' hold no purchase history; ask for FactGroup.HISTORY"));
        if (history.firstPurchase().isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = history.firstPurchase().get();
        int frequency = history.repeatPurchaseDays();
        BigDecimal average = frequency == 0 ? BigDecimal.ZERO
                : history.repeatSpend().amount().divide(BigDecimal.valueOf(frequency), AVERAGE);
        return Optional.of(new PurchaseSummary(facts.customerId().value(), frequency,
                unit.between(first, facts.metrics().lastPurchase().orElseThrow()), unit.between(first, facts.asOf()),
                average));
    }

    /**
     * The customers the Gamma-Gamma spend model can be fitted on: repeat buyers whose repeat
     * purchases were worth more than 0. Free repeat purchases (samples, warranty replacements)
     * say nothing about spend, and the model needs mean values above 0.
     *
     * @param customers the summaries; not null
     * @return those with a paid repeat purchase, in the given order
     */
    public static List<PurchaseSummary> paidRepeatBuyers(Collection<PurchaseSummary> customers) {
        return customers.stream()
                .filter(customer -> customer.frequency() > 0 && customer.averageRepeatValue().signum() > 0).toList();
    }

    /**
     * The longest age T a summary file may give: 100 years, the longest CLV horizon too.
     *
     * @param unit the unit of the file's times; not null
     * @return 36,525 days or 5,218 weeks (whole units, rounded up)
     */
    public static BigDecimal maxAge(ClvTimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        // Whole units, rounded up, so that 100 years of days always fit.
        return BigDecimal.valueOf(MAX_AGE_DAYS).divide(BigDecimal.valueOf(unit.days()), 0, RoundingMode.CEILING);
    }

    /**
     * The most repeat purchases a recency allows: one a day, counted as purchases summarised by day
     * are. Rounded up, since files round their times (a day is 0.14 weeks in CDNOW's files).
     *
     * @param recency t<sub>x</sub>, zero or more; not null
     * @param unit the unit of the recency; not null
     * @return the largest frequency x a summary with this recency may have
     */
    public static long maxFrequency(BigDecimal recency, ClvTimeUnit unit) {
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(unit, "unit");
        return recency.multiply(BigDecimal.valueOf(unit.days())).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
