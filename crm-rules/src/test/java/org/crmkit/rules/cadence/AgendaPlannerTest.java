package org.crmkit.rules.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.cadence.AgendaFixtures.FROM;
import static org.crmkit.rules.cadence.AgendaFixtures.STANDARD;
import static org.crmkit.rules.cadence.AgendaFixtures.TO;
import static org.crmkit.rules.cadence.AgendaFixtures.customer;
import static org.crmkit.rules.cadence.AgendaFixtures.planner;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

class AgendaPlannerTest {

    private static List<PlannedContact> plannedFor(Agenda agenda, String customer) {
        return agenda.planned().stream().filter(contact -> contact.customerId().value().equals(customer)).toList();
    }

    @Test
    void aCoreCustomerLastVisited35DaysAgoIsOverdueAndPlannedFirst() {
        // One visit a day for the manager: the overdue customer gets the first day.
        Policy oneVisitADay = PolicyDocuments.load(PolicyLoader.standardText()
                .replace("account_manager: {capacity: {visit: 3, video: 6, phone: 12}}",
                        "account_manager: {capacity: {visit: 1, video: 0}}"), "tight.yaml");
        CadenceCustomer overdue = customer("c-late").tier("core").manager("m-1")
                .contact("2026-02-25", Channel.VISIT, InteractionKind.VISIT).build();
        CadenceCustomer dueToday = customer("c-a").tier("core").manager("m-1")
                .contact("2026-03-01", Channel.VISIT, InteractionKind.VISIT).build();

        Agenda agenda = planner(oneVisitADay).plan(FROM, TO, List.of(dueToday, overdue));

        PlannedContact late = plannedFor(agenda, "c-late").get(0);
        assertThat(late.due()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(late.date()).isEqualTo(FROM);
        assertThat(late.owner()).isEqualTo("m-1");
        assertThat(late.channel()).isEqualTo(Channel.VISIT);
        assertThat(late.reason()).isEqualTo("monthly_visit: visit every 1 month, due 2026-03-25, 7 days overdue");
        assertThat(plannedFor(agenda, "c-a").get(0).date()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(agenda.overdue()).singleElement().satisfies(item -> {
            assertThat(item.customerId().value()).isEqualTo("c-late");
            assertThat(item.daysOverdue()).isEqualTo(7);
            assertThat(item.planned()).isTrue();
        });
    }

    @Test
    void anImportantCustomerCalled10DaysAgoIsDueIn4Days() {
        CadenceCustomer called = customer("c-imp").tier("important")
                .contact("2026-03-22", Channel.PHONE, InteractionKind.CALL)
                .contact("2026-03-22", Channel.PHONE, InteractionKind.SURVEY).build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(called));

        PlannedContact call = plannedFor(agenda, "c-imp").stream()
                .filter(contact -> contact.rule().name().equals("biweekly_call")).findFirst().orElseThrow();
        assertThat(call.due()).isEqualTo(FROM.plusDays(4));
        // 2026-04-05 is a Sunday: the call goes to Monday.
        assertThat(call.date()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(call.channel()).isEqualTo(Channel.PHONE);
        assertThat(call.owner()).isEqualTo("sales_team");
    }

    @Test
    void aWeekendPreferringCustomerLandsOnAWeekend() {
        CadenceCustomer weekender = customer("c-wknd").tier("basic")
                .preferences(ContactPreferences.none().withPreferredDays(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)))
                .build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(weekender));

        assertThat(plannedFor(agenda, "c-wknd")).isNotEmpty().allSatisfy(contact ->
                assertThat(contact.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(plannedFor(agenda, "c-wknd").get(0).date()).isEqualTo(LocalDate.of(2026, 4, 4));
    }

    @Test
    void aCustomerWithAnOpenComplaintGetsNoOfferMessage() {
        CadenceCustomer unhappy = customer("c-angry").tier("basic").complaintOpen().build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(unhappy));

        assertThat(plannedFor(agenda, "c-angry")).isEmpty();
        assertThat(agenda.unscheduled()).singleElement().satisfies(contact -> {
            assertThat(contact.rule().name()).isEqualTo("monthly_message");
            assertThat(contact.reason()).isEqualTo("marketing (offer) waits while a complaint is open");
        });
    }

    @Test
    void aDoNotContactEmailCustomerGetsNoEmail() {
        CadenceCustomer noEmail = customer("c-dnc").tier("basic")
                .preferences(ContactPreferences.none().withPreferredChannel(Channel.EMAIL)
                        .withDoNotContact(Set.of(Channel.EMAIL))).build();
        CadenceCustomer noMessages = customer("c-none").tier("basic")
                .preferences(ContactPreferences.none().withDoNotContact(Set.of(Channel.EMAIL, Channel.SMS))).build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(noEmail, noMessages));

        assertThat(plannedFor(agenda, "c-dnc")).isNotEmpty()
                .allSatisfy(contact -> assertThat(contact.channel()).isEqualTo(Channel.SMS));
        assertThat(agenda.unscheduled()).singleElement().satisfies(contact -> {
            assertThat(contact.customerId().value()).isEqualTo("c-none");
            assertThat(contact.reason()).isEqualTo("every channel of monthly_message (sms, email) is on the customer's"
                    + " do-not-contact list");
        });
    }

