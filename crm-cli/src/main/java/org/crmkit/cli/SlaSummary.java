package org.crmkit.cli;

import org.crmkit.rules.sla.SlaPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.rules.Policy;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.crmkit.rules.sla.MilestoneStatus.Status;
import org.crmkit.rules.sla.WeeklyReview;

/**
 * The summaries {@code crm sla} and {@code crm sla review} print on standard error: what was
 * evaluated under which policy and how tiers were known, then the count of each status per
 * milestone, or the review's headline numbers.
 */
final class SlaSummary {
    /** The statuses in the order of FORMATS.md. */
    static final List<Status> STATUSES = List.of(Status.MET, Status.BREACHED, Status.RUNNING, Status.PAUSED,
            Status.WARNING);

    private static final String MILESTONE = "milestone";

    private SlaSummary() {
    }

    static List<String> lines(Policy policy, Instant asOf, String tierSource, List<CaseSla> results,
            int openedLater) {
        ZoneId zone = policy.header().zone();
        List<String> lines = new ArrayList<>();
        LocalDate day = asOf.atZone(zone).toLocalDate();
        if (day.isBefore(policy.header().effectiveFrom())) {
            lines.add("crm sla: warning: as-of day " + day + " is before the policy's effective_from "
                    + policy.header().effectiveFrom());
        }
        if (policy.section(SlaPolicy.class).targets().isEmpty()) {
            lines.add("crm sla: note: the policy has no sla targets, so no case has milestones");
        }
        lines.add("crm sla: " + cases(results.size()) + " as of " + moment(asOf, zone) + ", policy " + policy.ref()
                + ", " + tierSource);
        if (openedLater > 0) {
            lines.add("crm sla: note: " + cases(openedLater) + " opened after the as-of moment left out");
        }
        Map<String, Map<Status, Integer>> counts = new LinkedHashMap<>();
        long withoutTarget = 0;
        for (CaseSla sla : results) {
            withoutTarget += sla.target().isEmpty() ? 1 : 0;
            for (MilestoneStatus status : sla.milestones()) {
                counts.computeIfAbsent(status.name(), name -> new EnumMap<>(Status.class))
                        .merge(status.status(), 1, Integer::sum);
            }
        }
        if (!counts.isEmpty()) {
            int width = Math.max(MILESTONE.length(), counts.keySet().stream().mapToInt(String::length).max().orElse(0));
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", MILESTONE));
            STATUSES.forEach(status -> header.append(String.format(Locale.ROOT, " %8s", status.key())));
            lines.add(header.toString());
            counts.forEach((name, byStatus) -> {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", name));
                STATUSES.forEach(status -> line.append(String.format(Locale.ROOT, " %8d",
                        byStatus.getOrDefault(status, 0))));
                lines.add(line.toString());
            });
        }
        if (withoutTarget > 0) {
            lines.add("  " + cases(withoutTarget) + " without target: no target of the policy applies");
        }
        return lines;
    }

    static List<String> reviewLines(Policy policy, WeeklyReview review, LocalDate sunday, Instant end,
            String tierSource) {
        ZoneId zone = policy.header().zone();
        List<String> lines = new ArrayList<>();
        if (sunday.isBefore(policy.header().effectiveFrom())) {
            lines.add("crm sla review: warning: week " + review.week() + " ends before the policy's effective_from "
                    + policy.header().effectiveFrom());
        }
        lines.add("crm sla review: week " + review.week() + " (" + sunday.minusDays(6) + ".." + sunday + " in "
                + zone + ") as of " + moment(end, zone) + ", policy " + policy.ref() + ", " + tierSource);
        // Only complaints count as resolved, so the share is of complaints, as resolution_rate in the output.
        lines.add("crm sla review: " + cases(review.casesOpened()) + " opened (" + count(review.complaintsOpened(),
                "complaint", "complaints") + "), " + review.resolved() + " resolved ("
                + percent(review.resolved(), review.complaintsOpened()) + " of complaints), " + count(review.openBreaches().size(),
                "open breach", "open breaches") + ", " + count(review.repeatComplainers().size(), "repeat complainer",
                "repeat complainers"));
        return lines;
    }

    private static String moment(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static String cases(long count) {
        return count(count, "case", "cases");
    }

    private static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** A share as a percentage with one decimal, {@code -} when there is nothing to divide by. */
    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : BigDecimal.valueOf(part).movePointRight(2)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
