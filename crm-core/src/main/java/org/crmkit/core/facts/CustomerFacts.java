package org.crmkit.core.facts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/**
 * One customer's facts as of a day: the metrics snapshot, and the purchase history and window
 * activity when the {@link FactsQuery} asked for them. Every engine evaluates facts with a pure
 * function. Immutable and thread-safe.
 *
 * @param metrics the metrics snapshot; not null
 * @param history the purchase history, if asked for ({@link FactGroup#HISTORY}); not null
 * @param activity the window's activity, if asked for ({@link FactGroup#ACTIVITY}); its spend halves
 *     add up to the metrics' spend; not null
 */
public record CustomerFacts(CustomerMetrics metrics, Optional<PurchaseHistoryFacts> history,
        Optional<ActivityFacts> activity) {

    /** Checks that the parts describe the same purchases. */
    public CustomerFacts {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(activity, "activity");
        String subject = "CustomerFacts of '" + metrics.customerId() + "'";
        history.ifPresent(facts -> {
            if (!facts.repeatSpend().currency().equals(metrics.spend().currency())) {
                throw new InvalidValueException(subject + ": repeat spend " + facts.repeatSpend()
                        + " is not in the currency of the spend " + metrics.spend());
            }
            if (facts.firstPurchase().isPresent() != metrics.lastPurchase().isPresent()) {
                throw new InvalidValueException(subject + ": a first purchase day needs a last one, was "
                        + facts.firstPurchase().map(LocalDate::toString).orElse("none") + " and "
                        + metrics.lastPurchase().map(LocalDate::toString).orElse("none"));
            }
            if (facts.firstPurchase().isPresent() && facts.firstPurchase().get().isAfter(metrics.lastPurchase().get())) {
                throw new InvalidValueException(subject + ": first purchase " + facts.firstPurchase().get()
                        + " is after the last " + metrics.lastPurchase().get());
            }
            if (facts.purchaseDays() == 1 && !facts.firstPurchase().equals(metrics.lastPurchase())) {
                throw new InvalidValueException(subject + ": one purchase day cannot have a first ("
                        + facts.firstPurchase().get() + ") and a last (" + metrics.lastPurchase().get()
                        + ") that differ");
            }
        });
        activity.ifPresent(facts -> {
            Money halves = facts.earlierHalfSpend().plus(facts.laterHalfSpend());
            if (!halves.equals(metrics.spend())) {
                throw new InvalidValueException(subject + ": the spend of the window's halves, " + halves
                        + ", differs from the window's spend " + metrics.spend());
            }
        });
    }

    /**
     * Facts with the metrics snapshot alone.
     *
     * @param metrics the snapshot; not null
     * @return the facts
     */
    public static CustomerFacts of(CustomerMetrics metrics) {
        return new CustomerFacts(metrics, Optional.empty(), Optional.empty());
    }

    /** @return the customer */
    public CustomerId customerId() {
        return metrics.customerId();
    }

    /** @return the day the facts describe */
    public LocalDate asOf() {
        return metrics.asOf();
    }
}
