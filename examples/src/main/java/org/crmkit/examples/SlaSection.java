package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.rules.Policy;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.crmkit.rules.sla.MilestoneStatus.Status;
import org.crmkit.rules.sla.SlaService;
import org.crmkit.rules.sla.WeeklyReview;

/**
 * The demo's SLA part: the synthetic base's complaints and inquiries evaluated by
 * {@link SlaService} at the end of the as-of day (with the tiers the demo just assigned), one
 * case explained, and the {@link WeeklyReview} of the as-of week.
 */
final class SlaSection {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final List<Status> STATUSES = List.of(Status.MET, Status.BREACHED, Status.RUNNING, Status.PAUSED,
            Status.WARNING);
    private static final int BREACHES_LISTED = 5;
    private static final int REPEATERS_LISTED = 5;
    private static final int CAUSES_LISTED = 6;

    private SlaSection() {
    }

    /**
     * Evaluates the cases known at the end of the as-of day, reviews the as-of week and prints both.
     *
     * @param policy the policy; not null
     * @param store the store, with the tiers of the as-of day; the cases are loaded into it; not null
     * @param base the generated base, with a follow-up that covers the rest of the as-of week; not null
     * @param events where SLA events are published; not null
     * @param asOf the as-of day; not null
     * @param out where the report goes; not null
     * @return what was found
     */
    static Demo.SlaResult run(Policy policy, InMemoryStore store, SyntheticCustomerBase base,
            RecordingEventPublisher events, LocalDate asOf, PrintStream out) {
        ZoneId zone = policy.header().zone();
        // The end of the as-of day, as `crm sla --as-of DAY` means it: everything that happened that day counts.
        Instant moment = asOf.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        base.loadCasesInto(store.cases(), store.caseEvents(), moment);
        SlaService service = SlaService.of(policy, store, events, Clock.fixed(moment, zone));
        int before = events.events(SlaEvent.class).size();
        List<CaseSla> cases = service.evaluateAll(moment, sla -> { });
        int published = events.events(SlaEvent.class).size() - before;
        // The job runs again, say an hour later with nothing new: every event was published already.
        service.evaluateAll(moment, sla -> { });
        int republished = events.events(SlaEvent.class).size() - before - published;
        List<SlaEvent> slaEvents = events.events(SlaEvent.class).subList(before, before + published);

        printEvaluation(out, base, asOf, zone, cases, slaEvents, republished);
        explain(out, base, cases, asOf, zone);

        String week = isoWeek(asOf);
        LocalDate sunday = WeeklyReview.mondayOf(week).plusDays(6);
        Instant weekEnd = sunday.plusDays(1).atStartOfDay(zone).toInstant();
        List<WeeklyReview.CaseRecord> records = new ArrayList<>();
        for (ServiceCase serviceCase : base.cases()) {
            if (serviceCase.openedAt().toInstant().isBefore(weekEnd)) {
                List<CaseEvent> known = base.caseEvents(serviceCase.id()).stream()
                        .filter(event -> event.occurredAt().toInstant().isBefore(weekEnd)).toList();
                Optional<Tier> tier = store.tierAssignments().latestBefore(serviceCase.customerId(), asOf.plusDays(1))
                        .flatMap(TierAssignment::tier);
                records.add(new WeeklyReview.CaseRecord(serviceCase, known, tier));
            }
        }
        WeeklyReview review = WeeklyReview.of(service.engine(), zone, week, records);
        printReview(out, base, review, zone);
        return new Demo.SlaResult(moment, cases, published, republished, review);
    }

