package org.crmkit.rules.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;

/**
 * The weekly review of complaints the source plan asks for, as of the end of an ISO week in the
 * policy's time zone: the week's complaints by cause and by channel, for each SLA target and
 * milestone the share met on time with the median and 90th percentile time to meet it, the
 * breaches still open (of any week), the resolution rate of the week's complaints, and the
 * customers who complained repeatedly.
 *
 * <p>Definitions: a case belongs to the week it was opened in; causes, channels and resolution
 * count complaints only, milestones every case with a target. A milestone counts as decided once
 * met or breached; the on-time share is met on time over decided. A case closed without the
 * milestone's events is counted apart ({@code closedWithout}), neither met nor breached. Times to
 * milestones are business times without pauses, from the milestones really met; percentiles use
 * the nearest-rank method. A complaint is resolved when, at the week's end, its last
 * {@code resolved} event is not followed by a reopening. Repeat complainers are customers with
 * two or more complaints opened in the {@value #REPEAT_WINDOW_DAYS} days up to the week's end.
 * Immutable and thread-safe.
 *
 * @param week the ISO week, e.g. {@code 2026-W10}; not null
 * @param from the week's first moment (Monday 00:00 in the zone); not null
 * @param until the moment after the week (next Monday 00:00); not null
 * @param casesOpened cases (complaints and inquiries) opened in the week
 * @param complaintsOpened complaints opened in the week
 * @param byCause the week's complaints per cause, "unknown" for none, most frequent first; not null
 * @param byChannel the week's complaints per channel, "unknown" for none, most frequent first; not null
 * @param milestones per SLA target and milestone (a 1-hour complaint response and a 48-hour inquiry
 *     response are different promises), in first-seen order; not null
 * @param openBreaches milestones breached and not met at the week's end, of cases of any week; not null
 * @param resolved the week's complaints resolved at its end
 * @param repeatComplainers customers with repeated complaints, most first; not null
 */
