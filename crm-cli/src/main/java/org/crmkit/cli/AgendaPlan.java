package org.crmkit.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.AgendaInputs;
import org.crmkit.rules.cadence.AgendaService;
import org.crmkit.rules.cadence.AgendaSink;
import org.crmkit.rules.cadence.CadencePolicy;

/**
 * One planning run of {@code crm agenda} and its subcommands, its input read and checked: what
 * is planned for whom, and what the summary says about how. {@link #run} plans and hands the
 * results to a sink as they are decided, so that the commands write them out as they come; the
 * customers stream from their files through {@link AgendaService#fromRules} and are counted on the
 * way, for the summary. Runs once; not thread-safe.
 */
final class AgendaPlan {
    private final Policy policy;
    private final LocalDate from;
    private final LocalDate to;
    private final Optional<String> owner;
    private final String tierSource;
    private final AgendaInputs inputs;
    private final CustomerFactsSource facts;
    private final InMemoryStore cases;
    private final Set<CustomerId> complaining;
    private boolean ran;
    private int customersRead;
    private int planned;
    private int plannedWithOpenComplaint;

    /**
     * @param policy the policy, with a cadences section; not null
     * @param from the plan's first day; not null
     * @param to the plan's last day; not null
     * @param owner the owner whose contacts are written, if {@code --owner} was given; not null
     * @param tierSource how tiers were decided, for the summary; not null
     * @param inputs the customers and their interactions, streamed from their checked files; not null
     * @param facts the customers' facts, their files checked; not null
     * @param cases the complaints and their events, if given (few, so held); not null
     * @param complaining the customers with a complaint open at the start of the first day; not null
     */
    AgendaPlan(Policy policy, LocalDate from, LocalDate to, Optional<String> owner, String tierSource,
            AgendaInputs inputs, CustomerFactsSource facts, InMemoryStore cases, Set<CustomerId> complaining) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.tierSource = Objects.requireNonNull(tierSource, "tierSource");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.complaining = Set.copyOf(complaining);
    }

    /** @return the policy */
    Policy policy() {
        return policy;
    }

    /** @return the plan's first day */
    LocalDate from() {
        return from;
    }

    /** @return the plan's last day */
    LocalDate to() {
        return to;
    }

    /** @return the owner whose contacts are written, if {@code --owner} was given */
    Optional<String> owner() {
        return owner;
    }

    /** @return how tiers were decided, for the summary */
    String tierSource() {
        return tierSource;
    }

    /** @return the zone the plan's days are counted in: the cadences calendar's, as the planner counts them */
    ZoneId zone() {
        return policy.find(CadencePolicy.class).orElseThrow().calendar().zone();
    }

    /**
     * Plans the days and hands the results to the sink as they are decided, in the planner's order.
     *
     * @param sink receives the contacts and assignments of all owners
     * @throws IllegalStateException if the plan ran before
     */
    void run(AgendaSink sink) {
        if (ran) {
            throw new IllegalStateException("a plan runs once");
        }
        ran = true;
        AgendaService.fromRules(policy, new CountedInputs(), new CountedFacts(), cases.cases(), cases.caseEvents())
                .plan(from, to, sink);
    }

    /** @return the customers planned for: those created by the first day; known once the plan ran */
    int customers() {
        requireRan();
        return planned;
    }

    /** @return the customers created after the first day, left out; known once the plan ran */
    int createdLater() {
        requireRan();
        return customersRead - planned;
    }

    /** @return the customers planned for with a complaint open at the start of the first day; known once the plan ran */
    int openComplaints() {
        requireRan();
        return plannedWithOpenComplaint;
    }

    /** @return whether the owner's contacts are written */
    boolean ownerWanted(String name) {
        return owner.map(name::equals).orElse(true);
    }

    private void requireRan() {
        if (!ran) {
            throw new IllegalStateException("the plan has not run");
        }
    }

    /** The customers, counted as the service reads them. */
    private final class CountedInputs implements AgendaInputs {
        @Override
        public void forEachCustomer(Consumer<? super Customer> action) {
            inputs.forEachCustomer(customer -> {
                customersRead++;
                action.accept(customer);
            });
        }

        @Override
        public void forEachInteraction(Instant start, Instant until, Consumer<? super Interaction> action) {
            inputs.forEachInteraction(start, until, action);
        }
    }

    /** The facts of the customers created by the first day, counted as the service reads them. */
    private final class CountedFacts implements CustomerFactsSource {
        @Override
        public Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query) {
            return facts.find(customerId, query);
        }

        @Override
        public void forEach(FactsQuery query, Consumer<? super CustomerFacts> action) {
            facts.forEach(query, found -> {
                planned++;
                if (complaining.contains(found.customerId())) {
                    plannedWithOpenComplaint++;
                }
                action.accept(found);
            });
        }
    }
}