    private static void printEvaluation(PrintStream out, SyntheticCustomerBase base, LocalDate asOf, ZoneId zone,
            List<CaseSla> cases, List<SlaEvent> published, int republished) {
        long complaints = cases.stream().filter(sla -> sla.serviceCase().kind() == CaseKind.COMPLAINT).count();
        long customers = cases.stream().map(sla -> sla.serviceCase().customerId()).distinct().count();
        Optional<LocalDate> firstDay = cases.stream().map(sla -> sla.serviceCase().openedAt().atZoneSameInstant(zone)
                .toLocalDate()).min(Comparator.naturalOrder());
        out.printf(Locale.ROOT, "%nComplaint SLAs at the end of %s (%s), evaluated by SlaService%n", asOf, zone);
        out.printf(Locale.ROOT, "  generated  %,d complaints and %,d inquiries of %,d customers, opened %s..%s%n",
                complaints, cases.size() - complaints, customers,
                firstDay.map(LocalDate::toString).orElse(asOf.toString()), asOf);
        Map<String, Long> targets = cases.stream().collect(Collectors.groupingBy(
                sla -> sla.target().orElse("no target"), LinkedHashMap::new, Collectors.counting()));
        out.println("  targets    " + targets.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "))
                + " (inquiries of customers who are not basic have no target)");
        Map<String, Map<Status, Integer>> counts = new LinkedHashMap<>();
        for (CaseSla sla : cases) {
            for (MilestoneStatus status : sla.milestones()) {
                counts.computeIfAbsent(status.name(), name -> new EnumMap<>(Status.class))
                        .merge(status.status(), 1, Integer::sum);
            }
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-16s", "milestone"));
        STATUSES.forEach(status -> header.append(String.format(Locale.ROOT, " %9s", status.key())));
        out.println(header);
        counts.forEach((name, byStatus) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s", name));
            STATUSES.forEach(status -> line.append(String.format(Locale.ROOT, " %,9d",
                    byStatus.getOrDefault(status, 0))));
            out.println(line);
        });
        out.printf(Locale.ROOT, "  events     %,d MilestoneMet, %,d SlaWarning, %,d SlaBreached published;"
                        + " evaluating again published %,d more (each event is published once)%n",
                published.stream().filter(MilestoneMet.class::isInstance).count(),
                published.stream().filter(SlaWarning.class::isInstance).count(),
                published.stream().filter(SlaBreached.class::isInstance).count(), republished);
    }

    /** Explains a case of the as-of week that waits on the customer, or failing that another telling one. */
    private static void explain(PrintStream out, SyntheticCustomerBase base, List<CaseSla> cases, LocalDate asOf,
            ZoneId zone) {
        LocalDate monday = WeeklyReview.mondayOf(isoWeek(asOf));
        Predicate<CaseSla> thisWeek = sla -> !sla.serviceCase().openedAt().atZoneSameInstant(zone).toLocalDate()
                .isBefore(monday);
        Predicate<CaseSla> complaint = sla -> sla.serviceCase().kind() == CaseKind.COMPLAINT;
        Optional<CaseSla> chosen = first(cases, complaint.and(CaseSla::paused).and(thisWeek))
                .or(() -> first(cases, complaint.and(CaseSla::paused)))
                .or(() -> first(cases, complaint.and(sla -> sla.reopenings() > 0)))
                .or(() -> first(cases, sla -> sla.target().isPresent()));
        if (chosen.isEmpty()) {
            out.println("\n  (no case has an SLA target in this base)");
            return;
        }
        CaseSla sla = chosen.get();
        ServiceCase serviceCase = sla.serviceCase();
        out.printf(Locale.ROOT, "%n  One case explained: %s, a%s %s (%s, by %s) of customer %s (%s)%n",
                serviceCase.id(), sla.priority().map(priority -> " " + priority.name()).orElse(""),
                serviceCase.kind().key(), serviceCase.cause().orElse("cause unknown"),
                serviceCase.channel().map(channel -> channel.key()).orElse("unknown channel"),
                serviceCase.customerId(), sla.tier().map(Tier::name).orElse("no tier"));
        out.printf(Locale.ROOT, "    opened %s, target %s%s%s%n", time(serviceCase.openedAt().toInstant(), zone),
                sla.target().orElse("none"), sla.paused() ? "; paused, waiting on the customer" : "",
                sla.reopenings() > 0 ? "; reopened " + sla.reopenings() + "x" : "");
        out.println("    events  " + base.caseEvents(serviceCase.id()).stream()
                .filter(event -> !event.occurredAt().toInstant().isAfter(sla.asOf()))
                .map(event -> event.type().key() + event.newPriority().map(p -> " to " + p.name()).orElse("") + " "
                        + time(event.occurredAt().toInstant(), zone).substring(5))
                .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "    %-16s %-16s  %-16s  %s%n", "milestone", "due", "met", "status");
        for (MilestoneStatus status : sla.milestones()) {
            out.printf(Locale.ROOT, "    %-16s %-16s  %-16s  %s%n", status.name(), time(status.dueAt(), zone),
                    status.metAt().map(at -> time(at, zone)).orElse("-"), describe(status));
        }
    }

    private static Optional<CaseSla> first(List<CaseSla> cases, Predicate<CaseSla> wanted) {
        return cases.stream().filter(wanted).findFirst();
    }

    private static String describe(MilestoneStatus status) {
        String escalation = escalation(status);
        return switch (status.status()) {
            case MET -> status.metByClosing() ? "met: closed in time without it"
                    : "met " + (status.metOnTime() ? "on time" : "late") + ", after " + duration(status.elapsed())
                            + pausedSoFar(status, "");
            case BREACHED -> status.metAt().isPresent() ? "breached: closed late without it" + escalation
                    : "breached" + escalation;
            case RUNNING -> "running: " + left(status);
            case WARNING -> "warning: " + left(status) + escalation;
            case PAUSED -> "paused: " + left(status) + pausedSoFar(status, " so far");
        };
    }

