package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm sla} on the fixtures under the standard policy (office hours Monday to Friday
 * 09:00-18:00 in Shanghai; complaints 1-24-48 business hours, basic customers' inquiries 48
 * business hours; warnings at 75%). Every expected due time below is worked out by hand in the
 * comments from the opening, the office hours and the pauses.
 */
class SlaCommandTest {
    /** Wednesday 17:00: k-09 (opened Saturday) is still in the future. */
    private static final String AS_OF = "2026-03-04T17:00:00+08:00";

    @TempDir
    Path dir;

    private static CrmRun sla(boolean withTiers, String... extra) {
        List<String> args = new ArrayList<>(List.of("sla", "--complaints", CrmRun.slaFixture("complaints.csv"),
                "--events", CrmRun.slaFixture("complaint_events.csv")));
        if (withTiers) {
            args.addAll(List.of("--customers", CrmRun.slaFixture("customers.csv"), "--orders",
                    CrmRun.slaFixture("orders.csv")));
        }
        args.addAll(List.of(extra));
        return CrmRun.of(args.toArray(String[]::new));
    }

    private static JsonNode line(CrmRun run, String complaintId) {
        return run.json().stream().filter(line -> line.get("complaint_id").asText().equals(complaintId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + complaintId + " in " + run.out()));
    }

    private static JsonNode milestone(JsonNode line, String name) {
        return StreamSupport.stream(line.get("milestones").spliterator(), false)
                .filter(milestone -> milestone.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no milestone " + name + " in " + line));
    }

    private static List<String> names(JsonNode line) {
        return StreamSupport.stream(line.get("milestones").spliterator(), false)
                .map(milestone -> milestone.get("name").asText()).toList();
    }

    @Test
    void printsOneLinePerCaseOpenedByTheAsOfMomentInComplaintIdOrder() {
        CrmRun run = sla(true, "--as-of", AS_OF);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("complaint_id").asText())
                .containsExactly("k-01", "k-02", "k-03", "k-04", "k-05", "k-06", "k-07", "k-08");
    }

    @Test
    void everyLineHasTheFieldsInTheDocumentedOrder() {
        JsonNode line = line(sla(true, "--as-of", AS_OF), "k-01");

        assertThat(line.fieldNames()).toIterable().containsExactly("complaint_id", "customer_id", "kind", "priority",
                "tier", "target", "reopenings", "paused", "closed", "opened_at", "as_of", "policy", "milestones");
        assertThat(line.get("milestones").get(0).fieldNames()).toIterable().containsExactly("name", "due_at", "met_at",
                "status", "on_time", "remaining", "elapsed", "paused_time", "cycle", "met_by_closing", "escalate_to");
    }

