package org.crmkit.rules.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.tiering.TierEngine;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;

/**
 * The streaming service plans from a store exactly what the service it replaced planned
 * ({@link ListAgendaService}, kept as the reference, which read every customer, snapshot and case
 * into lists and queried each customer's tiers and interactions): customers created after the
 * first day left out, rhythms that start when a tier is entered, tier histories with assignments
 * after the first day, interactions before a rhythm began and after the plan, complaints resolved,
 * reopened and closed before and after the first day, inquiries, and win-back customers found by
 * their metrics.
 */
class AgendaServiceStreamingProperties {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 4, 1);
    private static final PolicyRef REF = PolicyRef.of("standard", "2026.1");

    /** One customer and everything stored about it. */
    record Stored(Customer customer, List<Purchase> purchases, List<TierAssignment> tiers,
            List<Interaction> interactions, List<ServiceCase> cases, List<CaseEvent> events) {
    }

    @Test
    void theStreamingServicePlansWhatTheListBasedServicePlanned() {
        Property.forAll(Gens.of(AgendaStreamingProperties.POLICIES), Gens.of(AgendaStreamingProperties.FIRST_DAYS),
                        AgendaStreamingProperties.DAYS, stores())
                .tries(300)
                .cover("a customer created after the first day", 15).cover("a complaint holds back marketing", 5)
                .cover("a win-back contact", 5).cover("a contact planned", 50)
                .check((policy, from, extraDays, base) -> {
                    LocalDate to = from.plusDays(extraDays);
                    InMemoryStore store = InMemoryStore.create();
                    base.forEach(stored -> load(store, stored));

                    Agenda reference = ListAgendaService.of(policy, store).plan(from, to);
                    List<Object> received = new ArrayList<>();
                    AgendaService.of(policy, store).plan(from, to,
                            AgendaSink.of(received::add, received::add, received::add));

                    Property.classify("a customer created after the first day", base.stream()
                            .anyMatch(stored -> stored.customer().createdOn().isAfter(from)));
                    Property.classify("a complaint holds back marketing", reference.unscheduled().stream()
                            .anyMatch(contact -> contact.kind() == UnscheduledContact.Kind.COMPLAINT_OPEN));
                    Property.classify("a win-back contact", reference.planned().stream()
                            .anyMatch(contact -> contact.rule().purpose() == ContactPurpose.WIN_BACK));
                    Property.classify("a contact planned", !reference.planned().isEmpty());
                    AgendaStreamingProperties.assertReceived(received, reference);
                    assertThat(AgendaService.of(policy, store).plan(from, to)).isEqualTo(reference);
                });
    }

    @Test
    void theServiceWithTiersFromTheRulesPlansWhatThePlannerPlansForCustomersTieredByTheRules() {
        Property.forAll(Gens.of(AgendaStreamingProperties.POLICIES), Gens.of(AgendaStreamingProperties.FIRST_DAYS),
                        AgendaStreamingProperties.DAYS, stores())
                .tries(300)
                .cover("a customer created after the first day", 15).cover("a complaint holds back marketing", 5)
                .cover("a customer with a tier", 50).cover("a contact planned", 50)
                .check((policy, from, extraDays, base) -> {
                    LocalDate to = from.plusDays(extraDays);
                    InMemoryStore store = InMemoryStore.create();
                    base.forEach(stored -> load(store, stored));

                    // The reference: the planner given whole customers, tiered by the rules as of the first
                    // day, each rhythm since creation, as the command line planned before it streamed.
                    ZoneId zone = policy.find(CadencePolicy.class).orElseThrow().calendar().zone();
                    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
                    Set<CustomerId> complaining = ServiceCase.customersWithOpenComplaints(
                            base.stream().flatMap(stored -> stored.cases().stream()).toList(),
                            caseId -> base.stream().flatMap(stored -> stored.events().stream())
                                    .filter(event -> event.caseId().equals(caseId)).toList(),
                            from.atStartOfDay(zone).toInstant());
                    TierEngine engine = TierEngine.of(policy);
                    List<CadenceCustomer> tiered = new ArrayList<>();
                    store.facts().forEach(FactsQuery.metricsOnly(policy.header().metricsQuery(from)), facts -> {
                        Customer customer = store.customers().findById(facts.customerId()).orElseThrow();
                        List<Interaction> before = store.interactions().findByCustomer(customer.id(), Instant.MIN, end);
                        tiered.add(new CadenceCustomer(customer, engine.evaluate(facts.metrics()).tier(),
                                customer.createdOn(), before, complaining.contains(customer.id()), facts.metrics(),
                                Optional.empty()));
                    });
                    Agenda reference = AgendaPlanner.of(policy.find(CadencePolicy.class).orElseThrow(),
                            policy.section(TieringPolicy.class).ladder()).plan(from, to, tiered);

                    List<Object> received = new ArrayList<>();
                    AgendaService.fromRules(policy, AgendaInputs.of(store.customers(), store.interactions()),
                            store.facts(), store.cases(), store.caseEvents()).plan(from, to,
                            AgendaSink.of(received::add, received::add, received::add));

                    Property.classify("a customer created after the first day", base.stream()
                            .anyMatch(stored -> stored.customer().createdOn().isAfter(from)));
                    Property.classify("a complaint holds back marketing", reference.unscheduled().stream()
                            .anyMatch(contact -> contact.kind() == UnscheduledContact.Kind.COMPLAINT_OPEN));
                    Property.classify("a customer with a tier", tiered.stream().anyMatch(c -> c.tier().isPresent()));
                    Property.classify("a contact planned", !reference.planned().isEmpty());
                    AgendaStreamingProperties.assertReceived(received, reference);
                });
    }

    private static void load(InMemoryStore store, Stored stored) {
        store.customers().save(stored.customer());
        stored.purchases().forEach(store.purchases()::record);
        stored.tiers().forEach(store.tierAssignments()::record);
        stored.interactions().forEach(store.interactions()::record);
        stored.cases().forEach(store.cases()::save);
        stored.events().forEach(store.caseEvents()::append);
    }

    static Gen<List<Stored>> stores() {
        Gen<CadenceCustomer> customers = AgendaStreamingProperties.customer();
        Gen<Integer> createdDaysAgo = Gens.integers(-15, 900);
        Gen<List<Integer>> purchaseDaysAgo = Gens.integers(1, 500).list(0, 2);
        Gen<List<Integer>> tierDaysAgo = Gens.integers(-20, 400).list(0, 4);
        Gen<String> tiers = Gens.of("core", "important", "basic", "potential", "legacy", "none");
        Gen<List<Integer>> caseDaysAgo = Gens.integers(-5, 60).list(0, 2);
        Gen<Boolean> complaint = Gens.integers(0, 3).map(n -> n > 0);
        Gen<List<CaseEventType>> eventTypes = Gens.of(CaseEventType.RESPONDED, CaseEventType.RESOLVED,
                CaseEventType.REOPENED, CaseEventType.CLOSED).list(0, 4);
        Gen<Integer> hoursApart = Gens.integers(0, 24 * 40);
        Gen<Stored> one = source -> {
            CadenceCustomer drawn = customers.generate(source);
            CustomerId id = drawn.customer().id();
            Customer customer = new Customer(id, drawn.customer().name(), Optional.empty(),
                    ANCHOR.minusDays(createdDaysAgo.generate(source)), drawn.customer().accountManager(),
                    drawn.customer().contactPreferences(), false);
            List<Purchase> purchases = new ArrayList<>();
            for (int daysAgo : purchaseDaysAgo.generate(source)) {
                purchases.add(Purchase.of(PurchaseId.of(id + "-p" + purchases.size()), id, ANCHOR.minusDays(daysAgo),
                        Money.of("CNY", "100")));
            }
            List<TierAssignment> assignments = new ArrayList<>();
            for (int daysAgo : new TreeSet<>(tierDaysAgo.generate(source)).descendingSet()) {
                String tier = tiers.generate(source);
                assignments.add(new TierAssignment(id, tier.equals("none") ? Optional.empty() : Optional.of(Tier.of(tier)),
                        ANCHOR.minusDays(daysAgo), REF, 0, Instant.EPOCH));
            }
            List<Interaction> interactions = new ArrayList<>();
            for (Interaction drawnInteraction : drawn.interactions()) {
                // Further back than the planner's bases reach: before rhythms begin.
                interactions.add(Interaction.of(drawnInteraction.id(), id,
                        drawnInteraction.occurredAt().minusDays(interactions.size() * 90L), drawnInteraction.channel(),
                        drawnInteraction.kind()));
            }
            List<ServiceCase> cases = new ArrayList<>();
            List<CaseEvent> events = new ArrayList<>();
            for (int daysAgo : caseDaysAgo.generate(source)) {
                CaseId caseId = CaseId.of("k-" + id.value() + "-" + cases.size());
                OffsetDateTime opened = ANCHOR.minusDays(daysAgo).atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.ofHours(8));
                cases.add(new ServiceCase(caseId, id, opened, complaint.generate(source) ? CaseKind.COMPLAINT
                        : CaseKind.INQUIRY, Optional.empty(), Optional.empty(), Optional.of(Channel.PHONE)));
                OffsetDateTime at = opened;
                for (CaseEventType type : eventTypes.generate(source)) {
                    at = at.plusHours(hoursApart.generate(source));
                    events.add(CaseEvent.of(caseId, at, type));
                }
            }
            return new Stored(customer, purchases, assignments, interactions, cases, events);
        };
        return one.uniqueList(0, 40, stored -> stored.customer().id());
    }
}