    private static String left(MilestoneStatus status) {
        return duration(status.remaining().orElse(Duration.ZERO)) + " left";
    }

    private static String pausedSoFar(MilestoneStatus status, String suffix) {
        return status.paused().isZero() ? "" : " (" + duration(status.paused()) + " paused" + suffix + ")";
    }

    private static String escalation(MilestoneStatus status) {
        List<String> to = status.status() == Status.WARNING ? status.milestone().escalateOnWarning()
                : status.milestone().escalateOnBreach();
        return to.isEmpty() ? "" : ", escalated to " + String.join(" and ", to);
    }

    private static void printReview(PrintStream out, SyntheticCustomerBase base, WeeklyReview review, ZoneId zone) {
        LocalDate monday = WeeklyReview.mondayOf(review.week());
        long complaints = review.complaintsOpened();
        out.printf(Locale.ROOT, "%nWeekly review %s (%s..%s), as of the week's end (WeeklyReview)%n", review.week(),
                monday, monday.plusDays(6));
        out.printf(Locale.ROOT, "  cases      %,d opened (%,d complaints, %,d inquiries), %,d resolved by the week's"
                        + " end (%s of the complaints)%n", review.casesOpened(), complaints, review.casesOpened() - complaints,
                review.resolved(), percent(review.resolved(), review.complaintsOpened()));
        out.println("  causes     " + counts(review.byCause(), review.complaintsOpened()) + " (complaints)");
        out.println("  channels   " + counts(review.byChannel(), review.complaintsOpened()) + " (complaints)");
        out.printf(Locale.ROOT, "  %-34s %6s %8s %6s %9s %6s %9s %12s %12s%n", "target / milestone", "cases", "on time",
                "late", "breached", "open", "on time %", "median", "p90");
        for (WeeklyReview.MilestoneSummary milestone : review.milestones()) {
            out.printf(Locale.ROOT, "  %-34s %,6d %,8d %,6d %,9d %,6d %9s %12s %12s%n",
                    milestone.target() + " / " + milestone.name(),
                    milestone.cases(), milestone.metOnTime(), milestone.metLate(), milestone.breached(),
                    milestone.open(), percent(milestone.metOnTime(),
                            milestone.metOnTime() + milestone.metLate() + milestone.breached()),
                    milestone.medianTimeToMeet().map(SlaSection::duration).orElse("-"),
                    milestone.p90TimeToMeet().map(SlaSection::duration).orElse("-"));
        }
        out.printf(Locale.ROOT, "  open breaches: %,d (milestones past due and not met at the week's end, of cases"
                + " of any week)%s%n", review.openBreaches().size(), review.openBreaches().isEmpty() ? ""
                : ", the earliest due:");
        review.openBreaches().stream().limit(BREACHES_LISTED).forEach(breach -> out.printf(Locale.ROOT,
                "    %-14s %-16s due %s%n", breach.caseId(), breach.milestone(), time(breach.dueAt(), zone)));
        out.printf(Locale.ROOT, "  repeat complainers: %,d (customers with 2 or more complaints opened in the %d"
                        + " days to %s)%s%n", review.repeatComplainers().size(), WeeklyReview.REPEAT_WINDOW_DAYS,
                monday.plusDays(6), review.repeatComplainers().isEmpty() ? "" : ", the most:");
        review.repeatComplainers().stream().limit(REPEATERS_LISTED).forEach(repeat -> out.printf(Locale.ROOT,
                "    %-10s %d complaints%n", repeat.customerId(), repeat.complaints()));
    }

    private static String counts(Map<String, Long> counts, int total) {
        String shown = counts.entrySet().stream().limit(CAUSES_LISTED)
                .map(entry -> String.format(Locale.ROOT, "%s %,d (%s)", entry.getKey(), entry.getValue(),
                        percent(entry.getValue(), total)))
                .collect(Collectors.joining(", "));
        return counts.size() > CAUSES_LISTED ? shown + ", ..." : shown.isEmpty() ? "-" : shown;
    }

    /** The ISO week of a day, e.g. {@code 2026-W14}. */
    static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String time(Instant instant, ZoneId zone) {
        return MINUTES.format(instant.atZone(zone));
    }

    /** Business time for people: {@code 22 min}, {@code 3 h 40 min}, {@code 26 h}. */
    static String duration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        long minutes = (duration.toSeconds() + 30) / 60;
        long hours = minutes / 60;
        if (hours == 0) {
            return (minutes % 60) + " min";
        }
        return minutes % 60 == 0 ? hours + " h" : hours + " h " + (minutes % 60) + " min";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : BigDecimal.valueOf(part).movePointRight(2)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
