package org.crmkit.cli;

import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.tiering.TieringPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crmkit.cli.output.OverdueContact;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.UnscheduledContact;

/**
 * The summaries {@code crm agenda} and its subcommands print on standard error: how the plan was
 * made, counts per owner and tier, and the contacts that could not be planned with their reasons.
 */
final class AgendaSummary {
    /** Unscheduled contacts and assignments listed one by one; the rest are counted. */
    static final int MAX_LISTED = 20;
    static final String NO_TIER = "(no tier)";

    private AgendaSummary() {
    }

    /** The summary of {@code crm agenda}, from what was counted while the plan was written. */
    static List<String> plan(String command, AgendaPlan plan, AgendaTally tally) {
        List<String> lines = header(command, plan);
        lines.add(command + ": " + count(tally.planned(), "contact") + " planned, "
                + tally.unscheduled() + " unscheduled" + byReason(tally.reasons()) + ", "
                + count(tally.assignments(), "account manager") + " assigned, " + tally.overdue() + " overdue");
        lines.addAll(ownerTable(plan, tally));
        ownerLine(command, plan, tally, tally.plannedOfOwner(), "contact").ifPresent(lines::add);
        if (tally.unscheduledOfOwner() > 0) {
            lines.add(command + ": unscheduled" + plan.owner().map(owner -> " of " + owner).orElse("") + ":");
            tally.firstUnscheduled().forEach(contact -> lines.add("  " + unscheduledLine(contact)));
            more(tally.unscheduledOfOwner(), "'crm agenda unscheduled' lists them all").ifPresent(lines::add);
        }
        if (tally.assignmentsOfOwner() > 0) {
            lines.add(command + ": account managers assigned (record them in your ERP):");
            tally.firstAssignments().forEach(assignment -> lines.add("  " + assignment.customerId()
                    + " -> " + assignment.manager() + ": " + assignment.reason()));
            more(tally.assignmentsOfOwner(), "").ifPresent(lines::add);
        }
        return lines;
    }

    /** The summary of {@code crm agenda overdue}: counts per owner and tier. */
    static List<String> overdue(String command, AgendaPlan plan, AgendaTally tally, List<OverdueContact> written) {
        List<String> lines = header(command, plan);
        List<Agenda.Overdue> overdue = written.stream().map(OverdueContact::contact).toList();
        long planned = overdue.stream().filter(Agenda.Overdue::planned).count();
        lines.add(command + ": " + count(overdue.size(), "contact") + " overdue on " + plan.from()
                + plan.owner().map(owner -> " for " + owner).orElse("") + ", " + planned + " of them planned in "
                + plan.from() + ".." + plan.to() + overdue.stream().mapToLong(Agenda.Overdue::daysOverdue).max()
                        .stream().mapToObj(days -> ", the most overdue by " + count(days, "day")).findFirst()
                        .orElse(""));
        if (!overdue.isEmpty()) {
            Map<String, Map<String, List<Agenda.Overdue>>> groups = new TreeMap<>();
            for (Agenda.Overdue item : overdue) {
                groups.computeIfAbsent(item.owner(), owner -> new LinkedHashMap<>())
                        .computeIfAbsent(AgendaTally.tierName(item.tier()), tier -> new ArrayList<>()).add(item);
            }
            int width = Math.max("owner".length(), groups.keySet().stream().mapToInt(String::length).max().orElse(0));
            String format = "  %-" + width + "s %-11s %7s %7s %9s";
            lines.add(String.format(Locale.ROOT, format, "owner", "tier", "overdue", "planned", "most days"));
            groups.forEach((owner, tiers) -> tiers.forEach((tier, items) -> lines.add(String.format(Locale.ROOT,
                    format, owner, tier, items.size(), items.stream().filter(Agenda.Overdue::planned).count(),
                    items.stream().mapToLong(Agenda.Overdue::daysOverdue).max().orElse(0)))));
        }
        ownerLine(command, plan, tally, overdue.size(), "overdue contact").ifPresent(lines::add);
        return lines;
    }

