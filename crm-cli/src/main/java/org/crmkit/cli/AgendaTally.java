package org.crmkit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.crmkit.cli.output.OverdueContact;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaSink;
import org.crmkit.rules.cadence.ManagerAssignment;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;

/**
 * What the summaries of {@code crm agenda} and its subcommands say, counted while the plan is
 * written, so that no command holds the agenda: totals, counts per owner and tier and per kind of
 * reason, the owners, the first {@value AgendaSummary#MAX_LISTED} unscheduled contacts and
 * assignments of the chosen owner, and, for {@code crm agenda overdue}, which must sort them, the
 * chosen owner's overdue contacts. Passes each planned and unscheduled contact of the chosen owner
 * on to the command's writers. Not thread-safe.
 */
final class AgendaTally implements AgendaSink {
    private final AgendaPlan plan;
    private final Consumer<? super PlannedContact> plannedOut;
    private final Consumer<? super UnscheduledContact> unscheduledOut;
    private final boolean keepOverdue;

    private long planned;
    private long unscheduled;
    private long assignments;
    private long overdue;
    private long plannedOfOwner;
    private long unscheduledOfOwner;
    private long assignmentsOfOwner;
    private final Map<String, Long> reasons = new TreeMap<>();
    private final Map<String, Long> reasonsOfOwner = new TreeMap<>();
    private final Map<String, Map<String, Long>> byOwnerAndTier = new TreeMap<>();
    private boolean plannedWithoutTier;
    private final TreeSet<String> owners = new TreeSet<>();
    private final List<UnscheduledContact> firstUnscheduled = new ArrayList<>();
    private final List<ManagerAssignment> firstAssignments = new ArrayList<>();
    private final List<OverdueContact> overdueOfOwner = new ArrayList<>();

    /**
     * A tally that writes nothing but the contacts it is given writers for.
     *
     * @param plan the plan, for its first day and its chosen owner
     * @param plannedOut receives the chosen owner's planned contacts
     * @param unscheduledOut receives the chosen owner's unscheduled contacts
     * @param keepOverdue whether to keep the chosen owner's overdue contacts, for {@link #overdueOfOwner}
     */
    AgendaTally(AgendaPlan plan, Consumer<? super PlannedContact> plannedOut,
            Consumer<? super UnscheduledContact> unscheduledOut, boolean keepOverdue) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.plannedOut = plannedOut;
        this.unscheduledOut = unscheduledOut;
        this.keepOverdue = keepOverdue;
    }

    @Override
    public void planned(PlannedContact contact) {
        planned++;
        owners.add(contact.owner());
        byOwnerAndTier.computeIfAbsent(contact.owner(), owner -> new HashMap<>())
                .merge(tierName(contact.tier()), 1L, Long::sum);
        plannedWithoutTier |= contact.tier().isEmpty();
        Optional<Agenda.Overdue> late = Agenda.Overdue.of(contact, plan.from());
        late.ifPresent(item -> overdue++);
        if (plan.ownerWanted(contact.owner())) {
            plannedOfOwner++;
            if (keepOverdue && late.isPresent()) {
                overdueOfOwner.add(new OverdueContact(late.get(), Optional.of(contact.date()), Optional.empty()));
            }
            plannedOut.accept(contact);
        }
    }

    @Override
    public void unscheduled(UnscheduledContact contact) {
        unscheduled++;
        owners.add(contact.owner());
        String reason = UnscheduledReason.of(contact.kind());
        reasons.merge(reason, 1L, Long::sum);
        Optional<Agenda.Overdue> late = Agenda.Overdue.of(contact, plan.from());
        late.ifPresent(item -> overdue++);
        if (plan.ownerWanted(contact.owner())) {
            unscheduledOfOwner++;
            reasonsOfOwner.merge(reason, 1L, Long::sum);
            if (firstUnscheduled.size() < AgendaSummary.MAX_LISTED) {
                firstUnscheduled.add(contact);
            }
            if (keepOverdue && late.isPresent()) {
                overdueOfOwner.add(new OverdueContact(late.get(), Optional.empty(), Optional.of(contact.reason())));
            }
            unscheduledOut.accept(contact);
        }
    }

    @Override
    public void assigned(ManagerAssignment assignment) {
        assignments++;
        if (plan.ownerWanted(assignment.manager().value())) {
            assignmentsOfOwner++;
            if (firstAssignments.size() < AgendaSummary.MAX_LISTED) {
                firstAssignments.add(assignment);
            }
        }
    }

    long planned() {
        return planned;
    }

    long unscheduled() {
        return unscheduled;
    }

    long assignments() {
        return assignments;
    }

    long overdue() {
        return overdue;
    }

    long plannedOfOwner() {
        return plannedOfOwner;
    }

    long unscheduledOfOwner() {
        return unscheduledOfOwner;
    }

    long assignmentsOfOwner() {
        return assignmentsOfOwner;
    }

    /** @return the unscheduled contacts per kind of reason, by the reason's name */
    Map<String, Long> reasons() {
        return reasons;
    }

    /** @return the chosen owner's unscheduled contacts per kind of reason, by the reason's name */
    Map<String, Long> reasonsOfOwner() {
        return reasonsOfOwner;
    }

    /** @return planned contacts per owner (in name order) and tier name */
    Map<String, Map<String, Long>> byOwnerAndTier() {
        return byOwnerAndTier;
    }

    /** @return whether a planned contact was for a customer without a tier */
    boolean plannedWithoutTier() {
        return plannedWithoutTier;
    }

    /** @return every owner with a planned or unscheduled contact, in name order */
    TreeSet<String> owners() {
        return owners;
    }

    /** @return the chosen owner's first unscheduled contacts */
    List<UnscheduledContact> firstUnscheduled() {
        return firstUnscheduled;
    }

    /** @return the first assignments of the chosen owner */
    List<ManagerAssignment> firstAssignments() {
        return firstAssignments;
    }

    /**
     * The chosen owner's overdue contacts, in {@link Agenda#overdue()}'s order; kept only when asked for.
     *
     * @return the contacts, most overdue first
     */
    List<OverdueContact> overdueOfOwner() {
        List<OverdueContact> sorted = new ArrayList<>(overdueOfOwner);
        // Planned ones came first, as in Agenda.overdue(): a stable sort keeps them ahead in a tie.
        sorted.sort((a, b) -> Agenda.Overdue.ORDER.compare(a.contact(), b.contact()));
        return sorted;
    }

    static String tierName(Optional<Tier> tier) {
        return tier.map(Tier::name).orElse(AgendaSummary.NO_TIER);
    }
}
