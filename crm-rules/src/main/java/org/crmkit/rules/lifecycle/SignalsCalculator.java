package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.Signal;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;

/**
 * The reference definition of the {@link Signal signals}: computes a {@link CustomerSignals}
 * snapshot in memory from a metrics snapshot and the customer's activity. Every signal it can
 * compute is set; P(alive) and churn risk come from the purchase model and the lifecycle engine.
 * Pure; immutable and thread-safe.
 */
public final class SignalsCalculator {
    /** The interaction outcome that marks a meeting as joint planning. */
    public static final String JOINT_PLANNING_OUTCOME = "joint_planning";

    private static final int SCALE = 4;

    private final Set<String> valueAddedCategories;
    private final ZoneId zone;

    /**
     * Creates a calculator.
     *
     * @param valueAddedCategories the categories whose purchases are value-added services,
     *     compared ignoring case; not null
     * @param zone the zone in which interactions and survey answers fall on days; not null
     */
    public SignalsCalculator(Set<String> valueAddedCategories, ZoneId zone) {
        Set<String> categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        categories.addAll(Objects.requireNonNull(valueAddedCategories, "valueAddedCategories"));
        this.valueAddedCategories = Collections.unmodifiableSet(categories);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Computes the signals.
     *
     * @param metrics the customer's metrics snapshot; not null
     * @param activity the customer's activity; records of other customers are rejected; not null
     * @return the snapshot, with every signal but P(alive) and churn risk set
     * @throws InvalidValueException if a record belongs to another customer
     */
    public CustomerSignals compute(CustomerMetrics metrics, CustomerActivity activity) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(activity, "activity");
        Map<Signal, BigDecimal> values = new EnumMap<>(Signal.class);
        purchases(metrics, activity.purchases(), values);
        interactions(metrics, activity.interactions(), values);
        surveys(metrics, activity.surveys(), values);
        cases(metrics, activity.cases(), values);
        return new CustomerSignals(metrics, values);
    }

    private void purchases(CustomerMetrics metrics, List<Purchase> purchases, Map<Signal, BigDecimal> values) {
        LocalDate asOf = metrics.asOf();
        DateWindow window = metrics.window();
        LocalDate middle = window.start().plusDays(window.lengthInDays() / 2);
        TreeSet<LocalDate> days = new TreeSet<>();
        Set<String> categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        int valueAdded = 0;
        BigDecimal earlier = BigDecimal.ZERO;
        BigDecimal later = BigDecimal.ZERO;
        for (Purchase purchase : purchases) {
            requireCustomer(metrics, purchase.customerId().value(), "Purchase '" + purchase.id() + "'");
            LocalDate day = purchase.orderDate();
            if (day.isAfter(asOf)) {
                continue;
            }
            days.add(day);
            if (!window.contains(day)) {
                continue;
            }
            purchase.category().ifPresent(categories::add);
            if (purchase.category().filter(valueAddedCategories::contains).isPresent()) {
                valueAdded++;
            }
            if (day.isBefore(middle)) {
                earlier = earlier.add(purchase.amount().amount());
            } else {
                later = later.add(purchase.amount().amount());
            }
        }
        // Purchase days, as the purchase models count them: two orders on one day are one purchase.
        values.put(Signal.REPEAT_PURCHASES, BigDecimal.valueOf(Math.max(0, days.size() - 1)));
        values.put(Signal.CATEGORIES, BigDecimal.valueOf(categories.size()));
        values.put(Signal.VALUE_ADDED_SERVICES, BigDecimal.valueOf(valueAdded));
        if (days.isEmpty()) {
            values.put(Signal.DAYS_SINCE_FIRST_PURCHASE, BigDecimal.ZERO);
            values.put(Signal.DAYS_SINCE_LAST_PURCHASE, BigDecimal.ZERO);
            return; // no trend and no recency without a purchase: those factors do not apply
        }
        long sinceFirst = ChronoUnit.DAYS.between(days.first(), asOf);
        long sinceLast = ChronoUnit.DAYS.between(days.last(), asOf);
        values.put(Signal.DAYS_SINCE_FIRST_PURCHASE, BigDecimal.valueOf(sinceFirst));
        values.put(Signal.DAYS_SINCE_LAST_PURCHASE, BigDecimal.valueOf(sinceLast));
        boolean boughtInWindow = !days.subSet(window.start(), true, window.end(), true).isEmpty();
        // A customer who bought before the window and not in it has stopped: the steepest fall.
        values.put(Signal.SPEND_TREND, boughtInWindow ? trend(earlier, later) : BigDecimal.ONE.negate());
        if (days.size() >= 2) {
            BigDecimal meanGap = BigDecimal.valueOf(ChronoUnit.DAYS.between(days.first(), days.last()))
                    .divide(BigDecimal.valueOf(days.size() - 1L), MathContext.DECIMAL64);
            values.put(Signal.RECENCY_RATIO, BigDecimal.valueOf(sinceLast)
                    .divide(meanGap, MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_EVEN));
        }
    }

