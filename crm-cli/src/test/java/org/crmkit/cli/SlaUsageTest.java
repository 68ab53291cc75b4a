package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors of {@code crm sla} and {@code crm sla review}: exit 2, the message and a hint, nothing on standard output. */
class SlaUsageTest {
    private static final String COMPLAINTS = CrmRun.slaFixture("complaints.csv");
    private static final String EVENTS = CrmRun.slaFixture("complaint_events.csv");

    private static void assertUsageError(CrmRun run, String command, String message) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(command + ": " + message,
                "Try '" + command + " --help' for more information.");
    }

    @Test
    void theCaseFilesAreRequired() {
        assertUsageError(CrmRun.of("sla", "--complaints", COMPLAINTS), "crm sla",
                "Missing required option: '--events=FILE'");
        assertUsageError(CrmRun.of("sla", "review", "--week", "2026-W10"), "crm sla review",
                "Missing required options: '--complaints=FILE', '--events=FILE'");
    }

    @Test
    void customersAndOrdersComeTogether() {
        assertUsageError(CrmRun.of("sla", "--complaints", COMPLAINTS, "--events", EVENTS, "--customers", "c.csv"),
                "crm sla", "--customers and --orders go together: tiers need both, or neither for unknown tiers");
        assertUsageError(CrmRun.of("sla", "--complaints", COMPLAINTS, "--events", EVENTS, "--interactions", "i.csv"),
                "crm sla", "--interactions needs --customers and --orders");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-03-02T18:00        | timestamp has no UTC offset: '2026-03-02T18:00', expected e.g. 2026-03-02T18:00:00+08:00",
        "02.03.2026              | not a timestamp with offset (e.g. 2026-03-02T18:00:00+08:00) or an ISO date (YYYY-MM-DD): '02.03.2026'",
        "10000-01-01T00:00+08:00 | not a timestamp with offset (e.g. 2026-03-02T18:00:00+08:00) or an ISO date (YYYY-MM-DD): '10000-01-01T00:00+08:00'",
    })
    void asOfIsATimestampWithOffsetOrADate(String asOf, String message) {
        assertUsageError(CrmRun.of("sla", "--complaints", COMPLAINTS, "--events", EVENTS, "--as-of", asOf),
                "crm sla", "Invalid value for option '--as-of': " + message);
    }

    @ParameterizedTest
    @CsvSource({"2026-10", "2026-W54", "2026-W1", "W10", "2026-W00"})
    void aBadWeekIsAUsageError(String week) {
        assertUsageError(CrmRun.of("sla", "review", "--week", week, "--complaints", COMPLAINTS, "--events", EVENTS),
                "crm sla review", "Invalid value for option '--week': week must be an ISO week such as 2026-W10, was '"
                        + week + "'");
    }

    @Test
    void weekAndAsOfBothChooseTheWeek() {
        assertUsageError(CrmRun.of("sla", "review", "--week", "2026-W10", "--as-of", "2026-03-10", "--complaints",
                COMPLAINTS, "--events", EVENTS), "crm sla review", "--week and --as-of both choose the week: give one of"
                + " them");
    }

    @Test
    void helpExplainsTheTiersTheAsOfMomentAndTheReview() {
        CrmRun sla = CrmRun.of("sla", "--help");
        CrmRun review = CrmRun.of("sla", "review", "--help");

        assertThat(sla.status()).isZero();
        // Help text is wrapped at 80 columns: compare it with single spaces.
        assertThat(sla.out().replaceAll("\\s+", " ")).contains("Usage: crm sla --complaints=FILE --events=FILE")
                .contains("or: crm sla review")
                .contains("Without them every tier is unknown and only the targets that name no tier apply")
                .contains("meaning the end of that day in the policy's time zone");
        assertThat(review.status()).isZero();
        assertThat(review.out()).contains("Usage: crm sla review").contains("--week=WEEK")
                .contains("repeat_complainer");
    }

    @Test
    void anAsOfBeforeThePolicyTakesEffectIsWarnedAbout() {
        CrmRun run = CrmRun.of("sla", "--complaints", COMPLAINTS, "--events", EVENTS, "--as-of", "2025-12-31");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).startsWith(
                "crm sla: warning: as-of day 2025-12-31 is before the policy's effective_from 2026-01-01",
                "crm sla: 0 cases as of 2025-12-31T23:59:59.999999999+08:00, policy standard@2026.1, tiers unknown (no"
                        + " --customers and --orders): only targets that name no tier apply",
                "crm sla: note: 9 cases opened after the as-of moment left out");
    }
}