    @Test
    void aComplaintHandledInTimeHasEveryMilestoneMet() {
        JsonNode k01 = line(sla(true, "--as-of", AS_OF), "k-01");

        assertThat(k01.get("customer_id").asText()).isEqualTo("c-001");
        assertThat(k01.get("kind").asText()).isEqualTo("complaint");
        assertThat(k01.get("priority").asText()).isEqualTo("P3");
        assertThat(k01.get("tier").asText()).isEqualTo("important");
        assertThat(k01.get("target").asText()).isEqualTo("complaint_1_24_48");
        assertThat(k01.get("closed").asBoolean()).isTrue();
        assertThat(k01.get("opened_at").asText()).isEqualTo("2026-03-02T09:10:00+08:00");
        assertThat(k01.get("as_of").asText()).isEqualTo(AS_OF);
        assertThat(k01.get("policy").asText()).isEqualTo("standard@2026.1");
        assertThat(names(k01)).containsExactly("first_response", "solution", "resolution");
        // Opened Monday 09:10: 1 h -> 10:10; 24 h = Mon 8h50 + Tue 9 h + Wed 6h10 -> Wed 15:10;
        // 48 h = ... + Wed 9 + Thu 9 + Fri 9 + Mon 3h10 -> Mon 03-09 12:10.
        assertThat(milestone(k01, "first_response")).isEqualTo(CrmRun.parse("""
                {"name":"first_response","due_at":"2026-03-02T10:10:00+08:00","met_at":"2026-03-02T09:40:00+08:00",
                 "status":"met","on_time":true,"remaining":null,"elapsed":"PT30M","paused_time":"PT0S","cycle":0,
                 "met_by_closing":false,"escalate_to":[]}"""));
        assertThat(milestone(k01, "solution").get("due_at").asText()).isEqualTo("2026-03-04T15:10:00+08:00");
        assertThat(milestone(k01, "solution").get("elapsed").asText()).isEqualTo("PT5H50M");
        // Met when both resolved (Tue 10:00) and feedback_received (Tue 11:00) happened: at the later.
        assertThat(milestone(k01, "resolution")).isEqualTo(CrmRun.parse("""
                {"name":"resolution","due_at":"2026-03-09T12:10:00+08:00","met_at":"2026-03-03T11:00:00+08:00",
                 "status":"met","on_time":true,"remaining":null,"elapsed":"PT10H50M","paused_time":"PT0S","cycle":0,
                 "met_by_closing":false,"escalate_to":[]}"""));
    }

    @Test
    void aLateResponseIsMetButNotOnTimeAndAMissedSolutionIsBreachedAndEscalated() {
        JsonNode k02 = line(sla(true, "--as-of", AS_OF), "k-02");

        assertThat(milestone(k02, "first_response")).isEqualTo(CrmRun.parse("""
                {"name":"first_response","due_at":"2026-03-02T11:00:00+08:00","met_at":"2026-03-02T12:30:00+08:00",
                 "status":"met","on_time":false,"remaining":null,"elapsed":"PT2H30M","paused_time":"PT0S","cycle":0,
                 "met_by_closing":false,"escalate_to":[]}"""));
        // Opened Monday 10:00: 24 h = Mon 8 + Tue 9 + Wed 7 -> Wed 16:00, an hour before the as-of moment.
        assertThat(milestone(k02, "solution")).isEqualTo(CrmRun.parse("""
                {"name":"solution","due_at":"2026-03-04T16:00:00+08:00","met_at":null,"status":"breached",
                 "on_time":false,"remaining":"PT0S","elapsed":"PT25H","paused_time":"PT0S","cycle":0,
                 "met_by_closing":false,"escalate_to":["service_manager"]}"""));
        // 48 h -> Mon 03-09 13:00; 25 h elapsed (Mon 8 + Tue 9 + Wed 8), under the 36 h of the warning.
        assertThat(milestone(k02, "resolution")).isEqualTo(CrmRun.parse("""
                {"name":"resolution","due_at":"2026-03-09T13:00:00+08:00","met_at":null,"status":"running",
                 "on_time":null,"remaining":"PT23H","elapsed":"PT25H","paused_time":"PT0S","cycle":0,
                 "met_by_closing":false,"escalate_to":[]}"""));
    }

    @Test
    void aResponseDueSoonIsAWarningEscalatedToTheTeamLead() {
        JsonNode k03 = line(sla(true, "--as-of", AS_OF), "k-03");

        // Opened 16:10, due 17:10; 75% of an hour is 45 min, reached at 16:55.
        assertThat(milestone(k03, "first_response")).isEqualTo(CrmRun.parse("""
                {"name":"first_response","due_at":"2026-03-04T17:10:00+08:00","met_at":null,"status":"warning",
                 "on_time":null,"remaining":"PT10M","elapsed":"PT50M","paused_time":"PT0S","cycle":0,
                 "met_by_closing":false,"escalate_to":["service_team_lead"]}"""));
        // 24 h = Wed 1h50 + Thu 9 + Fri 9 + Mon 4h10 -> Mon 13:10.
        assertThat(milestone(k03, "solution").get("due_at").asText()).isEqualTo("2026-03-09T13:10:00+08:00");
        assertThat(milestone(k03, "solution").get("status").asText()).isEqualTo("running");
        assertThat(k03.get("priority").isNull()).isTrue();
        assertThat(k03.get("tier").isNull()).as("c-005 has no orders: no tier").isTrue();
    }

