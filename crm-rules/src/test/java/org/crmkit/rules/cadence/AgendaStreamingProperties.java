package org.crmkit.rules.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;

/**
 * The streaming planner plans exactly what the list-based planner it replaced planned
 * ({@link ListAgendaPlanner}, kept as the reference): the same planned contacts with their days,
 * owners, channels, slots and reasons, the same unscheduled contacts with their reasons, the same
 * account managers assigned, in the same order. The bases are random and the capacities small,
 * so that contacts compete for owners and days, overflow, hit the frequency cap and wait on
 * complaints, under policies that differ in everything the planner reads.
 */
class AgendaStreamingProperties {
    private static final String STANDARD = PolicyLoader.standardText();
    private static final String CADENCES = STANDARD.substring(STANDARD.indexOf("cadences:"),
            STANDARD.indexOf("# Segmentation"));

    /** Tight capacities, a team of two, a short cap: the existing properties' policy. */
    private static final Policy TIGHT = policy("""
            cadences:
              calendar: office_hours
              frequency_cap: {touches: 2, days: 14}
              suppress_marketing_while_complaint_open: true
              owners:
                account_manager: {capacity: {visit: 1, video: 1}}
                sales_team: {members: [s-1, s-2], capacity: {phone: 1, online: 0, email: 1, wechat: 0}}
                automation: {capacity: {sms: 1, email: 1}}
              tiers:
                core:
                  - {name: monthly_visit, channels: [visit, video], every: 1 month, owner: account_manager, purpose: visit}
                important:
                  - {name: biweekly_call, channels: [phone, online], every: 2 weeks, owner: sales_team, purpose: follow_up}
                  - {name: quarterly_needs_survey, channels: [phone, online], every: 1 quarter, owner: sales_team, purpose: needs_survey}
                basic:
                  - {name: monthly_message, channels: [sms, email], every: 1 month, owner: automation, purpose: offer}
                potential:
                  - {name: monthly_follow_up, channels: [phone, email, wechat], every: 1 month, owner: sales_team, purpose: follow_up}
            """, false);

    /**
     * No cap, no suppression, a pool of managers beyond the customers' own, a team without
     * members, automation around the clock, a holiday, a win-back rule by account managers in
     * business days.
     */
    private static final Policy POOLED = policy("""
            cadences:
              calendar: office_hours
              suppress_marketing_while_complaint_open: false
              owners:
                account_manager: {members: [m-3, m-0], capacity: {visit: 1, video: 1, phone: 1, email: 2}}
                sales_team: {capacity: {phone: 2, online: 1, email: 1, wechat: 1}}
                automation: {calendar: 24x7, capacity: {sms: 2, email: 1}}
              win_back: {when: {all: [{orders: {eq: 0}}, {tenure_months: {gte: 12}}]}, name: win_back_call,
                         channels: [phone, email], every: 10 business days, owner: account_manager, purpose: win_back}
              tiers:
                core:
                  - {name: monthly_visit, channels: [visit, video, phone], every: 1 month, owner: account_manager, purpose: visit}
                important:
                  - {name: weekly_call, channels: [phone, online], every: 1 week, owner: sales_team, purpose: follow_up}
                basic:
                  - {name: fortnightly_message, channels: [sms, email], every: 14 days, owner: automation, purpose: offer}
                potential:
                  - {name: monthly_follow_up, channels: [phone, email, wechat], every: 1 month, owner: sales_team, purpose: follow_up}
            """, true);

    /**
     * A one-contact cap over a week, tiers whose rules have different owners, a service team one
     * of whose members is also an account manager (they share the day's counters), and a tier
     * without rules.
     */
    private static final Policy MIXED = policy("""
            cadences:
              calendar: office_hours
              frequency_cap: {touches: 1, days: 7}
              suppress_marketing_while_complaint_open: true
              owners:
                account_manager: {capacity: {visit: 2, phone: 1}}
                service_team: {members: [s-9, m-1, s-3], capacity: {phone: 1, email: 1}}
                sales_team: {members: [s-1], capacity: {wechat: 1}}
                automation: {capacity: {sms: 3}}
              tiers:
                core:
                  - {name: monthly_visit, channels: [visit, phone], every: 1 month, owner: account_manager, purpose: visit}
                  - {name: biweekly_offer, channels: [email, sms], every: 2 weeks, owner: automation, purpose: offer}
                important:
                  - {name: weekly_service_call, channels: [phone, email], every: 1 week, owner: service_team, purpose: follow_up}
                  - {name: monthly_chat, channels: [wechat], every: 1 month, owner: sales_team, purpose: follow_up}
                basic:
                  - {name: weekly_message, channels: [sms], every: 1 week, owner: automation, purpose: offer}
            """, false);

