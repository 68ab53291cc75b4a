package org.crmkit.examples;

import org.crmkit.rules.tiering.TieringPolicy;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaPlanner;
import org.crmkit.rules.cadence.CadenceCustomer;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.cadence.ManagerAssignment;
import org.crmkit.rules.cadence.OwnerKind;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;
import org.crmkit.rules.tiering.TierDecision;

/**
 * The demo's contact-planning part: the standard policy's cadences planned by
 * {@link AgendaPlanner} for the month after the as-of day, with the tiers the demo just decided,
 * the generated contacts, and the complaints still open at the end of the as-of day.
 *
 * <p>The base has no tier history before the as-of day (its first evaluation is its first
 * record), so every customer's rhythm starts on the day the customer was created: a contact is
 * due one interval after the last generated contact that counts for its rule.
 */
final class AgendaSection {
    private static final int OVERDUE_LISTED = 5;
    private static final int DAYS_SHOWN = 3;
    private static final int CONTACTS_SHOWN = 10;

    private AgendaSection() {
    }

    /**
     * Plans the month after the as-of day and prints it.
     *
     * @param policy the policy, with a cadences section
     * @param base the generated base
     * @param decisions the tier decisions of the as-of day, one per customer created by then
     * @param asOf the as-of day
     * @param out where the report goes
     * @return the agenda
     */
    static Agenda run(Policy policy, SyntheticCustomerBase base, List<TierDecision> decisions, LocalDate asOf,
            PrintStream out) {
        CadencePolicy cadences = policy.find(CadencePolicy.class).orElseThrow();
        ZoneId zone = cadences.calendar().zone(); // the planner's days
        LocalDate from = asOf.plusDays(1);
        LocalDate to = asOf.plusMonths(1);
        Instant start = from.atStartOfDay(zone).toInstant();

        Map<CustomerId, List<Interaction>> contacts = new HashMap<>();
        for (Interaction interaction : base.interactions()) {
            if (interaction.occurredAt().toInstant().isBefore(start)) {
                contacts.computeIfAbsent(interaction.customerId(), id -> new ArrayList<>()).add(interaction);
            }
        }
        Set<CustomerId> complaining = ServiceCase.customersWithOpenComplaints(base.cases(), base::caseEvents, start);
        Map<CustomerId, Customer> customers = new HashMap<>();
        base.customers().forEach(customer -> customers.put(customer.id(), customer));
        List<CadenceCustomer> inputs = new ArrayList<>(decisions.size());
        for (TierDecision decision : decisions) {
            Customer customer = customers.get(decision.customerId());
            inputs.add(new CadenceCustomer(customer, decision.tier(), customer.createdOn(),
                    contacts.getOrDefault(customer.id(), List.of()), complaining.contains(customer.id()),
                    decision.metrics(), Optional.empty()));
        }
        Agenda agenda = AgendaPlanner.of(cadences, policy.section(TieringPolicy.class).ladder()).plan(from, to, inputs);

        print(out, policy, agenda, inputs.size(), complaining.size(), asOf);
        return agenda;
    }