    @Test
    void assignsTheLeastLoadedManagerToACoreCustomerWithoutOneAndReportsIt() {
        CadenceCustomer busy = customer("c-1").tier("core").manager("m-busy").build();
        CadenceCustomer alsoBusy = customer("c-2").tier("core").manager("m-busy").build();
        CadenceCustomer light = customer("c-3").tier("core").manager("m-light").build();
        CadenceCustomer orphan = customer("c-4").tier("core").build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(busy, alsoBusy, light, orphan));

        assertThat(agenda.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.customerId().value()).isEqualTo("c-4");
            assertThat(assignment.manager().value()).isEqualTo("m-light");
            assertThat(assignment.reason()).isEqualTo("no account manager; m-light had the fewest customers (1)");
        });
        assertThat(plannedFor(agenda, "c-4").get(0).owner()).isEqualTo("m-light");
    }

    @Test
    void reportsContactsItCannotPlaceInsteadOfDroppingThem() {
        Policy noManagers = STANDARD;
        CadenceCustomer orphan = customer("c-alone").tier("core").build();

        Agenda agenda = planner(noManagers).plan(FROM, TO, List.of(orphan));

        assertThat(agenda.planned()).isEmpty();
        assertThat(agenda.unscheduled()).singleElement().satisfies(contact -> assertThat(contact.reason())
                .isEqualTo("no account manager to assign: name managers on the customers or under"
                        + " cadences.owners.account_manager.members"));
    }

    @Test
    void aNewRhythmStartsWhenTheCustomerEntersTheTier() {
        // Visited in February as an important customer; core since April 10: the first visit is due that day.
        CadenceCustomer promoted = customer("c-new").tier("core").manager("m-1")
                .contact("2026-03-20", Channel.VISIT, InteractionKind.VISIT)
                .rhythmStart(LocalDate.of(2026, 4, 10)).build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(promoted));

        assertThat(plannedFor(agenda, "c-new").get(0).due()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    @Test
    void plansLaterContactsOneIntervalAfterThePreviousOne() {
        CadenceCustomer important = customer("c-imp").tier("important")
                .contact("2026-03-30", Channel.PHONE, InteractionKind.CALL)
                .contact("2026-03-30", Channel.PHONE, InteractionKind.SURVEY).build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(important));

        assertThat(plannedFor(agenda, "c-imp")).extracting(PlannedContact::date)
                .containsExactly(LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 27));
    }

    @Test
    void findsTheOverlapOfTheOwnersHoursAndTheCustomersEveningInAnotherTimeZone() {
        // Sales works 09:00-18:00 in Shanghai; a New York customer prefers 18:00-22:00 local time,
        // which is 06:00-10:00 in Shanghai the next day (EDT): the call fits 09:00-10:00 Shanghai.
        CadenceCustomer newYorker = customer("c-ny").tier("potential")
                .preferences(ContactPreferences.none().withTimeZone(java.time.ZoneId.of("America/New_York"))
                        .withPreferredHours(org.crmkit.core.model.LocalTimeRange.parse("18:00-22:00"))).build();

        PlannedContact call = plannedFor(planner(STANDARD).plan(FROM, TO, List.of(newYorker)), "c-ny").get(0);

        assertThat(call.date()).isEqualTo(FROM);
        assertThat(call.slot().start()).isEqualTo(java.time.Instant.parse("2026-04-01T01:00:00Z"));
        assertThat(call.slot().end()).isEqualTo(java.time.Instant.parse("2026-04-01T02:00:00Z"));
        assertThat(call.slot().localStart().toLocalDateTime()).isEqualTo(java.time.LocalDateTime.of(2026, 3, 31, 21, 0));
    }

    @Test
    void aWeekendPreferringCustomerIsCalledOnASaturdayInTheSalesTeamsUsualHoursButNotOnAHoliday() {
        CadenceCustomer weekender = customer("c-sat").tier("potential")
                .preferences(ContactPreferences.none().withPreferredDays(Set.of(DayOfWeek.SATURDAY))).build();
        Policy holidaySaturday = PolicyDocuments.load(PolicyLoader.standardText().replace(
                "      mon-fri: [\"09:00-18:00\"]", "      mon-fri: [\"09:00-18:00\"]\n    holidays: [2026-04-04]"),
                "holiday.yaml");

        PlannedContact call = plannedFor(planner(STANDARD).plan(FROM, TO, List.of(weekender)), "c-sat").get(0);
        PlannedContact afterHoliday = plannedFor(planner(holidaySaturday).plan(FROM, TO, List.of(weekender)), "c-sat")
                .get(0);

        assertThat(call.date()).isEqualTo(LocalDate.of(2026, 4, 4));
        assertThat(call.slot().localStart().toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        assertThat(call.slot().localEnd().toLocalTime()).isEqualTo(java.time.LocalTime.of(18, 0));
        assertThat(afterHoliday.date()).isEqualTo(LocalDate.of(2026, 4, 11));
    }

    @Test
    void reportsNothingForContactsDueAfterTheRange() {
        CadenceCustomer called = customer("c-imp").tier("important")
                .contact("2026-03-22", Channel.PHONE, InteractionKind.CALL)
                .contact("2026-03-22", Channel.PHONE, InteractionKind.SURVEY).build();

        Agenda twoDays = planner(STANDARD).plan(FROM, FROM.plusDays(1), List.of(called));

        assertThat(twoDays.planned()).isEmpty();
        assertThat(twoDays.unscheduled()).isEmpty();
    }

    @Test
    void givesTheDayToTheHigherTierWhenCapacityIsShort() {
        Policy onePhoneCall = PolicyDocuments.load(PolicyLoader.standardText().replace(
                "sales_team: {capacity: {phone: 40, online: 40, email: 80, wechat: 80}}",
                "sales_team: {capacity: {phone: 1, online: 0, email: 0, wechat: 0}}"), "short.yaml");
        // Surveys taken last month keep the quarterly survey out of the way: only the calls compete.
        CadenceCustomer important1 = customer("i-1").tier("important").rhythmStart(FROM.minusDays(20))
                .contact("2026-03-20", Channel.PHONE, InteractionKind.SURVEY).build();
        CadenceCustomer potential = customer("p-1").tier("potential").rhythmStart(FROM).build();
        CadenceCustomer important2 = customer("i-2").tier("important").rhythmStart(FROM.plusDays(1))
                .contact("2026-04-02", Channel.PHONE, InteractionKind.SURVEY).build();

        Agenda agenda = planner(onePhoneCall).plan(FROM, FROM.plusDays(1), List.of(important1, potential, important2));

        assertThat(agenda.planned()).extracting(contact -> contact.customerId().value() + "@" + contact.date())
                .containsExactlyInAnyOrder("i-1@" + FROM, "i-2@" + FROM.plusDays(1));
        assertThat(agenda.unscheduled()).extracting(contact -> contact.customerId().value() + ":" + contact.reason())
                .containsExactly("p-1:no sales_team has capacity left for phone or email or wechat on a suitable day until "
                        + FROM.plusDays(1));
    }

    @Test
    void assignsAManagerOnlyWhenAContactIsPlacedWithThem() {
        CadenceCustomer blocked = customer("c-dnc").tier("core")
                .preferences(ContactPreferences.none().withDoNotContact(Set.of(Channel.VISIT, Channel.VIDEO))).build();
        CadenceCustomer managed = customer("c-m").tier("core").manager("m-1").build();

        Agenda agenda = planner(STANDARD).plan(FROM, TO, List.of(blocked, managed));

        assertThat(agenda.assignments()).isEmpty();
        assertThat(agenda.unscheduled()).singleElement()
                .satisfies(contact -> assertThat(contact.customerId().value()).isEqualTo("c-dnc"));
    }

    @Test
    void theCustomersOwnInquiriesDoNotUseUpTheFrequencyCap() {
        AgendaFixtures.Builder asking = customer("c-ask").tier("core").manager("m-1")
                .contact("2026-02-20", Channel.VISIT, InteractionKind.VISIT);
        for (int day = 25; day <= 28; day++) {
            asking.contact("2026-03-" + day, Channel.PHONE, InteractionKind.INQUIRY);
        }

        assertThat(plannedFor(planner(STANDARD).plan(FROM, TO, List.of(asking.build())), "c-ask").get(0).date())
                .isEqualTo(FROM);
    }

    @Test
    void aChurnedCustomerGetsOnlyTheWinBackContact() {
        CadenceCustomer lapsed = customer("c-gone").tier("basic").build();
        CadenceCustomer churned = new CadenceCustomer(lapsed.customer(), lapsed.tier(), lapsed.rhythmStart(),
                lapsed.interactions(), false, new org.crmkit.core.metrics.CustomerMetrics(lapsed.customer().id(), FROM,
                        org.crmkit.core.metrics.DateWindow.trailingMonths(12, FROM),
                        org.crmkit.core.model.Money.of("CNY", "0"), 0, 0, 0, true, 15, false, java.util.Optional.empty()),
                java.util.Optional.empty());

        Policy withWinBack = PolicyDocuments.load(PolicyLoader.standardText().replace("  suppress_marketing_while",
                "  win_back: {when: {all: [{orders: {eq: 0}}, {inquiries: {eq: 0}}, {tenure_months: {gte: 12}}]},"
                        + " name: quarterly_win_back, channels: [email, sms], every: 1 quarter, owner: automation,"
                        + " purpose: win_back}\n  suppress_marketing_while"), "win-back.yaml");

        Agenda agenda = planner(withWinBack).plan(FROM, TO, List.of(churned, customer("c-active").tier("basic").build()));

        assertThat(agenda.planned()).filteredOn(contact -> contact.customerId().value().equals("c-gone"))
                .singleElement().satisfies(contact -> {
            assertThat(contact.rule().name()).isEqualTo("quarterly_win_back");
            assertThat(contact.rule().purpose()).isEqualTo(ContactPurpose.WIN_BACK);
            assertThat(contact.channel()).isEqualTo(Channel.EMAIL);
        });
        assertThat(agenda.planned()).filteredOn(contact -> contact.customerId().value().equals("c-active"))
                .extracting(contact -> contact.rule().name()).containsOnly("monthly_message");
    }
}
