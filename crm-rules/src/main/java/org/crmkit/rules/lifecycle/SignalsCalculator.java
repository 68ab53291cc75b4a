package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Signal;

/**
 * The reference definition of the {@link Signal signals}: a pure function from a customer's
 * {@link CustomerFacts} and {@link ServiceLevelFacts} to a {@link CustomerSignals} snapshot. A signal
 * whose facts were not computed (a group the facts query left out, or no service levels) is not
 * set, so it is unknown rather than a silent 0; P(alive) and churn risk come later, from the
 * purchase model and the lifecycle engine. Stateless and thread-safe.
 */
public final class SignalsCalculator {
    private static final int SCALE = 4;

    private SignalsCalculator() {
    }

    /**
     * Computes the signals.
     *
     * @param facts the customer's facts, best with every group; not null
     * @param service the customer's service levels, if known; not null
     * @return the snapshot, with every signal the facts allow but P(alive) and churn risk
     */
    public static CustomerSignals compute(CustomerFacts facts, Optional<ServiceLevelFacts> service) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(service, "service");
        Map<Signal, BigDecimal> values = new EnumMap<>(Signal.class);
        facts.history().ifPresent(history -> history(facts.metrics(), history, facts.activity(), values));
        facts.activity().ifPresent(activity -> activity(activity, values));
        service.ifPresent(levels -> service(levels, values));
        return new CustomerSignals(facts.metrics(), values);
    }

    private static void history(CustomerMetrics metrics, PurchaseHistoryFacts history,
            Optional<ActivityFacts> activity, Map<Signal, BigDecimal> values) {
        // Purchase days, as the purchase models count them: two orders on one day are one purchase.
        values.put(Signal.REPEAT_PURCHASES, BigDecimal.valueOf(history.repeatPurchaseDays()));
        if (history.firstPurchase().isEmpty()) {
            values.put(Signal.DAYS_SINCE_FIRST_PURCHASE, BigDecimal.ZERO);
            values.put(Signal.DAYS_SINCE_LAST_PURCHASE, BigDecimal.ZERO);
            return; // no trend and no recency without a purchase: those factors do not apply
        }
        LocalDate asOf = metrics.asOf();
        LocalDate first = history.firstPurchase().get();
        LocalDate last = metrics.lastPurchase().orElseThrow();
        long sinceLast = ChronoUnit.DAYS.between(last, asOf);
        values.put(Signal.DAYS_SINCE_FIRST_PURCHASE, BigDecimal.valueOf(ChronoUnit.DAYS.between(first, asOf)));
        values.put(Signal.DAYS_SINCE_LAST_PURCHASE, BigDecimal.valueOf(sinceLast));
        // A customer who bought before the window and not in it has stopped: the steepest fall.
        activity.ifPresent(window -> values.put(Signal.SPEND_TREND, metrics.orders() > 0
                ? trend(window.earlierHalfSpend().amount(), window.laterHalfSpend().amount())
                : BigDecimal.ONE.negate()));
        if (history.purchaseDays() >= 2) {
            BigDecimal meanGap = BigDecimal.valueOf(ChronoUnit.DAYS.between(first, last))
                    .divide(BigDecimal.valueOf(history.purchaseDays() - 1L), MathContext.DECIMAL64);
            values.put(Signal.RECENCY_RATIO, BigDecimal.valueOf(sinceLast)
                    .divide(meanGap, MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_EVEN));
        }
    }

    private static void activity(ActivityFacts activity, Map<Signal, BigDecimal> values) {
        values.put(Signal.CATEGORIES, BigDecimal.valueOf(activity.categories()));
        values.put(Signal.VALUE_ADDED_SERVICES, BigDecimal.valueOf(activity.valueAddedPurchases()));
        values.put(Signal.REFERRALS, BigDecimal.valueOf(activity.referrals()));
        values.put(Signal.EVENTS, BigDecimal.valueOf(activity.events()));
        values.put(Signal.TRIALS, BigDecimal.valueOf(activity.trials()));
        values.put(Signal.JOINT_PLANNING, BigDecimal.valueOf(activity.jointPlanning()));
        values.put(Signal.PROMOTER_ANSWERS, BigDecimal.valueOf(activity.promoterAnswers()));
        if (activity.previousCsat().isPresent()) {
            values.put(Signal.SATISFACTION_CHANGE,
                    BigDecimal.valueOf(activity.latestCsat().getAsInt() - activity.previousCsat().getAsInt()));
        }
    }

    private static void service(ServiceLevelFacts levels, Map<Signal, BigDecimal> values) {
        values.put(Signal.SLA_MET, BigDecimal.valueOf(levels.slaMet()));
        values.put(Signal.SLA_BREACHES, BigDecimal.valueOf(levels.slaBreaches()));
        values.put(Signal.OPEN_BREACHES, BigDecimal.valueOf(levels.openBreaches()));
        values.put(Signal.OPEN_COMPLAINTS, BigDecimal.valueOf(levels.openComplaints()));
    }

    /** The relative change from the earlier half to the later; new spend after none counts as doubling. */
    static BigDecimal trend(BigDecimal earlier, BigDecimal later) {
        if (earlier.signum() == 0) {
            return later.signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE;
        }
        return later.subtract(earlier).divide(earlier, MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