    /** The standard cadences with a named sales team: room for most contacts. */
    private static final Policy ROOMY = policy(CADENCES.replace(
            "sales_team: {capacity:", "sales_team: {members: [s-1, s-2, s-3], capacity:"), false);

    static final List<Policy> POLICIES = List.of(TIGHT, POOLED, MIXED, ROOMY);
    static final List<LocalDate> FIRST_DAYS = List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 27),
            LocalDate.of(2026, 12, 28));

    /** Days after the first: short plans leave contacts over more often, long ones plan successors. */
    static final Gen<Integer> DAYS = Gens.frequency(Gens.weighted(1, Gens.integers(0, 4)),
            Gens.weighted(1, Gens.integers(5, 40)));

    @Test
    void theStreamingPlannerPlansWhatTheListBasedPlannerPlanned() {
        Property.forAll(Gens.of(POLICIES), Gens.of(FIRST_DAYS), DAYS, customers(), Gens.booleans())
                .cover("contacts overflow an owner's capacity", 8).cover("the frequency cap holds one back", 10)
                .cover("a manager is assigned", 10).cover("a contact is blocked", 20)
                .check((policy, from, extraDays, customers, sorted) -> {
                    LocalDate to = from.plusDays(extraDays);
                    List<CadenceCustomer> input = new ArrayList<>(customers);
                    if (sorted) {
                        input.sort(Comparator.comparing(customer -> customer.customer().id()));
                    }
                    CadencePolicy cadences = policy.find(CadencePolicy.class).orElseThrow();
                    var ladder = policy.section(TieringPolicy.class).ladder();

                    Agenda reference = ListAgendaPlanner.of(cadences, ladder).plan(from, to, input);
                    List<Object> received = new ArrayList<>();
                    AgendaPlanner.of(cadences, ladder).plan(from, to, input::forEach,
                            AgendaSink.of(received::add, received::add, received::add));

                    Property.classify("contacts overflow an owner's capacity", reference.unscheduled().stream()
                            .anyMatch(contact -> contact.kind() == UnscheduledContact.Kind.NO_CAPACITY));
                    Property.classify("the frequency cap holds one back", reference.unscheduled().stream()
                            .anyMatch(contact -> contact.kind() == UnscheduledContact.Kind.FREQUENCY_CAP));
                    Property.classify("a manager is assigned", !reference.assignments().isEmpty());
                    Property.classify("a contact is blocked", reference.unscheduled().stream()
                            .anyMatch(contact -> contact.kind().ordinal() <= UnscheduledContact.Kind.NO_ACCOUNT_MANAGER
                                    .ordinal()));
                    assertReceived(received, reference);
                    assertThat(AgendaPlanner.of(cadences, ladder).plan(from, to, input)).isEqualTo(reference);
                });
    }

    /**
     * A sink received what the reference planned, each kind in the agenda's order: unscheduled
     * contacts last; an assignment before the planned contact that made it, and after every
     * contact of an earlier day.
     */
    static void assertReceived(List<Object> received, Agenda reference) {
        assertThat(received).filteredOn(PlannedContact.class::isInstance)
                .containsExactlyElementsOf(reference.planned());
        assertThat(received).filteredOn(UnscheduledContact.class::isInstance)
                .containsExactlyElementsOf(reference.unscheduled());
        assertThat(received).filteredOn(ManagerAssignment.class::isInstance)
                .containsExactlyElementsOf(reference.assignments());
        assertTheSinkOrder(received);
    }

    /**
     * Unscheduled contacts come last; an assignment comes before the planned contact that made it,
     * and after every contact of an earlier day.
     */
    private static void assertTheSinkOrder(List<Object> received) {
        int firstUnscheduled = received.size();
        for (int i = 0; i < received.size(); i++) {
            if (received.get(i) instanceof UnscheduledContact) {
                firstUnscheduled = Math.min(firstUnscheduled, i);
            } else {
                assertThat(i).as("planned or assigned after an unscheduled contact").isLessThan(firstUnscheduled);
            }
            if (received.get(i) instanceof ManagerAssignment assignment) {
                List<PlannedContact> after = received.subList(i, received.size()).stream()
                        .filter(PlannedContact.class::isInstance).map(PlannedContact.class::cast).toList();
                LocalDate day = after.stream().filter(contact -> contact.customerId().equals(assignment.customerId())
                                && contact.owner().equals(assignment.manager().value())).findFirst().orElseThrow()
                        .date();
                assertThat(after).first().extracting(PlannedContact::date).isEqualTo(day);
            }
        }
    }

    private static Policy policy(String cadences, boolean withHoliday) {
        String text = STANDARD.substring(0, STANDARD.indexOf("cadences:")) + cadences + "\n"
                + STANDARD.substring(STANDARD.indexOf("# Segmentation"));
        if (withHoliday) {
            text = text.replace("      mon-fri: [\"09:00-18:00\"]",
                    "      mon-fri: [\"09:00-18:00\"]\n    holidays: [2026-04-03, 2026-04-06, 2026-12-31]");
        }
        return PolicyLoader.parse(text, "streaming.yaml");
    }

    static Gen<List<CadenceCustomer>> customers() {
        return customer().uniqueList(0, 60, customer -> customer.customer().id());
    }

    /** A customer with random tier, manager, preferences, rhythm, actual contacts, complaint, metrics and churn risk. */
    static Gen<CadenceCustomer> customer() {
        Gen<Integer> numbers = Gens.integers(1, 400);
        Gen<String> tiers = Gens.of("core", "important", "basic", "potential", "legacy", "none");
        Gen<String> managers = Gens.of("m-1", "m-2", "m-5", "", "", "");
        Gen<Optional<Channel>> preferred = Gens.of(Channel.values()).optional(0.3);
        Gen<Set<Channel>> blocked = Gens.of(Channel.values()).set(0, 3);
        Gen<Set<DayOfWeek>> days = Gens.of(DayOfWeek.values()).set(0, 2);
        Gen<Optional<LocalTimeRange>> hours = Gens.of("09:00-12:00", "18:00-22:00", "08:00-09:30", "13:00-13:20")
                .map(LocalTimeRange::parse).optional(0.3);
        Gen<Optional<ZoneId>> zones = Gens.of("Asia/Shanghai", "America/New_York", "Europe/Berlin", "Pacific/Auckland")
                .map(ZoneId::of).optional(0.4);
        Gen<Optional<BigDecimal>> risks = Gens.of("0.1", "0.10", "0.5", "0.9").map(BigDecimal::new).optional(0.4);
        Gen<Integer> rhythmDaysAgo = Gens.integers(-10, 200);
        Gen<Integer> orders = Gens.integers(0, 2);
        Gen<Integer> tenure = Gens.integers(0, 24);
        Gen<List<Integer>> contactDays = Gens.integers(-120, 45).list(0, 5);
        Gen<Channel> channels = Gens.of(Channel.values());
        Gen<InteractionKind> kinds = Gens.of(InteractionKind.values());
        Gen<Integer> hoursOfDay = Gens.integers(0, 23);
        Gen<Boolean> complaints = Gens.integers(0, 3).map(n -> n == 0);
        Gen<CadenceCustomer> one = source -> {
            String id = "c-" + numbers.generate(source);
            String tier = tiers.generate(source);
            String manager = managers.generate(source);
            ContactPreferences preferences = ContactPreferences.none().withDoNotContact(blocked.generate(source));
            Set<DayOfWeek> preferredDays = days.generate(source);
            preferences = preferences.withPreferredDays(preferredDays.isEmpty() ? Set.of()
                    : EnumSet.copyOf(preferredDays));
            preferences = preferred.generate(source).map(preferences::withPreferredChannel).orElse(preferences);
            preferences = hours.generate(source).map(preferences::withPreferredHours).orElse(preferences);
            preferences = zones.generate(source).map(preferences::withTimeZone).orElse(preferences);
            LocalDate anchor = LocalDate.of(2026, 4, 1);
            Customer customer = Customer.of(CustomerId.of(id), "Customer " + id, anchor.minusYears(2))
                    .withContactPreferences(preferences);
            if (!manager.isEmpty()) {
                customer = customer.withAccountManager(StaffId.of(manager));
            }
            LocalDate rhythmStart = anchor.minusDays(rhythmDaysAgo.generate(source));
            List<Interaction> interactions = new ArrayList<>();
            for (int daysAfter : contactDays.generate(source)) {
                OffsetDateTime at = anchor.plusDays(daysAfter).atTime(LocalTime.of(hoursOfDay.generate(source), 30))
                        .atOffset(ZoneOffset.ofHours(8));
                interactions.add(Interaction.of(InteractionId.of(id + "-i" + interactions.size()), customer.id(), at,
                        channels.generate(source), kinds.generate(source)));
            }
            CustomerMetrics metrics = new CustomerMetrics(customer.id(), anchor, DateWindow.trailingMonths(12, anchor),
                    Money.of("CNY", "1000"), orders.generate(source), 0, 0, true, tenure.generate(source), false,
                    Optional.empty());
            return new CadenceCustomer(customer, tier.equals("none") ? Optional.empty() : Optional.of(Tier.of(tier)),
                    rhythmStart, interactions, complaints.generate(source), metrics, risks.generate(source));
        };
        return one;
    }
}
