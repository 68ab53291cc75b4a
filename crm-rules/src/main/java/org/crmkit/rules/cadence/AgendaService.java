package org.crmkit.rules.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CrmStore;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.rules.Policy;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.tiering.TierEngine;
import org.crmkit.rules.tiering.TieringPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Plans the agenda from stored data: customers, their stored tiers (the rhythm of a tier begins
 * on the day the customer entered it, or was created if the customer has had no other tier),
 * their interactions, and their complaints open when the first day begins (a complaint is open
 * until resolved or closed, again after a reopening).
 * Customers without a stored tier get no cadence contacts except win-back.
 *
 * <p>{@link #plan(LocalDate, LocalDate, AgendaSink)} reads the store in a few streaming passes,
 * each port once and never one query per customer: the customers; the facts of those created by
 * the first day (only when the policy has a win-back condition to test on their metrics, else
 * their creation day says who they are); every customer's tier history up to the first day
 * ({@link TierAssignments#forEachHistory}); the interactions from the earliest day that matters
 * until the last day ({@link InteractionLog#forEach(Instant, Instant, java.util.function.Consumer)});
 * and, when marketing waits on open complaints, the complaints with their events
 * ({@link CaseEventLog#forEach}). What it keeps is what {@link AgendaPlanner} keeps (about 50 bytes
 * per customer and 30 per due contact) and, while it reads them, some 50 bytes per complaint opened
 * before the first day. The plan is written to the sink day by day.
 *
 * <p>{@link #fromRules} makes a service for callers that keep no tier history, such as the command
 * line: the tiers come from the policy's tier rules instead, read with the facts in the same pass.
 *
 * <p>Thread-safe if the ports are.
 */
public final class AgendaService {
    /** A complaint's state while its events are read: open. */
    private static final byte OPEN = 1;
    /** An event after the moment was seen: the case's later events do not count either. */
    private static final byte PAST = 2;

    private final PolicyHeader header;
    private final CadencePolicy cadences;
    private final AgendaPlanner planner;
    private final AgendaInputs inputs;
    private final CustomerFactsSource facts;
    /** The stored tiers, or null when the tiers come from the rules. */
    private final @Nullable TierAssignments tiers;
    /** The tier rules, when the tiers come from them; else null. */
    private final @Nullable TierEngine rules;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;

    private AgendaService(Policy policy, CadencePolicy cadences, AgendaInputs inputs, CustomerFactsSource facts,
            @Nullable TierAssignments tiers, ServiceCases cases, CaseEventLog caseEvents) {
        this.header = policy.header();
        this.cadences = cadences;
        this.planner = AgendaPlanner.of(cadences, policy.section(TieringPolicy.class).ladder());
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.tiers = tiers;
        this.rules = tiers == null ? TierEngine.of(policy) : null;
        this.cases = Objects.requireNonNull(cases, "cases");
        this.caseEvents = Objects.requireNonNull(caseEvents, "caseEvents");
    }

    /**
     * A service that plans the contacts of a store's customers with a policy's cadences, from the
     * store's customers, facts, interactions, stored tiers, and cases with their events (for the
     * complaints open when the range begins). The ladder of tiers is the policy's.
     *
     * @param policy the policy, which must have a {@code cadences} section; not null
     * @param store where the customers and their records are; not null
     * @return the service
     * @throws IllegalArgumentException if the policy has no cadences section
     */
    public static AgendaService of(Policy policy, CrmStore store) {
        Objects.requireNonNull(store, "store");
        return new AgendaService(policy, cadences(policy), AgendaInputs.of(store.customers(), store.interactions()),
                store.facts(), Objects.requireNonNull(store.tierAssignments(), "store.tierAssignments()"),
                store.cases(), store.caseEvents());
    }

    /**
     * A service for callers that keep no tier history, such as the command line: each customer's
     * tier is the one the policy's tier rules give its metrics as of the plan's first day
     * ({@link TierEngine#evaluate(org.crmkit.core.metrics.CustomerMetrics)}), and its rhythm starts on the day it was created. It reads what
     * {@link #of} reads but the stored tiers, in as many passes.
     *
     * @param policy the policy, which must have a {@code cadences} section; not null
     * @param inputs the customers and their interactions, in any order; not null
     * @param facts the customers' facts, for the tiers and the win-back condition; not null
     * @param cases their service cases, for the complaints open when the range begins; not null
     * @param caseEvents the cases' events; not null
     * @return the service
     * @throws IllegalArgumentException if the policy has no cadences section
     */
    public static AgendaService fromRules(Policy policy, AgendaInputs inputs, CustomerFactsSource facts,
            ServiceCases cases, CaseEventLog caseEvents) {
        return new AgendaService(policy, cadences(policy), inputs, facts, null, cases, caseEvents);
    }

    private static CadencePolicy cadences(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        return policy.find(CadencePolicy.class).orElseThrow(() -> new IllegalArgumentException(
                "Policy '" + policy.ref() + "' has no cadences section to plan contacts with"));
    }

    /**
     * Plans the agenda of a range of days from the stored data as of its first day and returns
     * it whole: for bases whose agenda fits in memory.
     *
     * @param from the first day; not null
     * @param to the last day, not before the first; not null
     * @return the agenda
     */
    public Agenda plan(LocalDate from, LocalDate to) {
        AgendaCollector collector = new AgendaCollector();
        plan(from, to, collector.sink());
        return collector.agenda(from, to);
    }

    /**
     * Plans the agenda of a range of days from the stored data as of its first day and writes it
     * to a sink as each day is planned, in the order {@link AgendaSink} describes: for bases of any
     * size.
     *
     * @param from the first day; not null
     * @param to the last day, not before the first; not null
     * @param sink receives the planned and unscheduled contacts and the managers assigned; not null
     */
    public void plan(LocalDate from, LocalDate to, AgendaSink sink) {
        Objects.requireNonNull(sink, "sink");
        read(from, to).plan(sink);
    }

    /**
     * Plans the agenda of one day from the stored data as of that day, as
     * {@link #plan(LocalDate, LocalDate, AgendaSink) plan(day, day, sink)} does, and writes the
     * same contacts in another order: customer by customer. The sink receives the account managers
     * assigned first, then, customers in id order ({@link String#compareTo}), each customer's
     * planned contacts by rule name, then its unscheduled ones by due day and rule name. For a
     * writer that commits chunks of customers and, planning again after a failure, skips the
     * customers up to the last committed one (the nightly agenda job).
     *
     * @param day the day; not null
     * @param sink receives the planned and unscheduled contacts and the managers assigned; not null
     */
    public void planDayByCustomer(LocalDate day, AgendaSink sink) {
        Objects.requireNonNull(sink, "sink");
        read(day, day).planByCustomer(sink);
    }

    /** Reads what the plan of a range needs from the store, in a few streaming passes. */
    private AgendaRun read(LocalDate from, LocalDate to) {
        AgendaRun run = planner.run(from, to);
        inputs.forEachCustomer(run::addCustomer);
        run.endCustomers();
        if (rules != null) {
            // Stateless: the rules decide each tier as of the first day, and the rhythm runs since creation.
            facts.forEach(FactsQuery.metricsOnly(header.metricsQuery(from)), found -> {
                int customer = run.indexOf(found.customerId());
                if (customer >= 0) {
                    run.include(customer, run.winBack(found.metrics()));
                    run.tier(customer, rules.evaluate(found.metrics()).tier(), run.createdOn(customer));
                }
            });
        } else if (run.needsMetrics()) {
            facts.forEach(FactsQuery.metricsOnly(header.metricsQuery(from)), found -> {
                int customer = run.indexOf(found.customerId());
                if (customer >= 0) {
                    run.include(customer, run.winBack(found.metrics()));
                }
            });
        } else {
            // The facts source gives exactly the customers created by the first day: without a
            // win-back condition their metrics say nothing more, and computing them would cost most.
            for (int customer = 0; customer < run.customers(); customer++) {
                if (!run.createdOn(customer).isAfter(from)) {
                    run.include(customer, false);
                }
            }
        }
        if (tiers != null) {
            tiers.forEachHistory(from, history -> {
                int customer = run.indexOf(history.get(0).customerId());
                if (customer >= 0 && run.included(customer)) {
                    run.tier(customer, history.get(history.size() - 1).tier(),
                            rhythmStart(run.createdOn(customer), history));
                }
            });
        }
        // Days of the plan are the planner's: in the cadences calendar's zone.
        ZoneId zone = cadences.calendar().zone();
        Optional<LocalDate> since = run.openContactsOfAll();
        if (since.isPresent()) {
            inputs.forEachInteraction(since.get().atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone)
                    .toInstant(), interaction -> {
                        int customer = run.indexOf(interaction.customerId());
                        if (customer >= 0 && run.included(customer)) {
                            run.interaction(customer, interaction);
                        }
                    });
        }
        if (cadences.suppressMarketingWhileComplaintOpen()) {
            markOpenComplaints(run, from.atStartOfDay(zone).toInstant());
        }
        return run;
    }

    /**
     * Marks the customers with a complaint open at a moment ({@link ServiceCase#isOpenAt}): the
     * complaints opened by then are kept by id while their events stream past.
     */
    private void markOpenComplaints(AgendaRun run, Instant moment) {
        IdTable complaints = new IdTable("case");
        IntList owners = new IntList(64);
        cases.forEach(serviceCase -> {
            if (serviceCase.kind() == CaseKind.COMPLAINT && !serviceCase.openedAt().toInstant().isAfter(moment)) {
                int customer = run.indexOf(serviceCase.customerId());
                if (customer >= 0 && run.included(customer)) {
                    complaints.add(serviceCase.id().value());
                    owners.add(customer);
                }
            }
        });
        if (owners.size() == 0) {
            return;
        }
        complaints.finish();
        // Events after the moment do not count: a complaint's state stops at the first of them.
        byte[] states = new byte[owners.size()];
        Arrays.fill(states, OPEN);
        caseEvents.forEach(event -> {
            int complaint = complaints.indexOf(event.caseId().value());
            if (complaint >= 0 && (states[complaint] & PAST) == 0) {
                states[complaint] = next(states[complaint], event, moment);
            }
        });
        for (int complaint = 0; complaint < owners.size(); complaint++) {
            if ((states[complaint] & OPEN) != 0) {
                run.complaintOpen(owners.get(complaint));
            }
        }
    }

    private static byte next(byte state, CaseEvent event, Instant moment) {
        if (event.occurredAt().toInstant().isAfter(moment)) {
            return (byte) (state | PAST);
        }
        return ServiceCase.openAfter((state & OPEN) != 0, event) ? OPEN : 0;
    }

    /**
     * The day the customer's current tier began: the first as-of day after a different tier in
     * the history. A customer who has held the tier since the first evaluation has held it, as
     * far as anyone knows, since becoming a customer: the creation day.
     */
    private static LocalDate rhythmStart(LocalDate createdOn, List<TierAssignment> history) {
        Optional<Tier> current = history.get(history.size() - 1).tier();
        for (int i = history.size() - 2; i >= 0; i--) {
            if (!history.get(i).tier().equals(current)) {
                return history.get(i + 1).asOf();
            }
        }
        return createdOn;
    }
}