public record WeeklyReview(
        String week,
        Instant from,
        Instant until,
        int casesOpened,
        int complaintsOpened,
        Map<String, Long> byCause,
        Map<String, Long> byChannel,
        List<MilestoneSummary> milestones,
        List<OpenBreach> openBreaches,
        int resolved,
        List<RepeatComplainer> repeatComplainers) {

    /** Days up to the week's end in which two complaints make a repeat complainer. */
    public static final int REPEAT_WINDOW_DAYS = 90;

    private static final Pattern ISO_WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    /** Copies the collections. */
    public WeeklyReview {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        byCause = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCause));
        byChannel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byChannel));
        milestones = List.copyOf(milestones);
        openBreaches = List.copyOf(openBreaches);
        repeatComplainers = List.copyOf(repeatComplainers);
    }

    /** @return the share of the week's complaints resolved at its end, 0..1; zero without complaints */
    public double resolutionRate() {
        return complaintsOpened == 0 ? 0 : (double) resolved / complaintsOpened;
    }

    /**
     * A case with what the review needs of it.
     *
     * @param serviceCase the case; not null
     * @param events its events in order; not null
     * @param tier the customer's tier, if known; not null
     */
    public record CaseRecord(ServiceCase serviceCase, List<CaseEvent> events, Optional<Tier> tier) {
        /** Copies the events. */
        public CaseRecord {
            Objects.requireNonNull(serviceCase, "serviceCase");
            events = List.copyOf(events);
            Objects.requireNonNull(tier, "tier");
        }
    }

    /**
     * One milestone of one SLA target over the week's cases.
     *
     * @param target the SLA target's name; not null
     * @param name the milestone's name; not null
     * @param cases the week's cases with this milestone
     * @param metOnTime met by the due time
     * @param metLate met after the due time
     * @param breached past the due time and not met (also closed late without being met)
     * @param closedWithout closed in time without the events that meet it: neither met nor breached
     * @param open neither met nor due yet
     * @param medianTimeToMeet median business time to meet it, among those met; not null
     * @param p90TimeToMeet 90th percentile of the same; not null
     */
    public record MilestoneSummary(String target, String name, int cases, int metOnTime, int metLate, int breached,
            int closedWithout, int open,
            Optional<Duration> medianTimeToMeet, Optional<Duration> p90TimeToMeet) {
        /** @return met on time over decided (met or breached), 0..1; empty when nothing is decided */
        public Optional<Double> onTimeRate() {
            int decided = metOnTime + metLate + breached;
            return decided == 0 ? Optional.empty() : Optional.of((double) metOnTime / decided);
        }
    }

    /**
     * A milestone breached and not met at the week's end.
     *
     * @param caseId the case; not null
     * @param customerId the customer; not null
     * @param milestone the milestone's name; not null
     * @param dueAt when it was due; not null
     */
    public record OpenBreach(CaseId caseId, CustomerId customerId, String milestone, Instant dueAt) {
    }

    /**
     * A customer who complained repeatedly.
     *
     * @param customerId the customer; not null
     * @param complaints complaints opened in the window
     */
    public record RepeatComplainer(CustomerId customerId, int complaints) {
    }

    /**
     * Parses an ISO week such as {@code 2026-W10}.
     *
     * @param text the week; not null
     * @return its Monday
     * @throws InvalidValueException if the text is not an ISO week
     */
    public static LocalDate mondayOf(String text) {
        Objects.requireNonNull(text, "text");
        if (ISO_WEEK.matcher(text).matches()) {
            try {
                return LocalDate.parse(text + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new InvalidValueException("week must be an ISO week such as 2026-W10, was '" + text + "'");
    }

    /**
     * Builds the review of a week.
     *
     * @param engine the SLA engine of the policy; not null
     * @param zone the policy's time zone, where weeks begin; not null
     * @param week the ISO week, e.g. {@code 2026-W10}; not null
     * @param cases every case there is (the review picks the week's); not null
     * @return the review
     * @throws InvalidValueException if the week is not an ISO week
     * @throws CaseHistoryException if a case's events do not make a possible history
     */
    public static WeeklyReview of(SlaEngine engine, ZoneId zone, String week, Collection<CaseRecord> cases) {
        LocalDate monday = mondayOf(week);
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant until = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        Instant repeatFrom = monday.plusWeeks(1).minusDays(REPEAT_WINDOW_DAYS).atStartOfDay(zone).toInstant();

        Map<String, Long> byCause = new TreeMap<>();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<List<String>, List<MilestoneStatus>> weekMilestones = new LinkedHashMap<>();
        List<OpenBreach> openBreaches = new ArrayList<>();
        Map<CustomerId, Integer> recentComplaints = new TreeMap<>();
        int opened = 0;
        int complaints = 0;
        int resolved = 0;
        // The last moment of the week: what had happened by then.
        Instant asOf = until.minusNanos(1);
        for (CaseRecord record : cases) {
            ServiceCase serviceCase = record.serviceCase();
            Instant openedAt = serviceCase.openedAt().toInstant();
            if (!openedAt.isBefore(until)) {
                continue;
            }
            CaseSla sla = engine.evaluate(serviceCase, record.events(), record.tier(), asOf);
            for (MilestoneStatus status : sla.milestones()) {
                if (status.status() == MilestoneStatus.Status.BREACHED && status.metAt().isEmpty()) {
                    openBreaches.add(new OpenBreach(serviceCase.id(), serviceCase.customerId(), status.name(),
                            status.dueAt()));
                }
            }
            if (serviceCase.kind() == CaseKind.COMPLAINT && !openedAt.isBefore(repeatFrom)) {
                recentComplaints.merge(serviceCase.customerId(), 1, Integer::sum);
            }
            if (openedAt.isBefore(from)) {
                continue;
            }
            opened++;
            String target = sla.target().orElse("");
            sla.milestones().forEach(status -> weekMilestones.computeIfAbsent(List.of(target, status.name()),
                    key -> new ArrayList<>()).add(status));
            if (serviceCase.kind() != CaseKind.COMPLAINT) {
                continue;
            }
            complaints++;
            byCause.merge(serviceCase.cause().orElse("unknown"), 1L, Long::sum);
            byChannel.merge(serviceCase.channel().map(channel -> channel.key()).orElse("unknown"), 1L, Long::sum);
            resolved += resolvedAt(record.events(), asOf) ? 1 : 0;
        }
        List<MilestoneSummary> milestones = new ArrayList<>();
        weekMilestones.forEach((key, statuses) -> milestones.add(summary(key.get(0), key.get(1), statuses)));
        openBreaches.sort(Comparator.comparing(OpenBreach::dueAt).thenComparing(OpenBreach::caseId));
        List<RepeatComplainer> repeat = new ArrayList<>();
        recentComplaints.forEach((customer, count) -> {
            if (count >= 2) {
                repeat.add(new RepeatComplainer(customer, count));
            }
        });
        repeat.sort(Comparator.comparingInt(RepeatComplainer::complaints).reversed()
                .thenComparing(RepeatComplainer::customerId));
        return new WeeklyReview(week, from, until, opened, complaints, mostFrequentFirst(byCause),
                mostFrequentFirst(byChannel), milestones, openBreaches, resolved, repeat);
    }

    /** Whether the last resolution by the moment is not undone by a later reopening. */
    private static boolean resolvedAt(List<CaseEvent> events, Instant asOf) {
        boolean resolved = false;
        for (CaseEvent event : events) {
            if (event.occurredAt().toInstant().isAfter(asOf)) {
                break;
            }
            if (event.type() == CaseEventType.RESOLVED) {
                resolved = true;
            } else if (event.type() == CaseEventType.REOPENED) {
                resolved = false;
            }
        }
        return resolved;
    }

    private static MilestoneSummary summary(String target, String name, List<MilestoneStatus> statuses) {
        int onTime = 0;
        int late = 0;
        int breached = 0;
        int closedWithout = 0;
        int open = 0;
        List<Duration> times = new ArrayList<>();
        for (MilestoneStatus status : statuses) {
            if (status.metAt().isPresent() && !status.metByClosing()) {
                times.add(status.elapsed());
            }
            if (status.metByClosing() && status.metOnTime()) {
                closedWithout++;
            } else if (status.metByClosing()) {
                breached++;
            } else if (status.metAt().isPresent()) {
                if (status.metOnTime()) {
                    onTime++;
                } else {
                    late++;
                }
            } else if (status.status() == MilestoneStatus.Status.BREACHED) {
                breached++;
            } else {
                open++;
            }
        }
        times.sort(Comparator.naturalOrder());
        return new MilestoneSummary(target, name, statuses.size(), onTime, late, breached, closedWithout, open,
                percentile(times, 50),
                percentile(times, 90));
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static Optional<Duration> percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(rank, 1) - 1));
    }

    private static Map<String, Long> mostFrequentFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