    /** The relative change from the earlier half to the later; new spend after none counts as doubling. */
    static BigDecimal trend(BigDecimal earlier, BigDecimal later) {
        if (earlier.signum() == 0) {
            return later.signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE;
        }
        return later.subtract(earlier).divide(earlier, MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private void interactions(CustomerMetrics metrics, List<Interaction> interactions, Map<Signal, BigDecimal> values) {
        Map<Signal, Integer> counts = new EnumMap<>(Signal.class);
        for (Interaction interaction : interactions) {
            requireCustomer(metrics, interaction.customerId().value(), "Interaction '" + interaction.id() + "'");
            LocalDate day = interaction.occurredAt().atZoneSameInstant(zone).toLocalDate();
            if (metrics.window().contains(day) && !day.isAfter(metrics.asOf())) {
                engagement(interaction).ifPresent(signal -> counts.merge(signal, 1, Integer::sum));
            }
        }
        for (Signal signal : List.of(Signal.REFERRALS, Signal.EVENTS, Signal.TRIALS, Signal.JOINT_PLANNING)) {
            values.put(signal, BigDecimal.valueOf(counts.getOrDefault(signal, 0)));
        }
    }

    /** The engagement signal an interaction counts for, if any. */
    private static Optional<Signal> engagement(Interaction interaction) {
        return switch (interaction.kind()) {
            case REFERRAL -> Optional.of(Signal.REFERRALS);
            case EVENT -> Optional.of(Signal.EVENTS);
            case TRIAL -> Optional.of(Signal.TRIALS);
            case MEETING -> interaction.outcome().filter(JOINT_PLANNING_OUTCOME::equalsIgnoreCase)
                    .map(outcome -> Signal.JOINT_PLANNING);
            default -> Optional.empty();
        };
    }

    private void surveys(CustomerMetrics metrics, List<SurveyAnswer> surveys, Map<Signal, BigDecimal> values) {
        int promoters = 0;
        List<SurveyAnswer> rated = new ArrayList<>();
        for (SurveyAnswer answer : surveys) {
            requireCustomer(metrics, answer.customerId().value(), "Survey answer");
            LocalDate day = answer.answeredAt().atZoneSameInstant(zone).toLocalDate();
            if (day.isAfter(metrics.asOf())) {
                continue;
            }
            if (metrics.window().contains(day) && answer.isPromoter()) {
                promoters++;
            }
            if (answer.csat().isPresent()) {
                rated.add(answer);
            }
        }
        values.put(Signal.PROMOTER_ANSWERS, BigDecimal.valueOf(promoters));
        if (rated.size() >= 2) {
            // Two answers at one moment (the ports reject them, a list may not): the lower score counts
            // as the later, so the order of the input never changes the result.
            rated.sort(Comparator.comparing((SurveyAnswer answer) -> answer.answeredAt().toInstant())
                    .thenComparing(answer -> -answer.csat().getAsInt()));
            int latest = rated.get(rated.size() - 1).csat().getAsInt();
            int previous = rated.get(rated.size() - 2).csat().getAsInt();
            values.put(Signal.SATISFACTION_CHANGE, BigDecimal.valueOf(latest - previous));
        }
    }

    private void cases(CustomerMetrics metrics, List<CaseSla> cases, Map<Signal, BigDecimal> values) {
        int met = 0;
        int breached = 0;
        int openBreaches = 0;
        int openComplaints = 0;
        for (CaseSla sla : cases) {
            requireCustomer(metrics, sla.serviceCase().customerId().value(), "Case '" + sla.serviceCase().id() + "'");
            LocalDate opened = sla.serviceCase().openedAt().atZoneSameInstant(zone).toLocalDate();
            if (opened.isAfter(metrics.asOf())) {
                continue;
            }
            boolean inWindow = metrics.window().contains(opened);
            if (!sla.closed() && sla.serviceCase().kind() == CaseKind.COMPLAINT) {
                openComplaints++;
            }
            for (MilestoneStatus milestone : sla.milestones()) {
                boolean late = milestone.status() == MilestoneStatus.Status.BREACHED
                        || milestone.status() == MilestoneStatus.Status.MET && !milestone.metOnTime();
                if (inWindow && milestone.status() == MilestoneStatus.Status.MET && milestone.metOnTime()) {
                    met++;
                }
                if (inWindow && late) {
                    breached++;
                }
                if (!sla.closed() && milestone.status() == MilestoneStatus.Status.BREACHED) {
                    openBreaches++;
                }
            }
        }
        values.put(Signal.SLA_MET, BigDecimal.valueOf(met));
        values.put(Signal.SLA_BREACHES, BigDecimal.valueOf(breached));
        values.put(Signal.OPEN_BREACHES, BigDecimal.valueOf(openBreaches));
        values.put(Signal.OPEN_COMPLAINTS, BigDecimal.valueOf(openComplaints));
    }

    private static void requireCustomer(CustomerMetrics metrics, String owner, String what) {
        if (!metrics.customerId().value().equals(owner)) {
            throw new InvalidValueException(what + " belongs to customer '" + owner + "', not to '"
                    + metrics.customerId() + "'");
        }
    }
}
