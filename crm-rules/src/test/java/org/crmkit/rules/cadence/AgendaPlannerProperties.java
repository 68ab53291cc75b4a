package org.crmkit.rules.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.cadence.AgendaFixtures.FROM;
import static org.crmkit.rules.cadence.AgendaFixtures.TO;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

class AgendaPlannerProperties {
    /** The standard policy with tight capacities, so that contention and unscheduled contacts happen. */
    private static final Policy TIGHT = PolicyDocuments.load(PolicyLoader.standardText()
            .replace("account_manager: {capacity: {visit: 3, video: 6, phone: 12}}",
                    "account_manager: {capacity: {visit: 1, video: 1}}")
            .replace("sales_team: {capacity: {phone: 40, online: 40, email: 80, wechat: 80}}",
                    "sales_team: {members: [s-1, s-2], capacity: {phone: 1, online: 0, email: 1, wechat: 0}}")
            .replace("automation: {}", "automation: {capacity: {sms: 1, email: 1}}")
            .replace("frequency_cap: {touches: 4, days: 30}", "frequency_cap: {touches: 2, days: 14}"), "tight.yaml");
    private static final CadencePolicy CADENCES = TIGHT.find(CadencePolicy.class).orElseThrow();

    @Test
    void noPlannedContactBreaksDoNotContactSuppressionOrTheCap() {
        Property.forAll(customers()).tries(150).check(customers -> {
            Agenda agenda = AgendaFixtures.planner(TIGHT).plan(FROM, TO, customers);
            Map<String, CadenceCustomer> byId = index(customers);

            for (PlannedContact contact : agenda.planned()) {
                CadenceCustomer customer = byId.get(contact.customerId().value());
                assertThat(customer.customer().contactPreferences().allows(contact.channel())).as("%s", contact).isTrue();
                assertThat(contact.rule().purpose().marketing() && customer.complaintOpen()).as("%s", contact).isFalse();
                assertThat(contact.rule().channels()).contains(contact.channel());
                assertThat(contact.date()).isBetween(FROM, TO).isAfterOrEqualTo(contact.due());
                // The slot is the owner's working time, on a preferred day, within preferred hours, in the customer's zone.
                org.crmkit.rules.calendar.BusinessTime ownerTime = org.crmkit.rules.calendar.BusinessTime.of(
                        CADENCES.calendarOf(contact.rule().owner()));
                ContactPreferences preferences = customer.customer().contactPreferences();
                if (ownerTime.isWorking(contact.slot().start())) {
                    assertThat(ownerTime.isWorking(contact.slot().end().minusNanos(1))).as("%s", contact).isTrue();
                } else {
                    // Outside the owners' calendar only on a day the customer prefers, and never on a holiday.
                    assertThat(preferences.preferredDays()).as("%s", contact).contains(contact.date().getDayOfWeek());
                    assertThat(ownerTime.calendar().holidays()).doesNotContain(contact.date());
                }
                if (!preferences.preferredDays().isEmpty()) {
                    assertThat(contact.slot().localStart().getDayOfWeek()).isIn(preferences.preferredDays());
                }
                preferences.preferredHours().ifPresent(hours -> assertThat(
                        hours.contains(contact.slot().localStart().toLocalTime())).as("%s", contact).isTrue());
            }
            FrequencyCap cap = CADENCES.frequencyCap().orElseThrow();
            for (CadenceCustomer customer : customers) {
                List<LocalDate> actual = customer.interactions().stream()
                        .map(i -> i.occurredAt().atZoneSameInstant(CADENCES.calendar().zone()).toLocalDate()).toList();
                List<LocalDate> planned = agenda.planned().stream()
                        .filter(contact -> contact.customerId().equals(customer.customer().id()))
                        .map(PlannedContact::date).toList();
                for (LocalDate start = FROM.minusDays(cap.days()); !start.isAfter(TO); start = start.plusDays(1)) {
                    LocalDate end = start.plusDays(cap.days() - 1L);
                    long plannedInWindow = count(planned, start, end);
                    if (plannedInWindow > 0) {
                        assertThat(count(actual, start, end) + plannedInWindow).as("window from %s", start)
                                .isLessThanOrEqualTo(cap.touches());
                    }
                }
            }
        });
    }

    @Test
    void noOwnerExceedsItsCapacityOnAnyDay() {
        Property.forAll(customers()).tries(150).check(customers -> {
            Agenda agenda = AgendaFixtures.planner(TIGHT).plan(FROM, TO, customers);
            Map<String, Integer> used = new HashMap<>();

            for (PlannedContact contact : agenda.planned()) {
                String key = contact.owner() + "|" + contact.date() + "|" + contact.channel();
                int count = used.merge(key, 1, Integer::sum);
                CADENCES.pool(contact.rule().owner()).capacity(contact.channel())
                        .ifPresent(limit -> assertThat(count).as(key).isLessThanOrEqualTo(limit));
            }
        });
    }

    @Test
    void everyDueContactIsPlannedOrReportedWithAReason() {
        Property.forAll(customers(), Gens.integers(0, 29)).tries(150)
                .cover("some contact unscheduled", 20).cover("capacity short", 1)
                .check((customers, extraDays) -> {
                    LocalDate to = FROM.plusDays(extraDays);
                    Agenda agenda = AgendaFixtures.planner(TIGHT).plan(FROM, to, customers);
                    Property.classify("some contact unscheduled", !agenda.unscheduled().isEmpty());
                    Property.classify("capacity short", agenda.unscheduled().stream()
                            .anyMatch(contact -> contact.reason().contains("capacity")));

                    for (CadenceCustomer customer : customers) {
                        for (CadenceRule rule : customer.tier()
                                .map(tier -> CADENCES.rules().getOrDefault(tier, List.of())).orElse(List.of())) {
                            LocalDate due = firstDue(customer, rule);
                            if (due.isAfter(to)) {
                                continue;
                            }
                            boolean planned = agenda.planned().stream().anyMatch(contact -> contact.customerId()
                                    .equals(customer.customer().id()) && contact.rule().equals(rule)
                                    && contact.due().equals(due));
                            boolean reported = agenda.unscheduled().stream().anyMatch(contact -> contact.customerId()
                                    .equals(customer.customer().id()) && contact.rule().equals(rule)
                                    && contact.due().equals(due) && !contact.reason().isBlank());
                            assertThat(planned || reported)
                                    .as("%s %s due %s", customer.customer().id(), rule.name(), due).isTrue();
                        }
                    }
                });
    }

