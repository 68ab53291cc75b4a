package org.crmkit.core.facts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.metrics.PurchaseAmounts;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;

/**
 * Computes a customer's {@link CustomerFacts} in memory from the customer's records: the reference
 * definition of every fact, which every other {@link org.crmkit.core.port.CustomerFactsSource} (SQL
 * in the JDBC adapter) must equal. The metrics come from {@link MetricsCalculator}. Records outside
 * the relevant days are ignored, so callers may pass more than needed. Stateless and thread-safe.
 *
 * <p>Every amount summed is the purchase's {@link MetricsQuery#amountOf amount in the query's
 * currency}: as recorded, or converted through the query's exchange rates and rounded half-even to
 * the currency's decimals, per purchase, before any sum.
 *
 * <p>Definitions, as of the query's as-of day:
 * <ul>
 *   <li>the history: the purchases on or before the as-of day and their spend; the distinct days
 *       with a purchase; the first of them; the repeat spend sums the purchases on the later days. With the history asked for,
 *       every purchase up to the as-of day must be in the query's currency or converted into it;</li>
 *   <li>spend halves: the window's purchases before {@link ActivityFacts#laterHalfStart} and from it;</li>
 *   <li>categories: the distinct categories of the window's purchases, by
 *       {@link FactsQuery#normalCategory}; value-added purchases: the window's purchases whose
 *       category is one of the query's;</li>
 *   <li>referrals, events and trials: interactions of those kinds whose day, in the query's zone,
 *       lies in the window; joint planning: meetings in the window whose outcome is
 *       {@value ActivityFacts#JOINT_PLANNING_OUTCOME}, ignoring case;</li>
 *   <li>promoter answers: survey answers in the window with a net promoter score of 9 or 10;</li>
 *   <li>the latest and previous satisfaction: the two latest answers with a CSAT score whose day is
 *       on or before the as-of day; of two answers at the same moment the lower score counts as the
 *       later, so that the order of the records never changes the result.</li>
 * </ul>
 */
public final class FactsCalculator {
    private FactsCalculator() {
    }

