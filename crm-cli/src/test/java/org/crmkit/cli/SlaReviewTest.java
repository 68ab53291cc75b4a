package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code crm sla review} on the fixtures: week 2026-W10 runs from Monday 2026-03-02 to Sunday
 * 2026-03-08 in Shanghai and is reviewed as of its end. The expected numbers are counted by hand
 * from the fixtures (see the comments).
 */
class SlaReviewTest {
    private static CrmRun review(boolean withTiers, String... extra) {
        List<String> args = new ArrayList<>(List.of("sla", "review", "--complaints",
                CrmRun.slaFixture("complaints.csv"), "--events", CrmRun.slaFixture("complaint_events.csv")));
        if (withTiers) {
            args.addAll(List.of("--customers", CrmRun.slaFixture("customers.csv"), "--orders",
                    CrmRun.slaFixture("orders.csv")));
        }
        args.addAll(List.of(extra));
        return CrmRun.of(args.toArray(String[]::new));
    }

    private static List<JsonNode> section(CrmRun run, String section) {
        return run.json().stream().filter(line -> line.get("section").asText().equals(section)).toList();
    }

    @Test
    void printsTheSectionsInOrderEachRowWithItsWeek() {
        CrmRun run = review(true, "--week", "2026-W10");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("section").asText()).containsExactly("summary",
                "cause", "cause", "cause", "channel", "channel", "channel",
                "milestone", "milestone", "milestone", "milestone", "open_breach", "repeat_complainer",
                "repeat_complainer");
        assertThat(run.json()).allSatisfy(line -> assertThat(line.get("week").asText()).isEqualTo("2026-W10"));
    }

    @Test
    void theSummaryCountsTheWeeksCasesAndTheirResolutions() {
        JsonNode summary = section(review(true, "--week", "2026-W10"), "summary").get(0);

        // k-01..k-04 and k-06..k-09 were opened in the week (k-05 the week before), six of them
        // complaints (k-07 and k-08 are inquiries); k-01, k-04 and k-06 were resolved by Sunday.
        assertThat(summary).isEqualTo(CrmRun.parse("""
                {"section":"summary","week":"2026-W10","from":"2026-03-02T00:00:00+08:00",
                 "until":"2026-03-09T00:00:00+08:00","policy":"standard@2026.1","cases_opened":8,"complaints_opened":6,
                 "resolved":3,"resolution_rate":0.5000,"open_breaches":1,"repeat_complainers":2}"""));
        assertThat(summary.get("resolution_rate").isNumber()).isTrue();
    }

    @Test
    void causesAndChannelsAreCountedMostFrequentFirst() {
        CrmRun run = review(true, "--week", "2026-W10");

        // Complaints only (the two inquiries have no cause); shares are decimals with four places, as printed.
        assertThat(run.outLines()).filteredOn(line -> line.startsWith("{\"section\":\"cause\"")).containsExactly(
                "{\"section\":\"cause\",\"week\":\"2026-W10\",\"cause\":\"delivery\",\"cases\":3,\"share\":0.5000}",
                "{\"section\":\"cause\",\"week\":\"2026-W10\",\"cause\":\"billing\",\"cases\":2,\"share\":0.3333}",
                "{\"section\":\"cause\",\"week\":\"2026-W10\",\"cause\":\"quality\",\"cases\":1,\"share\":0.1667}");
        assertThat(section(run, "channel")).extracting(line -> line.get("channel").asText() + "="
                + line.get("cases").asInt())
                .containsExactly("phone=3", "email=2", "wechat=1");
    }

    @Test
    void milestonesHaveOnTimeSharesAndMedianAndNinetiethPercentileTimes() {
        List<JsonNode> milestones = section(review(true, "--week", "2026-W10"), "milestone");

        // Complaint first responses: on time k-01 (30 min), k-04 (20 min), k-06 (30 min); late k-02 (2h30)
        // and k-03 (Wed 16:10 to Thu 09:30 = 2h20 of office time); open k-09. The basic inquiry k-07 has a
        // first response of its own target, a different promise, on its own row.
        // Sorted 20, 30, 30, 140, 150 min: nearest-rank median the 3rd, p90 the 5th.
        assertThat(milestones.get(0)).isEqualTo(CrmRun.parse("""
                {"section":"milestone","week":"2026-W10","target":"complaint_1_24_48","milestone":"first_response",
                 "cases":6,"met_on_time":3,"met_late":2,"breached":0,"closed_without":0,"open":1,"on_time_rate":0.6000,
                 "median_time_to_meet":"PT30M","p90_time_to_meet":"PT2H30M"}"""));
        assertThat(milestones.get(3)).isEqualTo(CrmRun.parse("""
                {"section":"milestone","week":"2026-W10","target":"basic_inquiry_48","milestone":"first_response",
                 "cases":1,"met_on_time":0,"met_late":0,"breached":0,"closed_without":0,"open":1,"on_time_rate":null,
                 "median_time_to_meet":null,"p90_time_to_meet":null}"""));
        // Solutions: k-01 (5h50), k-04 (5 h), k-06 (7 h) on time; k-02 breached on Wednesday; k-03, k-09 open.
        assertThat(milestones.get(1)).isEqualTo(CrmRun.parse("""
                {"section":"milestone","week":"2026-W10","target":"complaint_1_24_48","milestone":"solution","cases":6,"met_on_time":3,
                 "met_late":0,"breached":1,"closed_without":0,"open":2,"on_time_rate":0.7500,"median_time_to_meet":"PT5H50M",
                 "p90_time_to_meet":"PT7H"}"""));
        // Resolutions: k-01 (10h50) and k-04 (6 + 8 + 2 = 16 h, its pause left out) met; the rest open.
        assertThat(milestones.get(2)).isEqualTo(CrmRun.parse("""
                {"section":"milestone","week":"2026-W10","target":"complaint_1_24_48","milestone":"resolution","cases":6,"met_on_time":2,
                 "met_late":0,"breached":0,"closed_without":0,"open":4,"on_time_rate":1.0000,"median_time_to_meet":"PT10H50M",
                 "p90_time_to_meet":"PT16H"}"""));
    }

    @Test
    void listsOpenBreachesAndRepeatComplainers() {
        CrmRun run = review(true, "--week", "2026-W10");

        assertThat(section(run, "open_breach")).containsExactly(CrmRun.parse("""
                {"section":"open_breach","week":"2026-W10","complaint_id":"k-02","customer_id":"c-002",
                 "milestone":"solution","due_at":"2026-03-04T16:00:00+08:00"}"""));
        // c-001: k-01 and k-04; c-002: k-02 and k-05 (opened the week before). Inquiries do not count.
        assertThat(section(run, "repeat_complainer")).containsExactly(CrmRun.parse("""
                {"section":"repeat_complainer","week":"2026-W10","customer_id":"c-001","complaints":2,"window_days":90}
                """), CrmRun.parse("""
                {"section":"repeat_complainer","week":"2026-W10","customer_id":"c-002","complaints":2,"window_days":90}
                """));
    }

    @Test
    void withoutTiersTheBasicInquiryHasNoMilestone() {
        JsonNode firstResponse = section(review(false, "--week", "2026-W10"), "milestone").get(0);

        assertThat(firstResponse.get("cases").asInt()).isEqualTo(6);
        assertThat(firstResponse.get("open").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyWeekHasNullRatesAndNoOtherRows() {
        CrmRun run = review(false, "--week", "2026-W01");

        assertThat(run.json()).containsExactly(CrmRun.parse("""
                {"section":"summary","week":"2026-W01","from":"2025-12-29T00:00:00+08:00",
                 "until":"2026-01-05T00:00:00+08:00","policy":"standard@2026.1","cases_opened":0,"complaints_opened":0,
                 "resolved":0,"resolution_rate":null,"open_breaches":0,"repeat_complainers":0}"""));
    }

    @Test
    void theSummaryOnStandardErrorGivesTheHeadlines() {
        CrmRun run = review(false, "--week", "2026-W10");

        assertThat(run.errLines()).containsExactly(
                "crm sla review: week 2026-W10 (2026-03-02..2026-03-08 in Asia/Shanghai) as of"
                        + " 2026-03-08T23:59:59.999999999+08:00, policy standard@2026.1, tiers unknown (no --customers"
                        + " and --orders): only targets that name no tier apply",
                "crm sla review: 8 cases opened (6 complaints), 3 resolved (50.0% of complaints), 1 open breach,"
                        + " 2 repeat complainers");
    }

    @Test
    void withoutWeekTheLastFullWeekBeforeTheAsOfDayIsReviewed() {
        assertThat(review(false, "--as-of", "2026-03-10").json().get(0).get("week").asText()).isEqualTo("2026-W10");
        assertThat(review(false, "--as-of", "2026-03-08").json().get(0).get("week").asText())
                .as("a Sunday ends its own week").isEqualTo("2026-W10");
        assertThat(review(false, "--as-of", "2026-03-07").json().get(0).get("week").asText()).isEqualTo("2026-W09");
        // CrmRun's clock says Tuesday 2026-03-31: the last full week is 2026-W13.
        assertThat(review(false).json().get(0).get("week").asText()).isEqualTo("2026-W13");
    }

    @Test
    void csvHasOneHeaderWithEveryFieldAndTheSameRows() {
        CrmRun run = review(true, "--week", "2026-W10", "--format", "csv");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(15);
        assertThat(run.outLines().get(0)).isEqualTo("section,week,from,until,policy,cases_opened,complaints_opened,"
                + "resolved,resolution_rate,open_breaches,repeat_complainers,cause,channel,target,milestone,cases,share,"
                + "met_on_time,met_late,breached,closed_without,open,on_time_rate,median_time_to_meet,p90_time_to_meet,"
                + "complaint_id,customer_id,due_at,complaints,window_days");
        assertThat(run.outLines()).contains(
                "summary,2026-W10,2026-03-02T00:00:00+08:00,2026-03-09T00:00:00+08:00,standard@2026.1,8,6,3,0.5000,1,2,,,,,,,,,,,,,,,,,,,",
                "cause,2026-W10,,,,,,,,,,delivery,,,,3,0.5000,,,,,,,,,,,,,",
                "milestone,2026-W10,,,,,,,,,,,,complaint_1_24_48,first_response,6,,3,2,0,0,1,0.6000,PT30M,PT2H30M,,,,,",
                "open_breach,2026-W10,,,,,,,,,,,,,solution,,,,,,,,,,,k-02,c-002,2026-03-04T16:00:00+08:00,,",
                "repeat_complainer,2026-W10,,,,,,,,,,,,,,,,,,,,,,,,,c-001,,2,90");
    }
}
