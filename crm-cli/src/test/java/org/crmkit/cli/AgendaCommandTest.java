package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm agenda} on the fixtures under the standard policy, planning Wednesday 2026-04-01 to
 * Thursday 2026-04-30 (office hours Monday to Friday; core: a monthly visit or video call by the
 * account manager; important: a call every 2 weeks and a needs survey each quarter by the sales
 * team; basic: a monthly offer by SMS or e-mail; potential: a monthly sales follow-up; at most 4
 * contacts in 30 days). Each expected day below is worked out by hand in the comments.
 */
class AgendaCommandTest {
    @TempDir
    Path dir;

    /** The fixture files, then the extra arguments, then {@code --to 2026-04-30} unless they name the last day. */
    static List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("agenda", "--customers", CrmRun.agendaFixture("customers.csv"),
                "--orders", CrmRun.agendaFixture("orders.csv"), "--interactions",
                CrmRun.agendaFixture("interactions.csv"), "--complaints", CrmRun.agendaFixture("complaints.csv"),
                "--events", CrmRun.agendaFixture("complaint_events.csv")));
        args.addAll(List.of(extra));
        if (!args.contains("--to")) {
            args.addAll(List.of("--to", "2026-04-30"));
        }
        return args;
    }

    static CrmRun agenda(String... extra) {
        return CrmRun.of(args(extra).toArray(String[]::new));
    }

    private static List<JsonNode> linesOf(CrmRun run, String customer) {
        return run.json().stream().filter(line -> line.get("customer_id").asText().equals(customer)).toList();
    }

    private static JsonNode only(CrmRun run, String customer, String rule) {
        List<JsonNode> lines = linesOf(run, customer).stream()
                .filter(line -> line.get("rule").asText().equals(rule)).toList();
        assertThat(lines).as("%s %s in %s", customer, rule, run.out()).hasSize(1);
        return lines.get(0);
    }

    @Test
    void printsOneLinePerPlannedContactByDateOwnerAndCustomer() {
        CrmRun run = agenda("--from", "2026-04-01");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("date").asText() + " " + line.get("owner").asText() + " "
                + line.get("customer_id").asText() + " " + line.get("rule").asText()).containsExactly(
                "2026-04-01 m-1 c-002 monthly_visit",
                "2026-04-01 m-1 c-003 monthly_visit",
                "2026-04-01 m-2 c-013 monthly_visit",
                "2026-04-01 sales_team c-004 quarterly_needs_survey",
                "2026-04-01 sales_team c-012 monthly_follow_up",
                "2026-04-06 sales_team c-004 biweekly_call",
                "2026-04-11 automation c-005 monthly_message",
                "2026-04-16 automation c-007 monthly_message",
                "2026-04-16 automation c-010 monthly_message",
                "2026-04-20 m-2 c-014 monthly_visit",
                "2026-04-20 sales_team c-004 biweekly_call");
    }

    @Test
    void everyLineHasTheRequiredFieldsFirstThenTheExtras() {
        JsonNode line = only(agenda("--from", "2026-04-01"), "c-012", "monthly_follow_up");

        assertThat(line.fieldNames()).toIterable().containsExactly("customer_id", "date", "channel", "owner", "reason",
                "tier", "rule", "purpose", "owner_kind", "due", "days_overdue", "preferred_hours", "time_zone", "slot_start",
                "slot_end");
        // Created (with its first inquiry, which is no follow-up) on 2026-03-15: due that day, 17 days overdue.
        // It prefers 09:00-12:00 in Berlin (UTC+2 in April): 15:00-18:00 in Shanghai, within office hours.
        assertThat(line).isEqualTo(CrmRun.parse("""
                {"customer_id":"c-012","date":"2026-04-01","channel":"phone","owner":"sales_team",
                 "reason":"monthly_follow_up: follow_up every 1 month, due 2026-03-15, 17 days overdue",
                 "tier":"potential","rule":"monthly_follow_up","purpose":"follow_up","owner_kind":"sales_team",
                 "due":"2026-03-15","days_overdue":17,"preferred_hours":"09:00-12:00","time_zone":"Europe/Berlin",
                 "slot_start":"2026-04-01T09:00:00+02:00","slot_end":"2026-04-01T12:00:00+02:00"}"""));
    }

    @Test
    void aCoreCustomerLastVisited35DaysAgoIsOverdueAndPlannedFirst() {
        // Visited 2026-02-25, 35 days before April 1: due 2026-03-25, 7 days overdue, on the first day, in the
        // customer's preferred morning (no time zone stated: the policy's).
        JsonNode visit = only(agenda("--from", "2026-04-01"), "c-003", "monthly_visit");

        assertThat(visit).isEqualTo(CrmRun.parse("""
                {"customer_id":"c-003","date":"2026-04-01","channel":"visit","owner":"m-1",
                 "reason":"monthly_visit: visit every 1 month, due 2026-03-25, 7 days overdue",
                 "tier":"core","rule":"monthly_visit","purpose":"visit","owner_kind":"account_manager",
                 "due":"2026-03-25","days_overdue":7,"preferred_hours":"09:00-12:00","time_zone":null,
                 "slot_start":"2026-04-01T09:00:00+08:00","slot_end":"2026-04-01T12:00:00+08:00"}"""));
    }

    @Test
    void whenTheManagerCanVisitOnlyOnceADayTheOverdueCustomerComesFirst() throws IOException {
        Path policy = Files.writeString(dir.resolve("one-visit-a-day.yaml"), PolicyLoader.standardText().replace(
                "account_manager: {capacity: {visit: 3, video: 6, phone: 12}}",
                "account_manager: {capacity: {visit: 1, video: 0}}"));

        CrmRun run = agenda("--from", "2026-04-01", "--policy", policy.toString(), "--owner", "m-1");

        // c-002 (visited March 1) is due on April 1 too, and its id sorts first: the overdue c-003 still wins.
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("customer_id").asText() + " " + line.get("date").asText()
                + " " + line.get("days_overdue").asInt()).containsExactly("c-003 2026-04-01 7", "c-002 2026-04-02 0");
    }

    @Test
    void anImportantCustomerCalled10DaysAgoIsDueIn4Days() {
        JsonNode call = linesOf(agenda("--from", "2026-04-01"), "c-004").stream()
                .filter(line -> line.get("rule").asText().equals("biweekly_call")).findFirst().orElseThrow();

        // Called 2026-03-22: due 14 days later, 2026-04-05, four days after April 1. That is a Sunday, so Monday.
        assertThat(call.get("due").asText()).isEqualTo(LocalDate.of(2026, 4, 1).plusDays(4).toString());
        assertThat(call.get("date").asText()).isEqualTo("2026-04-06");
        assertThat(call.get("channel").asText()).isEqualTo("phone");
        assertThat(call.get("owner").asText()).isEqualTo("sales_team");
        assertThat(call.get("days_overdue").asInt()).isZero();
    }

    @Test
    void aWeekendPreferringCustomerLandsOnAWeekend() {
        List<JsonNode> contacts = linesOf(agenda("--from", "2026-04-01"), "c-005");

        // Messaged 2026-03-10: due Friday 2026-04-10; c-005 prefers SAT;SUN, so Saturday 2026-04-11.
        assertThat(contacts).singleElement().satisfies(line -> {
            assertThat(line.get("due").asText()).isEqualTo("2026-04-10");
            assertThat(line.get("date").asText()).isEqualTo("2026-04-11");
            assertThat(LocalDate.parse(line.get("date").asText()).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            // The owners' office is closed on Saturdays: the message goes out in its usual hours.
            assertThat(line.get("slot_start").asText()).isEqualTo("2026-04-11T09:00:00+08:00");
        });
    }

    @Test
    void customersWithAnOpenComplaintGetNoOfferMessage() {
        CrmRun run = agenda("--from", "2026-04-01");

        // c-006: responded, never resolved. c-008: resolved and closed, then reopened. c-009: resolved on April 1
        // at 10:00, after the plan's first day began. All three are open; c-007's complaint was closed in March
        // and its open inquiry is no complaint.
        assertThat(linesOf(run, "c-006")).isEmpty();
        assertThat(linesOf(run, "c-008")).isEmpty();
        assertThat(linesOf(run, "c-009")).isEmpty();
        assertThat(only(run, "c-007", "monthly_message").get("date").asText()).isEqualTo("2026-04-16");
        assertThat(run.errLines()).contains(
                "  c-006 monthly_message due 2026-04-16 (automation): marketing (offer) waits while a complaint is open",
                "  c-008 monthly_message due 2026-04-16 (automation): marketing (offer) waits while a complaint is open",
                "  c-009 monthly_message due 2026-04-16 (automation): marketing (offer) waits while a complaint is open");
    }

    @Test
    void withoutComplaintFilesNobodyHasAnOpenComplaint() {
        List<String> args = new ArrayList<>(args("--from", "2026-04-01"));
        args.subList(args.indexOf("--complaints"), args.indexOf("--complaints") + 4).clear();

        CrmRun run = CrmRun.of(args.toArray(String[]::new));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(only(run, "c-006", "monthly_message").get("date").asText()).isEqualTo("2026-04-16");
        assertThat(run.err()).contains("0 customers with an open complaint");
    }

    @Test
    void aDoNotContactEmailCustomerGetsNoEmail() {
        CrmRun run = agenda("--from", "2026-04-01");

        // c-010 prefers e-mail but has it on its do-not-contact list: SMS. c-011 blocks both channels of the rule.
        assertThat(only(run, "c-010", "monthly_message").get("channel").asText()).isEqualTo("sms");
        assertThat(run.json()).noneSatisfy(line -> {
            assertThat(line.get("customer_id").asText()).isIn("c-010", "c-011");
            assertThat(line.get("channel").asText()).isEqualTo("email");
        });
        assertThat(linesOf(run, "c-011")).isEmpty();
        assertThat(run.errLines()).contains("  c-011 monthly_message due 2025-01-01 (automation): every channel of"
                + " monthly_message (sms, email) is on the customer's do-not-contact list");
    }

    @Test
    void ownerKeepsOnlyThatOwnersContacts() {
        CrmRun run = agenda("--from", "2026-04-01", "--owner", "sales_team");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(4).allSatisfy(line -> assertThat(line.get("owner").asText())
                .isEqualTo("sales_team"));
        assertThat(run.errLines()).contains("crm agenda: --owner sales_team: 4 contacts written")
                .noneMatch(line -> line.contains("c-006 monthly_message"));
    }

    @Test
    void anOwnerWithNothingInThePlanIsWarnedAbout() {
        CrmRun run = agenda("--from", "2026-04-01", "--owner", "m-9");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).contains("crm agenda: warning: owner 'm-9' has nothing in this plan; its owners are"
                + " automation, m-1, m-2, sales_team");
    }

    @Test
    void theSummaryCountsPerOwnerAndTierAndReportsAssignmentsAndUnscheduledContacts() {
        CrmRun run = agenda("--as-of", "2026-04-01");

        assertThat(run.status()).as(run.err()).isZero();
        String customers = CrmRun.agendaFixture("customers.csv");
        String orders = CrmRun.agendaFixture("orders.csv");
        assertThat(run.errLines()).containsExactly(
                "crm agenda: plan 2026-04-01..2026-04-30 (30 days, calendar office_hours in Asia/Shanghai),"
                        + " policy standard@2026.1",
                "crm agenda: 14 customers (1 created after 2026-04-01 left out), tiers as of 2026-04-01 from "
                        + customers + " and " + orders + ", each rhythm from the customer's created_on; 3 customers"
                        + " with an open complaint",
                "crm agenda: 11 contacts planned, 4 unscheduled (3 open complaint, 1 do-not-contact), 1 account"
                        + " manager assigned, 5 overdue",
                "  owner       core important basic potential  total",
                "  automation     0         0     3         0      3",
                "  m-1            2         0     0         0      2",
                "  m-2            2         0     0         0      2",
                "  sales_team     0         3     0         1      4",
                "crm agenda: unscheduled:",
                "  c-011 monthly_message due 2025-01-01 (automation): every channel of monthly_message (sms, email)"
                        + " is on the customer's do-not-contact list",
                "  c-006 monthly_message due 2026-04-16 (automation): marketing (offer) waits while a complaint is open",
                "  c-008 monthly_message due 2026-04-16 (automation): marketing (offer) waits while a complaint is open",
                "  c-009 monthly_message due 2026-04-16 (automation): marketing (offer) waits while a complaint is open",
                "crm agenda: account managers assigned (record them in your ERP):",
                "  c-013 -> m-2: no account manager; m-2 had the fewest customers (1)");
    }

    @Test
    void aCoreCustomerWithoutManagerGetsTheLeastLoadedOne() {
        // m-1 has two customers (c-002, c-003), m-2 one (c-014): c-013 goes to m-2.
        JsonNode visit = only(agenda("--from", "2026-04-01"), "c-013", "monthly_visit");

        assertThat(visit.get("owner").asText()).isEqualTo("m-2");
        assertThat(visit.get("due").asText()).isEqualTo("2024-03-01");
    }

    @Test
    void contactsDueAfterThePlanAreNeitherPlannedNorReported() {
        CrmRun run = agenda("--from", "2026-04-01", "--to", "2026-04-03");

        // Only what falls due by April 3 is in the plan; c-005's message (due April 10) is not unscheduled either.
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("date").asText()).containsOnly("2026-04-01");
        assertThat(run.err()).doesNotContain("c-005").doesNotContain("c-006")
                .contains("5 contacts planned, 1 unscheduled (1 do-not-contact)");
    }

    @Test
    void theFirstDayDefaultsToTodayInThePolicysZone() {
        // The test clock says 2026-03-31 12:00 in Shanghai.
        CrmRun run = agenda();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.errLines().get(0)).startsWith("crm agenda: plan 2026-03-31..2026-04-30 (31 days");
    }

    @Test
    void aPlanBeforeThePolicyTakesEffectIsWarnedAbout() {
        CrmRun run = agenda("--from", "2025-12-01", "--to", "2025-12-31");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.errLines().get(0)).isEqualTo("crm agenda: warning: the plan's first day 2025-12-01 is before"
                + " the policy's effective_from 2026-01-01");
    }

    @Test
    void helpExplainsTheStatelessRhythmAndTheSubcommands() {
        CrmRun help = CrmRun.of("agenda", "--help");

        assertThat(help.status()).isZero();
        // Help text is wrapped at 80 columns: compare it with single spaces.
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("Usage: crm agenda --customers=FILE --orders=FILE --interactions=FILE --to=DATE")
                .contains("or: crm agenda overdue").contains("or: crm agenda unscheduled")
                .contains("The command is stateless: it keeps no tier history, so every customer's rhythm starts on"
                        + " its created_on")
                .contains("--format=FORMAT jsonl (JSON Lines), csv or ics (iCalendar)");
        assertThat(CrmRun.of("--help").out()).contains("agenda");
    }
}
