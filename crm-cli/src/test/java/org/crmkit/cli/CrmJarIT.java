package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line as users run it: {@code target/crm.jar} with {@code java -jar}, and
 * the repository's {@code ./crm} launcher, each as a real process with the {@code java} of the
 * build. Runs in {@code mvn verify}, after {@code package}.
 */
class CrmJarIT {
    private static final Path JAR = Path.of(System.getProperty("crm.jar", "target/crm.jar")).toAbsolutePath();
    private static final Path LAUNCHER = Path.of(System.getProperty("crm.launcher", "../crm")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIER_ON_FIXTURES = List.of("tier",
            "--customers", CrmRun.fixture("customers.csv"), "--orders", CrmRun.fixture("orders.csv"),
            "--interactions", CrmRun.fixture("interactions.csv"), "--as-of", "2026-03-31");

    @TempDir
    Path dir;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the runnable jar; package builds it").isRegularFile();
    }

    private ProcessRun crm(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA, "-jar", JAR.toString()));
        command.addAll(args);
        return ProcessRun.run(dir, Map.of(), command);
    }

    private static List<JsonNode> json(ProcessRun run) {
        return run.outLines().stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }

    private static void assertTierOnFixtures(ProcessRun run) {
        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(json(run)).extracting(line -> line.get("customer_id").asText())
                .containsExactly("c-001", "c-002", "c-003", "c-004", "c-005");
        assertThat(json(run)).allSatisfy(line -> {
            assertThat(line.get("as_of").asText()).isEqualTo("2026-03-31");
            assertThat(line.get("policy").asText()).isEqualTo("standard@2026.1");
        });
        assertThat(run.errLines()).startsWith(
                "crm tier: 5 customers as of 2026-03-31, policy standard@2026.1, metrics over 2025-04-01..2026-03-31",
                "  tier      customers   share  expected");
    }

    @Test
    void tierOnTheFixturesPrintsFiveJsonLinesAndTheSummaryOnStandardError() throws Exception {
        ProcessRun run = crm(TIER_ON_FIXTURES);

        assertTierOnFixtures(run);
        assertThat(run.outLines()).hasSize(5);
    }

    @Test
    void slaOnTheFixturesPrintsOneJsonLinePerCaseWithItsMilestones() throws Exception {
        ProcessRun run = crm(List.of("sla", "--complaints", CrmRun.slaFixture("complaints.csv"),
                "--events", CrmRun.slaFixture("complaint_events.csv"), "--customers", CrmRun.slaFixture("customers.csv"),
                "--orders", CrmRun.slaFixture("orders.csv"), "--as-of", "2026-03-04T17:00:00+08:00"));

        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(json(run)).extracting(line -> line.get("complaint_id").asText())
                .containsExactly("k-01", "k-02", "k-03", "k-04", "k-05", "k-06", "k-07", "k-08");
        JsonNode breached = json(run).get(1).get("milestones").get(1);
        assertThat(breached.get("name").asText()).isEqualTo("solution");
        assertThat(breached.get("due_at").asText()).isEqualTo("2026-03-04T16:00:00+08:00");
        assertThat(breached.get("status").asText()).isEqualTo("breached");
        assertThat(run.errLines()).contains("  solution              4        1        1        0        0");
    }

    @Test
    void agendaOnTheFixturesPlansTheMonthAsIcalendarWithCrlfLines() throws Exception {
        ProcessRun run = crm(List.of("agenda", "--customers", CrmRun.agendaFixture("customers.csv"),
                "--orders", CrmRun.agendaFixture("orders.csv"), "--interactions", CrmRun.agendaFixture("interactions.csv"),
                "--complaints", CrmRun.agendaFixture("complaints.csv"),
                "--events", CrmRun.agendaFixture("complaint_events.csv"),
                "--from", "2026-04-01", "--to", "2026-04-30", "--owner", "m-1", "--format", "ics"));

        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(run.out()).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("SUMMARY:monthly_visit c-002 via visit\r\n", "SUMMARY:monthly_visit c-003 via visit\r\n");
        assertThat(run.out().split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(run.errLines()).contains("crm agenda: 11 contacts planned, 4 unscheduled (3 open complaint,"
                + " 1 do-not-contact), 1 account manager assigned, 5 overdue", "crm agenda: --owner m-1: 2 contacts"
                + " written");
    }

    @Test
    void lifecycleOnTheFixturesPrintsOneJsonLinePerCustomerAndTheSummary() throws Exception {
        ProcessRun run = crm(List.of("lifecycle", "--customers", CrmRun.lifecycleFixture("customers.csv"),
                "--orders", CrmRun.lifecycleFixture("orders.csv"),
                "--interactions", CrmRun.lifecycleFixture("interactions.csv"),
                "--surveys", CrmRun.lifecycleFixture("surveys.csv"),
                "--complaints", CrmRun.lifecycleFixture("complaints.csv"),
                "--events", CrmRun.lifecycleFixture("complaint_events.csv"), "--as-of", "2026-03-31"));

        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(json(run)).extracting(line -> line.get("customer_id").asText())
                .containsExactly("c-01", "c-02", "c-03", "c-04", "c-05", "c-06", "c-07", "c-08");
        assertThat(json(run).get(0).get("stage").asText()).isEqualTo("acquisition");
        assertThat(json(run).get(6).get("relationship_level").asText()).isEqualTo("vision");
        assertThat(run.errLines()).startsWith("crm lifecycle: 8 customers as of 2026-03-31, policy standard@2026.1,"
                + " metrics over 2025-04-01..2026-03-31", "  stage       customers   share");
    }

    @Test
    void clvFitOnTheCdnowSummaryPrintsOneJsonLinePerModelAndTheChoice() throws Exception {
        ProcessRun run = crm(List.of("clv", "fit", "--summary", Cdnow.summaryWithSpend()));

        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(json(run)).extracting(line -> line.get("model").asText())
                .containsExactly("bgnbd", "pareto_nbd", "gamma_gamma");
        assertThat(json(run).get(0).get("r").doubleValue()).isCloseTo(0.243, within(0.005));
        assertThat(json(run).get(0).get("log_likelihood").doubleValue()).isCloseTo(-9582.4, within(0.1));
        assertThat(run.errLines()).last().asString().startsWith("crm clv fit: chosen: bgnbd, the policy's clv.model");
    }

    @Test
    void aBadFileExitsWithTwoAndPrintsNothingOnStandardOutput() throws Exception {
        Path orders = Files.writeString(dir.resolve("orders.csv"),
                "order_id,customer_id,order_date,amount,currency\no-1,c-001,2026-01-10,\"12,50\",CNY\n");

        ProcessRun run = crm(List.of("tier", "--customers", CrmRun.fixture("customers.csv"), "--orders",
                orders.toString(), "--as-of", "2026-03-31"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                orders + ":2: column 'amount': not a decimal amount: '12,50'",
                "crm tier: 1 error in the input files, nothing written");
    }

    @Test
    void nightlyRunsOnAnH2FileWithTheCredentialsOfTheEnvironmentAndOnlyOnce() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA, "-jar", JAR.toString(), "nightly",
                "--jdbc-url", "jdbc:h2:file:" + dir.resolve("crm"), "--as-of", "2026-03-31"));
        Map<String, String> credentials = Map.of("CRM_JDBC_USER", "crm", "CRM_JDBC_PASSWORD", "s3cret");

        ProcessRun first = ProcessRun.run(dir, credentials, command);
        ProcessRun second = ProcessRun.run(dir, credentials, command);

        assertThat(first.status()).as(first.err()).isZero();
        // Nothing on standard error: no logging backend warnings, no pool chatter.
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("tiering as of 2026-03-31 with policy standard@2026.1: complete")
                .contains("customers: 0");
        assertThat(second.status()).isZero();
        assertThat(second.out()).startsWith("tiering as of 2026-03-31 with policy standard@2026.1: already complete");
    }

    @Test
    void nightlyFindsThePostgresqlDriverInTheJarAndReportsARefusedConnectionInOneLine() throws Exception {
        ProcessRun run = crm(List.of("nightly", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/erp", "--as-of",
                "2026-03-31"));

        assertThat(run.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("crm nightly: Could not connect to the database: Connection to 127.0.0.1:1 refused");
    }

    @Test
    void versionIsTheProjectVersionWithTheCommitAndTheBuildDate() throws Exception {
        ProcessRun run = crm(List.of("--version"));

        assertThat(run.status()).isZero();
        assertThat(run.out()).matches(Pattern.quote("crm " + System.getProperty("crm.version") + " ("
                + GitHead.commitOrUnknown() + ", built ") + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\\R");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theLauncherScriptRunsTheJar() throws Exception {
        Optional<Path> bash = onPath("bash");
        assertThat(bash).as("bash on the PATH, which runs the launcher").isPresent();
        // The launcher runs the first java on PATH: make that the build's.
        String path = Path.of(ProcessRun.JAVA).getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        List<String> command = new ArrayList<>(List.of(bash.get().toString(), LAUNCHER.toString()));
        command.addAll(TIER_ON_FIXTURES);

        ProcessRun run = ProcessRun.run(dir, Map.of("PATH", path), command);

        assertTierOnFixtures(run);
    }

    @Test
    void theLauncherReadsAnInputFromAShellPipe() throws Exception {
        Optional<Path> bash = onPath("bash");
        assertThat(bash).as("bash on the PATH, which runs the launcher").isPresent();
        String path = Path.of(ProcessRun.JAVA).getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        // cat's output through a pipe into crm: no file for crm to seek in or read twice.
        List<String> command = List.of(bash.get().toString(), "-c",
                "cat \"$1\" | \"$2\" tier --customers \"$3\" --orders - --interactions \"$4\" --as-of 2026-03-31", "crm",
                CrmRun.fixture("orders.csv"), LAUNCHER.toString(), CrmRun.fixture("customers.csv"),
                CrmRun.fixture("interactions.csv"));

        ProcessRun run = ProcessRun.run(dir, Map.of("PATH", path), command);

        assertTierOnFixtures(run);
        assertThat(run.out()).isEqualTo(crm(TIER_ON_FIXTURES).out());
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .flatMap(entry -> Stream.of(Path.of(entry, program), Path.of(entry, program + ".exe")))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
