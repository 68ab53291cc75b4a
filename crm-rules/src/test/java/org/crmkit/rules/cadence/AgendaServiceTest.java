package org.crmkit.rules.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

class AgendaServiceTest {
    private static final Policy STANDARD = PolicyLoader.standard();
    private static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    private final InMemoryStore store = InMemoryStore.create();

    private AgendaService service() {
        return AgendaService.of(STANDARD, store);
    }

    private void tier(String customer, String asOf, String tier) {
        store.tierAssignments().record(new TierAssignment(CustomerId.of(customer), Optional.of(Tier.of(tier)),
                LocalDate.parse(asOf), PolicyRef.of("standard", "2026.1"), 0, Instant.EPOCH));
    }

    @Test
    void refusesAPolicyWithoutCadences() {
        Policy withoutCadences = PolicyDocuments.load("""
                id: plain
                version: "1"
                effective_from: 2026-01-01
                currency: CNY
                time_zone: Asia/Shanghai
                tiers:
                  - name: member
                    when: {spend: {gte: 0}}
                """, "plain.yaml");

        assertThatThrownBy(() -> AgendaService.of(withoutCadences, store))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Policy 'plain@1' has no cadences section to plan contacts with");
    }

    @Test
    void startsTheRhythmOfATierOnTheFirstDayOfTheCustomersCurrentRunInIt() {
        store.customers().save(Customer.of(CustomerId.of("c-1"), "One", LocalDate.of(2024, 1, 1))
                .withAccountManager(StaffId.of("m-1")));
        store.purchases().record(org.crmkit.core.model.Purchase.of(org.crmkit.core.model.PurchaseId.of("o-1"),
                CustomerId.of("c-1"), LocalDate.of(2026, 2, 1), org.crmkit.core.model.Money.of("CNY", "150000")));
        tier("c-1", "2025-12-31", "important");
        tier("c-1", "2026-01-31", "core");
        tier("c-1", "2026-02-28", "core");
        // A visit before the promotion does not count for the core rhythm.
        store.interactions().record(Interaction.of(InteractionId.of("i-1"), CustomerId.of("c-1"),
                OffsetDateTime.parse("2026-01-20T10:00+08:00"), Channel.VISIT, InteractionKind.VISIT));

        Agenda agenda = service().plan(FROM, FROM.plusDays(29));

        assertThat(agenda.planned()).first().satisfies(contact -> {
            assertThat(contact.due()).isEqualTo(LocalDate.of(2026, 1, 31));
            assertThat(contact.date()).isEqualTo(FROM);
            assertThat(contact.owner()).isEqualTo("m-1");
        });
    }

    @Test
    void holdsOffersWhileAComplaintIsOpenAndSendsThemOnceItIsResolved() {
        store.customers().save(Customer.of(CustomerId.of("c-2"), "Two", LocalDate.of(2024, 1, 1)));
        tier("c-2", "2026-03-31", "basic");
        store.cases().save(ServiceCase.complaint(CaseId.of("k-1"), CustomerId.of("c-2"),
                OffsetDateTime.parse("2026-03-30T10:00+08:00")));

        Agenda whileOpen = service().plan(FROM, FROM.plusDays(29));
        store.caseEvents().append(CaseEvent.of(CaseId.of("k-1"), OffsetDateTime.parse("2026-03-31T10:00+08:00"),
                CaseEventType.RESOLVED));
        Agenda afterResolution = service().plan(FROM, FROM.plusDays(29));

        assertThat(whileOpen.planned()).isEmpty();
        assertThat(whileOpen.unscheduled()).singleElement()
                .satisfies(contact -> assertThat(contact.reason()).contains("complaint is open"));
        assertThat(afterResolution.planned()).isNotEmpty();
    }

    @Test
    void leavesOutCustomersCreatedAfterTheFirstDay() {
        store.customers().save(Customer.of(CustomerId.of("c-3"), "Three", LocalDate.of(2026, 4, 15)));
        tier("c-3", "2026-04-15", "basic");

        assertThat(service().plan(FROM, FROM.plusDays(29)).planned()).isEmpty();
    }

    @Test
    void plansADayByCustomerWithTheSameContactsAsThePlanOfThatDay() {
        // Owners sort otherwise than their customers: automation, sales_team, z-manager.
        store.customers().save(Customer.of(CustomerId.of("a-core"), "A", LocalDate.of(2024, 1, 1))
                .withAccountManager(StaffId.of("z-manager")));
        tier("a-core", "2026-01-31", "core");
        store.customers().save(Customer.of(CustomerId.of("b-core-alone"), "B", LocalDate.of(2024, 1, 1)));
        tier("b-core-alone", "2026-01-31", "core");
        store.customers().save(Customer.of(CustomerId.of("c-important"), "C", LocalDate.of(2024, 1, 1)));
        tier("c-important", "2026-01-31", "important");
        store.customers().save(Customer.of(CustomerId.of("d-basic"), "D", LocalDate.of(2024, 1, 1)));
        tier("d-basic", "2026-01-31", "basic");
        store.customers().save(Customer.of(CustomerId.of("e-basic-complaint"), "E", LocalDate.of(2024, 1, 1)));
        tier("e-basic-complaint", "2026-01-31", "basic");
        store.cases().save(ServiceCase.complaint(CaseId.of("k-9"), CustomerId.of("e-basic-complaint"),
                OffsetDateTime.parse("2026-03-30T10:00+08:00")));
        Agenda ofTheDay = service().plan(FROM, FROM);
        java.util.List<PlannedContact> planned = new java.util.ArrayList<>();
        java.util.List<UnscheduledContact> unscheduled = new java.util.ArrayList<>();
        java.util.List<String> customers = new java.util.ArrayList<>();

        service().planDayByCustomer(FROM, AgendaSink.of(contact -> {
            planned.add(contact);
            customers.add(contact.customerId().value());
        }, contact -> {
            unscheduled.add(contact);
            customers.add(contact.customerId().value());
        }, assignment -> { }));

        assertThat(planned).containsExactlyInAnyOrderElementsOf(ofTheDay.planned());
        assertThat(unscheduled).containsExactlyInAnyOrderElementsOf(ofTheDay.unscheduled());
        assertThat(customers).isSorted()
                .containsSubsequence("a-core", "b-core-alone", "c-important", "d-basic", "e-basic-complaint");
        // The day's own order is by owner, so the two differ: the test shows the other order.
        assertThat(ofTheDay.planned()).extracting(contact -> contact.customerId().value())
                .isNotEqualTo(planned.stream().map(contact -> contact.customerId().value()).toList());
        assertThat(ofTheDay.unscheduled()).extracting(UnscheduledContact::kind)
                .contains(UnscheduledContact.Kind.COMPLAINT_OPEN);
    }
}
