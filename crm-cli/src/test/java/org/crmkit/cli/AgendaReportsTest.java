package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code crm agenda overdue} and {@code crm agenda unscheduled} on the fixtures of
 * {@link AgendaCommandTest}, and the CSV form of all three outputs.
 */
class AgendaReportsTest {
    private static CrmRun run(String subcommand, String... extra) {
        List<String> args = new ArrayList<>(AgendaCommandTest.args(extra));
        if (!subcommand.isEmpty()) {
            args.add(1, subcommand);
        }
        return CrmRun.of(args.toArray(String[]::new));
    }

    @Test
    void overdueListsTheContactsPastDueOnTheAsOfDayMostOverdueFirst() {
        CrmRun run = run("overdue", "--as-of", "2026-04-01");

        assertThat(run.status()).as(run.err()).isZero();
        // c-013 (core, created 2024-03-01, never visited) and c-011 (basic, created 2025-01-01, blocks both channels)
        // are due since their creation; c-004's survey since 2025-06-01; c-012's follow-up since 2026-03-15; c-003's
        // visit since 2026-03-25.
        assertThat(run.json()).containsExactly(
                CrmRun.parse("""
                        {"customer_id":"c-013","tier":"core","rule":"monthly_visit","owner":"m-2","due":"2024-03-01",
                         "days_overdue":761,"planned":true,"planned_on":"2026-04-01","unscheduled_reason":null}"""),
                CrmRun.parse("""
                        {"customer_id":"c-011","tier":"basic","rule":"monthly_message","owner":"automation",
                         "due":"2025-01-01","days_overdue":455,"planned":false,"planned_on":null,
                         "unscheduled_reason":"every channel of monthly_message (sms, email) is on the customer's\
                         do-not-contact list"}"""),
                CrmRun.parse("""
                        {"customer_id":"c-004","tier":"important","rule":"quarterly_needs_survey","owner":"sales_team",
                         "due":"2025-06-01","days_overdue":304,"planned":true,"planned_on":"2026-04-01",
                         "unscheduled_reason":null}"""),
                CrmRun.parse("""
                        {"customer_id":"c-012","tier":"potential","rule":"monthly_follow_up","owner":"sales_team",
                         "due":"2026-03-15","days_overdue":17,"planned":true,"planned_on":"2026-04-01",
                         "unscheduled_reason":null}"""),
                CrmRun.parse("""
                        {"customer_id":"c-003","tier":"core","rule":"monthly_visit","owner":"m-1","due":"2026-03-25",
                         "days_overdue":7,"planned":true,"planned_on":"2026-04-01","unscheduled_reason":null}"""));
    }

    @Test
    void overdueSummarisesPerOwnerAndTier() {
        CrmRun run = run("overdue", "--as-of", "2026-04-01");

        assertThat(run.errLines()).contains(
                "crm agenda overdue: 5 contacts overdue on 2026-04-01, 4 of them planned in 2026-04-01..2026-04-30,"
                        + " the most overdue by 761 days",
                "  owner      tier        overdue planned most days",
                "  automation basic             1       0       455",
                "  m-1        core              1       1         7",
                "  m-2        core              1       1       761",
                "  sales_team important         1       1       304",
                "  sales_team potential         1       1        17");
    }

    @Test
    void overdueOfOneOwner() {
        CrmRun run = run("overdue", "--as-of", "2026-04-01", "--owner", "m-1");

        assertThat(run.json()).extracting(line -> line.get("customer_id").asText()).containsExactly("c-003");
        assertThat(run.errLines()).contains("crm agenda overdue: 1 contact overdue on 2026-04-01 for m-1, 1 of them"
                + " planned in 2026-04-01..2026-04-30, the most overdue by 7 days",
                "crm agenda overdue: --owner m-1: 1 overdue contact written");
    }

    @Test
    void aLaterAsOfDayMakesMoreContactsOverdue() {
        CrmRun run = run("overdue", "--as-of", "2026-04-17");

        // By April 17 the offers of c-006, c-008 and c-009 (due April 16, waiting on their complaints) are
        // overdue too, and so are c-002's visit (due April 1) and c-004's call (due April 5).
        assertThat(run.json()).extracting(line -> line.get("customer_id").asText() + " " + line.get("rule").asText()
                + " " + line.get("days_overdue").asInt()).contains("c-002 monthly_visit 16", "c-004 biweekly_call 12",
                "c-006 monthly_message 1", "c-008 monthly_message 1", "c-009 monthly_message 1");
    }

