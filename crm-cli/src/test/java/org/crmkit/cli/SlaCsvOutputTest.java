package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code crm sla --format csv}: one row per milestone, the case's fields repeated on each. */
class SlaCsvOutputTest {
    private static CrmRun slaCsv() {
        return CrmRun.of("sla", "--complaints", CrmRun.slaFixture("complaints.csv"), "--events",
                CrmRun.slaFixture("complaint_events.csv"), "--customers", CrmRun.slaFixture("customers.csv"),
                "--orders", CrmRun.slaFixture("orders.csv"), "--as-of", "2026-03-04T17:00:00+08:00", "--format", "csv");
    }

    @Test
    void theHeaderStartsWithTheCaseAndTheMilestoneThenTheCasesFields() {
        assertThat(slaCsv().outLines().get(0)).isEqualTo("complaint_id,milestone,due_at,met_at,status,on_time,"
                + "remaining,elapsed,paused_time,cycle,met_by_closing,escalate_to,customer_id,kind,priority,tier,target,"
                + "reopenings,paused,closed,opened_at,as_of,policy");
    }

    @Test
    void everyMilestoneIsARowAndACaseWithoutTargetHasOneRowWithEmptyMilestoneCells() {
        CrmRun run = slaCsv();

        assertThat(run.status()).isZero();
        // Six complaints with three milestones, the basic customer's inquiry with one, k-08 without target.
        assertThat(run.outLines()).hasSize(1 + 6 * 3 + 1 + 1);
        assertThat(run.outLines()).contains(
                "k-02,solution,2026-03-04T16:00:00+08:00,,breached,false,PT0S,PT25H,PT0S,0,false,service_manager,"
                        + "c-002,complaint,P2,important,complaint_1_24_48,0,false,false,2026-03-02T10:00:00+08:00,"
                        + "2026-03-04T17:00:00+08:00,standard@2026.1",
                "k-05,resolution,2026-03-09T14:00:00+08:00,,running,,PT24H,PT24H,PT0S,1,false,,c-002,complaint,P3,"
                        + "important,complaint_1_24_48,1,false,false,2026-02-26T10:00:00+08:00,"
                        + "2026-03-04T17:00:00+08:00,standard@2026.1",
                "k-08,,,,,,,,,,,,c-004,inquiry,,,,0,false,false,2026-03-03T10:00:00+08:00,2026-03-04T17:00:00+08:00,"
                        + "standard@2026.1");
    }

    @Test
    void theJsonAndCsvFormatsSayTheSame() {
        CrmRun csv = slaCsv();
        CrmRun json = CrmRun.of("sla", "--complaints", CrmRun.slaFixture("complaints.csv"), "--events",
                CrmRun.slaFixture("complaint_events.csv"), "--customers", CrmRun.slaFixture("customers.csv"),
                "--orders", CrmRun.slaFixture("orders.csv"), "--as-of", "2026-03-04T17:00:00+08:00");

        long milestones = json.json().stream().mapToLong(line -> Math.max(1, line.get("milestones").size())).sum();
        assertThat(csv.outLines()).hasSize(1 + (int) milestones);
        assertThat(csv.err()).isEqualTo(json.err());
    }
}