    @Test
    void aPausedCaseStopsTheClockAndItsDueTimeIsWhenItWouldBeDueIfResumedNow() {
        JsonNode k04 = line(sla(true, "--as-of", AS_OF), "k-04");

        assertThat(k04.get("paused").asBoolean()).isTrue();
        assertThat(milestone(k04, "first_response").get("status").asText()).isEqualTo("met");
        assertThat(milestone(k04, "solution").get("met_at").asText()).isEqualTo("2026-03-03T14:00:00+08:00");
        assertThat(milestone(k04, "solution").get("on_time").asBoolean()).isTrue();
        // Opened Tue 09:00, paused at 15:00: 6 h elapsed, 42 h left from now (Wed 17:00):
        // Wed 1 + Thu 9 + Fri 9 + Mon 9 + Tue 9 + Wed 5 -> Wed 03-11 14:00. Paused: Tue 3 h + Wed 8 h.
        assertThat(milestone(k04, "resolution")).isEqualTo(CrmRun.parse("""
                {"name":"resolution","due_at":"2026-03-11T14:00:00+08:00","met_at":null,"status":"paused",
                 "on_time":null,"remaining":"PT42H","elapsed":"PT6H","paused_time":"PT11H","cycle":0,
                 "met_by_closing":false,"escalate_to":[]}"""));
    }

    @Test
    void aReopenedComplaintRestartsOnlyTheResolution() {
        JsonNode k05 = line(sla(true, "--as-of", AS_OF), "k-05");

        assertThat(k05.get("reopenings").asInt()).isEqualTo(1);
        assertThat(k05.get("closed").asBoolean()).isFalse();
        assertThat(milestone(k05, "first_response").get("cycle").asInt()).isZero();
        assertThat(milestone(k05, "first_response").get("met_at").asText()).isEqualTo("2026-02-26T10:15:00+08:00");
        // Reopened Mon 03-02 11:00: 48 h = Mon 7 + Tue 9 + Wed 9 + Thu 9 + Fri 9 + Mon 5 -> Mon 03-09 14:00.
        assertThat(milestone(k05, "resolution")).isEqualTo(CrmRun.parse("""
                {"name":"resolution","due_at":"2026-03-09T14:00:00+08:00","met_at":null,"status":"running",
                 "on_time":null,"remaining":"PT24H","elapsed":"PT24H","paused_time":"PT0S","cycle":1,
                 "met_by_closing":false,"escalate_to":[]}"""));
    }

    @Test
    void aPriorityChangeAfterAPauseKeepsThePausedTime() {
        JsonNode k06 = line(sla(true, "--as-of", AS_OF), "k-06");

        assertThat(k06.get("priority").asText()).as("the priority at the as-of moment").isEqualTo("P1");
        assertThat(k06.get("tier").asText()).isEqualTo("basic");
        // Opened Mon 14:00, paused 16:00 to Tue 10:00 (3 business hours): 24 h = Mon 2 + Tue 8 + Wed 9
        // + Thu 5 -> Thu 14:00; solution at Tue 15:00 after 7 h of clock time.
        assertThat(milestone(k06, "solution")).isEqualTo(CrmRun.parse("""
                {"name":"solution","due_at":"2026-03-05T14:00:00+08:00","met_at":"2026-03-03T15:00:00+08:00",
                 "status":"met","on_time":true,"remaining":null,"elapsed":"PT7H","paused_time":"PT3H","cycle":0,
                 "met_by_closing":false,"escalate_to":[]}"""));
        // Resolved Wednesday, but no feedback yet: 48 h -> Tue 03-10 11:00, 18 h elapsed.
        assertThat(milestone(k06, "resolution").get("due_at").asText()).isEqualTo("2026-03-10T11:00:00+08:00");
        assertThat(milestone(k06, "resolution").get("remaining").asText()).isEqualTo("PT30H");
        assertThat(milestone(k06, "resolution").get("status").asText()).isEqualTo("running");
    }