    @Test
    void unscheduledListsEveryContactThatCouldNotBePlacedWithTheReason() {
        CrmRun run = run("unscheduled", "--from", "2026-04-01");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(4);
        assertThat(run.json().get(0)).isEqualTo(CrmRun.parse("""
                {"customer_id":"c-011","rule":"monthly_message","due":"2025-01-01","owner":"automation",
                 "reason":"every channel of monthly_message (sms, email) is on the customer's do-not-contact list",
                 "tier":"basic","purpose":"offer","owner_kind":"automation","days_overdue":455,
                 "reason_kind":"do_not_contact"}"""));
        assertThat(run.json().subList(1, 4)).extracting(line -> line.get("customer_id").asText() + " "
                + line.get("due").asText() + " " + line.get("reason").asText()).containsExactly(
                "c-006 2026-04-16 marketing (offer) waits while a complaint is open",
                "c-008 2026-04-16 marketing (offer) waits while a complaint is open",
                "c-009 2026-04-16 marketing (offer) waits while a complaint is open");
        assertThat(run.errLines()).contains("crm agenda unscheduled: 4 contacts unscheduled (3 open complaint,"
                + " 1 do-not-contact)");
    }

    @Test
    void agendaAsCsvHasTheJsonFieldsAsColumns() {
        CrmRun run = run("", "--from", "2026-04-01", "--format", "csv", "--owner", "sales_team");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly(
                "customer_id,date,channel,owner,reason,tier,rule,purpose,owner_kind,due,days_overdue,preferred_hours,"
                        + "time_zone,slot_start,slot_end",
                "c-004,2026-04-01,phone,sales_team,\"quarterly_needs_survey: needs_survey every 1 quarter, due"
                        + " 2025-06-01, 304 days overdue\",important,quarterly_needs_survey,needs_survey,sales_team,"
                        + "2025-06-01,304,,,2026-04-01T09:00:00+08:00,2026-04-01T18:00:00+08:00",
                "c-012,2026-04-01,phone,sales_team,\"monthly_follow_up: follow_up every 1 month, due 2026-03-15, 17"
                        + " days overdue\",potential,monthly_follow_up,follow_up,sales_team,2026-03-15,17,09:00-12:00,"
                        + "Europe/Berlin,2026-04-01T09:00:00+02:00,2026-04-01T12:00:00+02:00",
                "c-004,2026-04-06,phone,sales_team,\"biweekly_call: follow_up every 2 weeks, due 2026-04-05\","
                        + "important,biweekly_call,follow_up,sales_team,2026-04-05,0,,,2026-04-06T09:00:00+08:00,"
                        + "2026-04-06T18:00:00+08:00",
                "c-004,2026-04-20,phone,sales_team,\"biweekly_call: follow_up every 2 weeks, due 2026-04-20\","
                        + "important,biweekly_call,follow_up,sales_team,2026-04-20,0,,,2026-04-20T09:00:00+08:00,"
                        + "2026-04-20T18:00:00+08:00");
    }

    @Test
    void overdueAndUnscheduledAsCsv() {
        CrmRun overdue = run("overdue", "--as-of", "2026-04-01", "--format", "csv", "--owner", "automation");
        CrmRun unscheduled = run("unscheduled", "--as-of", "2026-04-01", "--format", "csv", "--owner", "automation");

        assertThat(overdue.outLines()).containsExactly(
                "customer_id,tier,rule,owner,due,days_overdue,planned,planned_on,unscheduled_reason",
                "c-011,basic,monthly_message,automation,2025-01-01,455,false,,\"every channel of monthly_message (sms,"
                        + " email) is on the customer's do-not-contact list\"");
        assertThat(unscheduled.outLines()).hasSize(5).first()
                .isEqualTo("customer_id,rule,due,owner,reason,tier,purpose,owner_kind,days_overdue,reason_kind");
        assertThat(unscheduled.outLines().get(2)).isEqualTo("c-006,monthly_message,2026-04-16,automation,marketing"
                + " (offer) waits while a complaint is open,basic,offer,automation,0,complaint_open");
    }

    @Test
    void theSubcommandsTakeNoIcs() {
        CrmRun run = run("overdue", "--format", "ics");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("crm agenda overdue: Invalid value for option '--format':"
                + " expected one of jsonl, csv, was 'ics'");
    }
}