    private static void print(PrintStream out, Policy policy, Agenda agenda, int customers, int complaining,
            LocalDate asOf) {
        CadencePolicy cadences = policy.find(CadencePolicy.class).orElseThrow();
        out.printf(Locale.ROOT, "%nContact planning %s..%s (AgendaPlanner, calendar %s in %s)%n", agenda.from(),
                agenda.to(), cadences.calendar().name(), cadences.calendar().zone());
        out.printf(Locale.ROOT, "  customers  %,d with the tiers of %s, %,d of them with a complaint open at its"
                + " end;%n             no tier history before %s, so each rhythm starts when the customer was"
                + " created%n", customers, asOf, complaining, asOf);
        List<Agenda.Overdue> overdue = agenda.overdue();
        out.printf(Locale.ROOT, "  planned    %,d contacts; %,d unscheduled; %,d account managers assigned; %,d"
                        + " overdue on %s%n", agenda.planned().size(), agenda.unscheduled().size(),
                agenda.assignments().size(), overdue.size(), agenda.from());
        printOwnerKinds(out, policy, agenda.planned());
        out.println("  unscheduled by reason: " + (agenda.unscheduled().isEmpty() ? "none"
                : agenda.unscheduled().stream().collect(Collectors.groupingBy(contact -> reasonKind(contact.kind()),
                        TreeMap::new, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "))));
        if (cadences.pool(OwnerKind.SALES_TEAM).members().isEmpty()) {
            out.println("    (the standard policy names no sales team members, so the team plans as one owner with"
                    + " one");
            out.println("     member's capacity: list them under cadences.owners.sales_team.members)");
        }
        Optional<ManagerAssignment> assigned = agenda.assignments().stream().findFirst();
        out.printf(Locale.ROOT, "  managers   %,d core customers without an account manager got the least loaded"
                + " one%s%n", agenda.assignments().size(), assigned.map(assignment -> ","
                + System.lineSeparator() + "             e.g. "
                + assignment.customerId() + " -> " + assignment.manager() + " (" + assignment.reason() + ")")
                .orElse(""));
        out.printf(Locale.ROOT, "  overdue on %s, the most first (of %,d):%n", agenda.from(), overdue.size());
        overdue.stream().limit(OVERDUE_LISTED).forEach(item -> out.printf(Locale.ROOT,
                "    %-8s %-10s %-24s %-12s due %s, %,d days overdue, %s%n", item.customerId(),
                item.tier().map(Tier::name).orElse("(no tier)"), item.rule(), item.owner(), item.due(),
                item.daysOverdue(), item.planned() ? "planned" : "not planned"));
        printManagersDays(out, agenda);
    }

    /** Planned contacts per owner kind (rows) and tier (columns). */
    private static void printOwnerKinds(PrintStream out, Policy policy, List<PlannedContact> planned) {
        List<String> tiers = policy.section(TieringPolicy.class).ladder().tiers().stream().map(Tier::name).toList();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-16s", "owner kind"));
        tiers.forEach(tier -> header.append(String.format(Locale.ROOT, " %9s", tier)));
        out.println(header.append(String.format(Locale.ROOT, " %9s", "total")));
        for (OwnerKind kind : OwnerKind.values()) {
            List<PlannedContact> ofKind = planned.stream().filter(contact -> contact.rule().owner() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s", kind.key()));
            tiers.forEach(tier -> line.append(String.format(Locale.ROOT, " %,9d", ofKind.stream()
                    .filter(contact -> contact.tier().map(Tier::name).orElse("").equals(tier)).count())));
            out.println(line.append(String.format(Locale.ROOT, " %,9d", ofKind.size())));
        }
    }

    /** The first days of the account manager with the most contacts. */
    private static void printManagersDays(PrintStream out, Agenda agenda) {
        Optional<String> busiest = agenda.planned().stream()
                .filter(contact -> contact.rule().owner() == OwnerKind.ACCOUNT_MANAGER)
                .collect(Collectors.groupingBy(PlannedContact::owner, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
        if (busiest.isEmpty()) {
            return;
        }
        List<PlannedContact> theirs = agenda.planned().stream()
                .filter(contact -> contact.owner().equals(busiest.get())).toList();
        List<LocalDate> days = theirs.stream().map(PlannedContact::date).distinct().limit(DAYS_SHOWN).toList();
        out.printf(Locale.ROOT, "  account manager %s: %,d contacts this month, the first %d days:%n", busiest.get(),
                theirs.size(), days.size());
        theirs.stream().filter(contact -> days.contains(contact.date())).limit(CONTACTS_SHOWN)
                .forEach(contact -> out.printf(Locale.ROOT, "    %s %s %-8s %-14s via %-6s %s%n", contact.date(),
                        contact.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT),
                        contact.customerId(), contact.rule().name(), contact.channel().key(),
                        contact.due().isBefore(agenda.from()) ? "overdue since " + contact.due()
                                : "due " + contact.due()));
    }

    /** The kind of a planner's reason, for counting. */
    static String reasonKind(UnscheduledContact.Kind kind) {
        return kind.key().replace('_', ' ');
    }
}