    @Test
    void thePlanIsTheSameForTheSameInputInAnyOrder() {
        Property.forAll(customers(), Gens.longs()).tries(100).check((customers, seed) -> {
            List<CadenceCustomer> shuffled = new ArrayList<>(customers);
            Collections.shuffle(shuffled, new Random(seed));

            assertThat(AgendaFixtures.planner(TIGHT).plan(FROM, TO, shuffled))
                    .isEqualTo(AgendaFixtures.planner(TIGHT).plan(FROM, TO, customers));
        });
    }

    /** The independent definition of the first due day: one interval after the last counting contact. */
    private static LocalDate firstDue(CadenceCustomer customer, CadenceRule rule) {
        return customer.interactions().stream()
                .filter(i -> rule.channels().contains(i.channel()) && rule.purpose().countedBy(i.kind()))
                .map(i -> i.occurredAt().atZoneSameInstant(CADENCES.calendar().zone()).toLocalDate())
                .filter(day -> !day.isBefore(customer.rhythmStart()))
                .max(LocalDate::compareTo)
                .map(day -> rule.every().after(day, CADENCES.calendar()))
                .orElse(customer.rhythmStart());
    }

    private static long count(List<LocalDate> days, LocalDate start, LocalDate end) {
        return days.stream().filter(day -> !day.isBefore(start) && !day.isAfter(end)).count();
    }

    private static Map<String, CadenceCustomer> index(List<CadenceCustomer> customers) {
        Map<String, CadenceCustomer> byId = new HashMap<>();
        customers.forEach(customer -> byId.put(customer.customer().id().value(), customer));
        return byId;
    }

    static Gen<List<CadenceCustomer>> customers() {
        Gen<String> tiers = Gens.of("core", "important", "basic", "potential", "none");
        Gen<Set<Channel>> blocked = Gens.of(Channel.values()).set(0, 3);
        Gen<Set<DayOfWeek>> days = Gens.of(DayOfWeek.values()).set(0, 2);
        Gen<List<Integer>> contactDays = Gens.integers(1, 120).list(0, 4);
        Gen<String> managers = Gens.of("m-1", "m-2", "");
        Gen<Boolean> complaints = Gens.booleans();
        Gen<Integer> rhythmDays = Gens.integers(0, 200);
        Gen<java.util.Optional<org.crmkit.core.model.LocalTimeRange>> hours = Gens.of(
                "09:00-12:00", "18:00-22:00", "08:00-09:30").map(org.crmkit.core.model.LocalTimeRange::parse).optional(0.5);
        Gen<java.util.Optional<java.time.ZoneId>> zones = Gens.of("Asia/Shanghai", "America/New_York",
                "Europe/Berlin").map(java.time.ZoneId::of).optional(0.5);
        Gen<CadenceCustomer> one = source -> {
            String tier = tiers.generate(source);
            Set<Channel> dnc = blocked.generate(source);
            Set<DayOfWeek> preferredDays = days.generate(source);
            List<Integer> daysAgo = contactDays.generate(source);
            String manager = managers.generate(source);
            boolean complaint = complaints.generate(source);
            int rhythmDaysAgo = rhythmDays.generate(source);
            java.util.Optional<org.crmkit.core.model.LocalTimeRange> preferredHours = hours.generate(source);
            java.util.Optional<java.time.ZoneId> zone = zones.generate(source);
            ContactPreferences preferences = ContactPreferences.none().withDoNotContact(dnc)
                    .withPreferredDays(preferredDays.isEmpty() ? Set.of() : EnumSet.copyOf(preferredDays));
            preferences = preferredHours.map(preferences::withPreferredHours).orElse(preferences);
            preferences = zone.map(preferences::withTimeZone).orElse(preferences);
            // Enum sets hash by identity, differently in every JVM: hash their names, so that a seed
            // reproduces the same customer ids.
            AgendaFixtures.Builder builder = AgendaFixtures.customer("c-" + Math.abs(
                    java.util.Objects.hash(tier, names(dnc), names(preferredDays), daysAgo, manager, complaint,
                            rhythmDaysAgo, preferredHours, zone)))
                    .preferences(preferences)
                    .rhythmStart(FROM.minusDays(rhythmDaysAgo));
            if (!tier.equals("none")) {
                builder.tier(tier);
            }
            if (!manager.isEmpty()) {
                builder.manager(manager);
            }
            if (complaint) {
                builder.complaintOpen();
            }
            Channel[] channels = {Channel.VISIT, Channel.PHONE, Channel.SMS, Channel.EMAIL};
            InteractionKind[] kinds = {InteractionKind.VISIT, InteractionKind.CALL, InteractionKind.MESSAGE,
                    InteractionKind.SURVEY};
            for (int i = 0; i < daysAgo.size(); i++) {
                builder.contact(FROM.minusDays(daysAgo.get(i)).toString(), channels[i % 4], kinds[(i + 1) % 4]);
            }
            return builder.build();
        };
        return one.uniqueList(1, 40, customer -> customer.customer().id());
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }
}