    /** The summary of {@code crm agenda unscheduled}: counts by reason. */
    static List<String> unscheduled(String command, AgendaPlan plan, AgendaTally tally) {
        List<String> lines = header(command, plan);
        lines.add(command + ": " + count(tally.unscheduledOfOwner(), "contact") + " unscheduled"
                + plan.owner().map(owner -> " for " + owner).orElse("") + byReason(tally.reasonsOfOwner()));
        ownerLine(command, plan, tally, tally.unscheduledOfOwner(), "unscheduled contact").ifPresent(lines::add);
        return lines;
    }

    private static List<String> header(String command, AgendaPlan plan) {
        List<String> lines = new ArrayList<>();
        if (plan.from().isBefore(plan.policy().header().effectiveFrom())) {
            lines.add(command + ": warning: the plan's first day " + plan.from() + " is before the policy's"
                    + " effective_from " + plan.policy().header().effectiveFrom());
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(plan.from(), plan.to()) + 1;
        lines.add(command + ": plan " + plan.from() + ".." + plan.to() + " (" + count(days, "day") + ", calendar "
                + plan.policy().find(CadencePolicy.class).orElseThrow().calendar().name() + " in " + plan.policy().header().zone()
                + "), policy " + plan.policy().ref());
        lines.add(command + ": " + count(plan.customers(), "customer") + (plan.createdLater() == 0 ? ""
                : " (" + plan.createdLater() + " created after " + plan.from() + " left out)") + ", "
                + plan.tierSource() + ", each rhythm from the customer's created_on; "
                + count(plan.openComplaints(), "customer") + " with an open complaint");
        return lines;
    }

    /** Planned contacts per owner (rows) and tier (columns, in the policy's order). */
    private static List<String> ownerTable(AgendaPlan plan, AgendaTally tally) {
        if (tally.planned() == 0) {
            return List.of();
        }
        List<String> tiers = new ArrayList<>(plan.policy().section(TieringPolicy.class).ladder().tiers().stream().map(Tier::name).toList());
        if (tally.plannedWithoutTier()) {
            tiers.add(NO_TIER);
        }
        Map<String, Map<String, Long>> counts = tally.byOwnerAndTier();
        int width = Math.max("owner".length(), counts.keySet().stream().mapToInt(String::length).max().orElse(0));
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", "owner"));
        tiers.forEach(tier -> header.append(String.format(Locale.ROOT, " %" + Math.max(tier.length(), 5) + "s", tier)));
        lines.add(header.append(String.format(Locale.ROOT, " %6s", "total")).toString());
        counts.forEach((owner, byTier) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", owner));
            tiers.forEach(tier -> line.append(String.format(Locale.ROOT, " %" + Math.max(tier.length(), 5) + "d",
                    byTier.getOrDefault(tier, 0L))));
            lines.add(line.append(String.format(Locale.ROOT, " %6d", byTier.values().stream()
                    .mapToLong(Long::longValue).sum())).toString());
        });
        return lines;
    }

    /** What was written for the chosen owner, and a warning when the plan has nothing of theirs. */
    private static Optional<String> ownerLine(String command, AgendaPlan plan, AgendaTally tally, long written,
            String what) {
        if (plan.owner().isEmpty()) {
            return Optional.empty();
        }
        String owner = plan.owner().get();
        TreeSet<String> owners = tally.owners();
        if (!owners.contains(owner)) {
            return Optional.of(command + ": warning: owner '" + owner + "' has nothing in this plan; its owners are "
                    + (owners.isEmpty() ? "none" : String.join(", ", owners)));
        }
        return Optional.of(command + ": --owner " + owner + ": " + count(written, what) + " written");
    }

    static String unscheduledLine(UnscheduledContact contact) {
        return contact.customerId() + " " + contact.rule().name() + " due " + contact.due() + " (" + contact.owner()
                + "): " + contact.reason();
    }

    /** E.g. {@code " (2 open complaint, 1 do-not-contact)"}, or nothing when there are none. */
    static String byReason(Map<String, Long> kinds) {
        if (kinds.isEmpty()) {
            return "";
        }
        // The kinds come in name order: among equal counts, the first name leads.
        return kinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static Optional<String> more(long total, String hint) {
        return total > MAX_LISTED ? Optional.of("  ... and " + (total - MAX_LISTED) + " more"
                + (hint.isEmpty() ? "" : ": " + hint)) : Optional.empty();
    }

    private static String count(long count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }
}