    @Test
    void aBasicCustomersInquiryGetsTheFortyEightHourPromiseWhenTiersAreKnown() {
        CrmRun run = sla(true, "--as-of", AS_OF);
        JsonNode k07 = line(run, "k-07");

        assertThat(k07.get("kind").asText()).isEqualTo("inquiry");
        assertThat(k07.get("tier").asText()).isEqualTo("basic");
        assertThat(k07.get("target").asText()).isEqualTo("basic_inquiry_48");
        // Opened Mon 10:00: 48 h -> Mon 03-09 13:00.
        assertThat(k07.get("milestones")).isEqualTo(CrmRun.parse("""
                [{"name":"first_response","due_at":"2026-03-09T13:00:00+08:00","met_at":null,"status":"running",
                  "on_time":null,"remaining":"PT23H","elapsed":"PT25H","paused_time":"PT0S","cycle":0,
                  "met_by_closing":false,"escalate_to":[]}]"""));
        JsonNode k08 = line(run, "k-08");
        assertThat(k08.get("kind").asText()).as("kind is case-insensitive").isEqualTo("inquiry");
        assertThat(k08.get("tier").isNull()).isTrue();
        assertThat(k08.get("target").isNull()).isTrue();
        assertThat(k08.get("milestones")).isEmpty();
    }

    @Test
    void withoutCustomerFilesTiersAreUnknownAndOnlyTierIndependentTargetsApply() {
        CrmRun run = sla(false, "--as-of", AS_OF);
        JsonNode k07 = line(run, "k-07");

        assertThat(run.status()).isZero();
        assertThat(k07.get("tier").isNull()).isTrue();
        assertThat(k07.get("target").isNull()).isTrue();
        assertThat(k07.get("milestones")).isEmpty();
        assertThat(line(run, "k-01").get("tier").isNull()).isTrue();
        assertThat(line(run, "k-01").get("target").asText()).isEqualTo("complaint_1_24_48");
        assertThat(run.errLines()).first().isEqualTo("crm sla: 8 cases as of " + AS_OF + ", policy standard@2026.1,"
                + " tiers unknown (no --customers and --orders): only targets that name no tier apply");
    }

    @Test
    void theSummaryOnStandardErrorCountsEachStatusPerMilestone() {
        CrmRun run = sla(true, "--as-of", AS_OF);

        assertThat(run.errLines()).containsExactly(
                "crm sla: 8 cases as of " + AS_OF + ", policy standard@2026.1, tiers as of 2026-03-04 from "
                        + CrmRun.slaFixture("customers.csv") + " and " + CrmRun.slaFixture("orders.csv"),
                "crm sla: note: 1 case opened after the as-of moment left out",
                "  milestone           met breached  running   paused  warning",
                "  first_response        5        0        1        0        1",
                "  solution              4        1        1        0        0",
                "  resolution            1        0        4        1        0",
                "  1 case without target: no target of the policy applies");
    }

    @Test
    void aDateMeansTheEndOfThatDayInThePolicysTimeZone() {
        CrmRun run = sla(true, "--as-of", "2026-03-04");
        JsonNode k03 = line(run, "k-03");

        assertThat(k03.get("as_of").asText()).isEqualTo("2026-03-04T23:59:59.999999999+08:00");
        // Due 17:10 and not met that day: breached by the day's end, and escalated to the manager.
        assertThat(milestone(k03, "first_response").get("status").asText()).isEqualTo("breached");
        assertThat(milestone(k03, "first_response").get("escalate_to").get(0).asText()).isEqualTo("service_manager");
        // Durations are whole seconds, although the day ends a nanosecond before midnight.
        assertThat(milestone(k03, "solution").get("remaining").asText()).isEqualTo("PT22H10M");
    }