    /**
     * Computes a customer's facts.
     *
     * @param customer the customer; not null
     * @param purchases the customer's purchases, at least all of those on or before the as-of day; not null
     * @param interactions the customer's interactions, at least those in the window; not null
     * @param surveys the customer's survey answers, at least those on or before the as-of day; not null
     * @param query what to compute; not null
     * @return the facts, with the groups the query asks for
     * @throws CurrencyMismatchException if a purchase that counts is in another currency that the
     *     query's exchange rates do not convert ({@link org.crmkit.core.NoExchangeRateException}
     *     when the query has rates, but none for its currency and day)
     * @throws InvalidValueException if a record belongs to another customer
     */
    public static CustomerFacts compute(Customer customer, Iterable<Purchase> purchases,
            Iterable<Interaction> interactions, Iterable<SurveyAnswer> surveys, FactsQuery query) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(surveys, "surveys");
        Objects.requireNonNull(query, "query");
        // Each purchase in another currency is converted once, for all three sums.
        PurchaseAmounts amounts = PurchaseAmounts.of(query.metrics());
        CustomerMetrics metrics = MetricsCalculator.computeWith(customer, purchases, interactions, amounts);
        Optional<PurchaseHistoryFacts> history = query.wants(FactGroup.HISTORY)
                ? Optional.of(history(purchases, amounts)) : Optional.empty();
        Optional<ActivityFacts> activity = query.wants(FactGroup.ACTIVITY)
                ? Optional.of(activity(customer, purchases, interactions, surveys, query, amounts)) : Optional.empty();
        return new CustomerFacts(metrics, history, activity);
    }

    /**
     * Computes the facts of a customer of a source that has no interactions data at all: the
     * metrics' inquiries are {@link CustomerMetrics#withInquiriesUnknown unknown}. The activity's
     * interaction counts (referrals, events, trials, joint planning) are 0, as without interactions.
     *
     * @param customer the customer; not null
     * @param purchases the customer's purchases, as {@link #compute}; not null
     * @param surveys the customer's survey answers, as {@link #compute}; not null
     * @param query what to compute; not null
     * @return the facts, with the groups the query asks for and the inquiries unknown
     * @throws CurrencyMismatchException as {@link #compute}
     * @throws InvalidValueException if a record belongs to another customer
     */
    public static CustomerFacts computeWithoutInteractions(Customer customer, Iterable<Purchase> purchases,
            Iterable<SurveyAnswer> surveys, FactsQuery query) {
        CustomerFacts facts = compute(customer, purchases, List.of(), surveys, query);
        return new CustomerFacts(facts.metrics().withInquiriesUnknown(), facts.history(), facts.activity());
    }

    private static PurchaseHistoryFacts history(Iterable<Purchase> purchases, PurchaseAmounts amounts) {
        MetricsQuery query = amounts.query();
        TreeMap<LocalDate, Money> byDay = new TreeMap<>();
        int orders = 0;
        Money spend = Money.zero(query.currency());
        for (Purchase purchase : purchases) {
            if (purchase.orderDate().isAfter(query.asOf())) {
                continue;
            }
            Money amount = amounts.of(purchase, FactsCalculator::ofCustomer);
            byDay.merge(purchase.orderDate(), amount, Money::plus);
            orders++;
            spend = spend.plus(amount);
        }
        if (byDay.isEmpty()) {
            return PurchaseHistoryFacts.none(query.currency());
        }
        Money repeat = Money.zero(query.currency());
        for (Money day : byDay.tailMap(byDay.firstKey(), false).values()) {
            repeat = repeat.plus(day);
        }
        return new PurchaseHistoryFacts(orders, spend, byDay.size(), Optional.of(byDay.firstKey()), repeat);
    }

    private static ActivityFacts activity(Customer customer, Iterable<Purchase> purchases,
            Iterable<Interaction> interactions, Iterable<SurveyAnswer> surveys, FactsQuery query,
            PurchaseAmounts amounts) {
        MetricsQuery metrics = query.metrics();
        DateWindow window = metrics.window();
        ZoneId zone = metrics.zone();
        LocalDate laterHalf = ActivityFacts.laterHalfStart(window);
        Money earlier = Money.zero(metrics.currency());
        Money later = Money.zero(metrics.currency());
        Set<String> categories = new HashSet<>();
        int valueAdded = 0;
        for (Purchase purchase : purchases) {
            LocalDate day = purchase.orderDate();
            if (!window.contains(day)) {
                continue;
            }
            // The metrics have converted every purchase in the window already: this cannot fail.
            Money amount = amounts.of(purchase, FactsCalculator::inWindow);
            if (day.isBefore(laterHalf)) {
                earlier = earlier.plus(amount);
            } else {
                later = later.plus(amount);
            }
            if (purchase.category().isPresent()) {
                categories.add(FactsQuery.normalCategory(purchase.category().get()));
                valueAdded += query.isValueAdded(purchase.category().get()) ? 1 : 0;
            }
        }
        int referrals = 0;
        int events = 0;
        int trials = 0;
        int jointPlanning = 0;
        for (Interaction interaction : interactions) {
            // The metrics have checked that every interaction is the customer's.
            if (!window.contains(interaction.occurredAt().atZoneSameInstant(zone).toLocalDate())) {
                continue;
            }
            switch (interaction.kind()) {
                case REFERRAL -> referrals++;
                case EVENT -> events++;
                case TRIAL -> trials++;
                case MEETING -> jointPlanning += interaction.outcome()
                        .filter(ActivityFacts.JOINT_PLANNING_OUTCOME::equalsIgnoreCase).isPresent() ? 1 : 0;
                default -> {
                    // other kinds count for no signal
                }
            }
        }
        int promoters = 0;
        List<SurveyAnswer> rated = new ArrayList<>();
        for (SurveyAnswer answer : surveys) {
            if (!answer.customerId().equals(customer.id())) {
                throw new InvalidValueException("Survey answer belongs to customer '" + answer.customerId()
                        + "', not to '" + customer.id() + "'");
            }
            LocalDate day = answer.answeredAt().atZoneSameInstant(zone).toLocalDate();
            if (day.isAfter(metrics.asOf())) {
                continue;
            }
            if (window.contains(day) && answer.isPromoter()) {
                promoters++;
            }
            if (answer.csat().isPresent()) {
                rated.add(answer);
            }
        }
        rated.sort(FactsCalculator::byRecency);
        OptionalInt latest = rated.isEmpty() ? OptionalInt.empty() : rated.get(0).csat();
        OptionalInt previous = rated.size() < 2 ? OptionalInt.empty() : rated.get(1).csat();
        return new ActivityFacts(earlier, later, categories.size(), valueAdded, referrals, events, trials,
                jointPlanning, promoters, latest, previous);
    }

    /** Names a purchase up to the as-of day that the history cannot convert; built only when thrown. */
    private static String ofCustomer(Purchase purchase) {
        return "Purchase '" + purchase.id() + "' of customer '" + purchase.customerId() + "'";
    }

    /** Names a purchase in the window, as the metrics do. */
    private static String inWindow(Purchase purchase) {
        return "Purchase '" + purchase.id() + "'";
    }

    /** Latest first; at the same moment the lower score first, as it counts as the later answer. */
    private static int byRecency(SurveyAnswer a, SurveyAnswer b) {
        int moment = b.answeredAt().toInstant().compareTo(a.answeredAt().toInstant());
        return moment != 0 ? moment : Integer.compare(a.csat().getAsInt(), b.csat().getAsInt());
    }
}
