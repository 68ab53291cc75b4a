package org.crmkit.examples;

import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.LifecyclePolicy;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.Policy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.CustomerBaseSummary;
import org.crmkit.rules.lifecycle.LifecycleTracker;
import org.crmkit.rules.segment.AbcSummary;

/**
 * The demo's lifecycle part: {@link CustomerBaseAnalysis} over the generated base as of the as-of
 * day and a quarter later, with the policy's BG/NBD and Gamma-Gamma models fitted on the orders:
 * lifecycle stages, relationship levels and types, ABC classes, the early-warning list ordered by
 * value at risk, win-back, and the transitions {@link LifecycleTracker} records between the two days.
 */
final class LifecycleSection {
    private static final int HIGH_RISK_LISTED = 5;
    private static final int MOVES_LISTED = 5;

    private LifecycleSection() {
    }

    /**
     * What the lifecycle part found. Immutable and thread-safe.
     *
     * @param first the analysis as of the as-of day
     * @param second the analysis a quarter later
     * @param transitions the transitions recorded as of the second day
     */
    record Result(Analysed first, Analysed second, List<LifecycleStageChanged> transitions) {
        Result {
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * A day's analysis with every customer's assessment: the demo's base is small enough to keep.
     *
     * @param summary what the analysis found across the base
     * @param customers every customer's assessment, in customer id order
     */
    record Analysed(CustomerBaseSummary summary, List<CustomerAssessment> customers) {
        Analysed {
            customers = List.copyOf(customers);
        }

        LocalDate asOf() {
            return summary.asOf();
        }

        List<String> model() {
            return summary.model();
        }

        Map<LifecycleStage, Integer> stageCounts() {
            return summary.stageCounts();
        }

        /** @return the whole early-warning list, largest value at risk first */
        List<CustomerAssessment> highRisk() {
            return customers.stream().filter(CustomerAssessment::onEarlyWarningList)
                    .sorted(CustomerBaseSummary.BY_VALUE_AT_RISK).toList();
        }

        AbcSummary abc() {
            return summary.abc();
        }
    }

    /**
     * Analyses the base on two days and prints the first and the transitions to the second.
     *
     * @param policy the policy, with lifecycle, relationship and clv sections
     * @param base the generated base
     * @param asOf the first day
     * @param nextAsOf the second day
     * @param out where the report goes
     * @return both analyses and the transitions
     */
    static Result run(Policy policy, SyntheticCustomerBase base, LocalDate asOf, LocalDate nextAsOf, PrintStream out) {
        CustomerBaseAnalysis analysis = CustomerBaseAnalysis.of(policy, ClvEstimator.of(policy.section(ClvPolicy.class)));
        InMemoryStore store = InMemoryStore.create();
        RecordingEventPublisher events = new RecordingEventPublisher();

        Analysed first = analyse(analysis, policy, base, asOf);
        new LifecycleTracker(store.lifecycleHistory(), events, clock(policy, asOf)).record(asOf, policy.ref(),
                first.customers());
        print(out, policy, first);

        Analysed second = analyse(analysis, policy, base, nextAsOf);
        List<LifecycleStageChanged> moves = new LifecycleTracker(store.lifecycleHistory(), events,
                clock(policy, nextAsOf)).record(nextAsOf, policy.ref(), second.customers());
        printTransitions(out, first, second, moves);
        return new Result(first, second, moves);
    }

    private static Analysed analyse(CustomerBaseAnalysis analysis, Policy policy, SyntheticCustomerBase base,
            LocalDate day) {
        InMemoryStore held = storeAsOf(policy, base, day);
        List<CustomerAssessment> assessed = new ArrayList<>();
        CustomerBaseSummary summary = analysis.analyse(held.facts(), held.cases(), held.caseEvents(), day,
                assessed::add);
        return new Analysed(summary, assessed);
    }

    /** What the company's systems held at the end of a day: everything the analysis may read. */
    private static InMemoryStore storeAsOf(Policy policy, SyntheticCustomerBase base, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(policy.header().zone()).toInstant();
        InMemoryStore store = InMemoryStore.create();
        base.customers().forEach(store.customers()::save);
        base.purchases().stream().filter(purchase -> !purchase.orderDate().isAfter(day))
                .forEach(store.purchases()::record);
        base.interactions().stream().filter(interaction -> !SyntheticCustomerBase.day(interaction).isAfter(day))
                .forEach(store.interactions()::record);
        base.surveyAnswers().stream().filter(answer -> answer.answeredAt().toInstant().isBefore(end))
                .forEach(store.surveys()::record);
        base.cases().stream().filter(serviceCase -> serviceCase.openedAt().toInstant().isBefore(end))
                .forEach(serviceCase -> {
                    store.cases().save(serviceCase);
                    base.caseEvents(serviceCase.id()).stream()
                            .filter(event -> event.occurredAt().toInstant().isBefore(end))
                            .forEach(store.caseEvents()::append);
                });
        return store;
    }

    private static Clock clock(Policy policy, LocalDate day) {
        return Clock.fixed(day.plusDays(1).atTime(6, 0).atZone(policy.header().zone()).toInstant(),
                policy.header().zone());
    }

    private static void print(PrintStream out, Policy policy, Analysed report) {
        int total = report.customers().size();
        out.printf(Locale.ROOT, "%nLifecycle, relationships and churn as of %s (CustomerBaseAnalysis, clv: %s)%n",
                report.asOf(), policy.section(ClvPolicy.class).describe());
        report.model().forEach(note -> out.println("  model: " + note));
        out.printf(Locale.ROOT, "  %-12s %10s %9s%n", "stage", "customers", "share");
        report.stageCounts().forEach((stage, count) -> out.printf(Locale.ROOT, "  %-12s %,10d %9s%n", stage.key(),
                count, percent(count, total)));

        Map<String, Long> levels = new LinkedHashMap<>();
        levels.put("none", 0L);
        for (RelationshipLevel level : RelationshipLevel.values()) {
            levels.put(level.key(), 0L);
        }
        report.customers().forEach(customer -> levels.merge(customer.relationship().level()
                .map(RelationshipLevel::key).orElse("none"), 1L, Long::sum));
        Map<RelationshipType, Long> types = new EnumMap<>(RelationshipType.class);
        for (RelationshipType type : RelationshipType.values()) {
            types.put(type, 0L);
        }
        report.customers().forEach(customer -> types.merge(customer.relationship().relationshipType(), 1L, Long::sum));
        out.println("  relationship levels: " + levels.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(" · ")));
        out.println("  relationship types:  " + types.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey().key(), entry.getValue()))
                .collect(Collectors.joining(" · ")));
        out.println("  ABC classes by spend in the window:");
        report.abc().lines().stream().map(AbcSummary.Line::describe).forEach(line -> out.println("    " + line));
        Map<String, Long> codes = report.customers().stream().flatMap(customer -> customer.rfm().stream())
                .collect(Collectors.groupingBy(score -> score.code(), Collectors.counting()));
        out.println("  most common RFM codes: " + codes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(entry -> String.format(Locale.ROOT, "%s (%,d)", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ")));

        List<CustomerAssessment> highRisk = report.highRisk();
        BigDecimal atRisk = highRisk.stream().map(CustomerAssessment::valueAtRisk).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        out.printf(Locale.ROOT, "%n  Early warning: %,d high-risk customers (churn risk >= %s, not churned),"
                + " %s %s of lifetime value at risk; largest first:%n", highRisk.size(),
                policy.find(LifecyclePolicy.class).orElseThrow().churnRisk().highRisk().toPlainString(), money(atRisk),
                policy.header().currency().getCurrencyCode());
        out.printf(Locale.ROOT, "    %-9s %-8s %-12s %7s %13s %14s%n", "customer", "stage", "tier", "P(alive)", "CLV",
                "value at risk");
        highRisk.stream().limit(HIGH_RISK_LISTED).forEach(customer -> out.printf(Locale.ROOT,
                "    %-9s %-8s %-12s %7s %13s %14s%n", customer.customerId(),
                customer.lifecycle().lifecycleStage().key(), customer.tier().map(Object::toString).orElse("-"),
                customer.value().map(value -> value.probabilityAlive().setScale(2, RoundingMode.HALF_EVEN)
                        .toPlainString()).orElse("-"),
                customer.value().map(value -> money(value.lifetimeValue())).orElse("-"),
                money(customer.valueAtRisk())));
        highRisk.stream().findFirst().ifPresent(customer -> {
            out.printf(Locale.ROOT, "  %s explained (CustomerAssessment.reasons()):%n", customer.customerId());
            customer.reasons().forEach(reason -> out.println("    " + reason));
        });
        out.printf(Locale.ROOT, "  Win-back: %,d churned customers flagged (the policy's win_back condition)%n",
                report.summary().winBack());
    }

    private static void printTransitions(PrintStream out, Analysed first, Analysed second,
            List<LifecycleStageChanged> moves) {
        out.printf(Locale.ROOT, "%n  A quarter later, as of %s: %,d customers changed stage (LifecycleStageChanged"
                + " recorded and published by LifecycleTracker)%n", second.asOf(), moves.size());
        Map<String, Long> counted = moves.stream().collect(Collectors.groupingBy(move -> move.from()
                .map(LifecycleStage::key).orElse("(none)") + " -> " + move.to().key(), Collectors.counting()));
        counted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MOVES_LISTED)
                .forEach(move -> out.printf(Locale.ROOT, "    %-26s %,6d%n", move.getKey(), move.getValue()));
        Map<LifecycleStage, Integer> before = first.stageCounts();
        out.println("  stages then and now: " + second.stageCounts().entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d -> %,d", entry.getKey().key(), before.get(entry.getKey()),
                        entry.getValue()))
                .collect(Collectors.joining(" · ")));
        out.printf(Locale.ROOT, "  high-risk customers: %,d -> %,d%n", first.highRisk().size(),
                second.highRisk().size());
    }

    private static String percent(long count, int total) {
        return total == 0 ? "-" : BigDecimal.valueOf(count * 100.0 / total).setScale(1, RoundingMode.HALF_EVEN)
                .toPlainString() + "%";
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