    @Test
    void eventsAfterTheAsOfMomentDoNotCount() {
        JsonNode k04 = line(sla(true, "--as-of", "2026-03-06T12:00:00+08:00"), "k-04");
        JsonNode k09 = line(sla(true, "--as-of", "2026-03-07T20:00:00+08:00"), "k-09");

        // Resumed Thursday 10:00, resolved Friday 10:00, feedback Friday 11:00.
        assertThat(k04.get("paused").asBoolean()).isFalse();
        assertThat(milestone(k04, "resolution").get("met_at").asText()).isEqualTo("2026-03-06T11:00:00+08:00");
        // A complaint opened on Saturday evening: its clock starts on Monday at 09:00.
        assertThat(milestone(k09, "first_response").get("due_at").asText()).isEqualTo("2026-03-09T10:00:00+08:00");
        assertThat(milestone(k09, "first_response").get("remaining").asText()).isEqualTo("PT1H");
    }

    @Test
    void withoutAsOfTheMomentIsNowByTheClock() {
        CrmRun run = sla(false);

        assertThat(run.status()).isZero();
        // CrmRun's clock: 2026-03-31 12:00 in Shanghai; every case is opened by then.
        assertThat(run.json()).hasSize(9).allSatisfy(line ->
                assertThat(line.get("as_of").asText()).isEqualTo("2026-03-31T12:00:00+08:00"));
    }

    @Test
    void aPriorityChangeRecomputesTargetsFromTheOriginalStartKeepingPausedTime() throws IOException {
        // The standard policy plus a stricter target for P1 complaints, tried first.
        String standard = CrmRun.of("policy", "show").out();
        String strict = standard.replace("version: \"2026.1\"", "version: \"2026.1-p1\"").replace("  targets:\n", """
                  targets:
                    - name: p1_complaint
                      when: {kinds: [complaint], priorities: [P1]}
                      milestones:
                        - {name: first_response, within: 30m, met_by: [responded]}
                        - {name: solution, within: 4h, met_by: [solution_proposed]}
                        - {name: resolution, within: 16h, met_by: [resolved, feedback_received]}
                """);
        Path policy = Files.writeString(dir.resolve("policy.yaml"), strict);

        CrmRun run = sla(true, "--as-of", AS_OF, "--policy", policy.toString());
        JsonNode k06 = line(run, "k-06");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(k06.get("target").asText()).isEqualTo("p1_complaint");
        assertThat(k06.get("policy").asText()).isEqualTo("standard@2026.1-p1");
        // From the original start, Mon 14:00, with the 3 h pause kept: 4 h = Mon 2 h + Tue 10:00-12:00.
        assertThat(milestone(k06, "solution")).isEqualTo(CrmRun.parse("""
                {"name":"solution","due_at":"2026-03-03T12:00:00+08:00","met_at":"2026-03-03T15:00:00+08:00",
                 "status":"met","on_time":false,"remaining":null,"elapsed":"PT7H","paused_time":"PT3H","cycle":0,
                 "met_by_closing":false,"escalate_to":[]}"""));
        // 16 h = Mon 2 + Tue 8 + Wed 6 -> Wed 15:00, before the as-of moment: breached, no escalation configured.
        assertThat(milestone(k06, "resolution").get("due_at").asText()).isEqualTo("2026-03-04T15:00:00+08:00");
        assertThat(milestone(k06, "resolution").get("status").asText()).isEqualTo("breached");
        assertThat(milestone(k06, "resolution").get("escalate_to")).isEmpty();
        // The other complaints keep their priority and the standard target.
        assertThat(line(run, "k-01").get("target").asText()).isEqualTo("complaint_1_24_48");
    }
}
