package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input, bad options and policies without the sections {@code crm lifecycle} needs: exit
 * status 2, nothing on standard output, the problem on standard error.
 */
class LifecycleInputErrorsTest {
    private static final String CUSTOMERS = """
            customer_id,name,created_on
            c-1,Alpha,2025-01-01
            c-2,Beta,2025-02-01
            """;
    private static final String ORDERS = """
            order_id,customer_id,order_date,amount,currency
            o-1,c-1,2026-01-10,100.00,CNY
            """;
    private static final String SURVEYS = """
            customer_id,answered_at,csat,nps
            c-1,2026-02-01T10:00:00+08:00,4,
            """;
    private static final String COMPLAINTS = """
            complaint_id,customer_id,opened_at
            k-1,c-1,2026-03-02T10:00:00+08:00
            """;
    private static final String EVENTS = """
            complaint_id,occurred_at,event
            k-1,2026-03-02T10:30:00+08:00,responded
            """;
    private static final String SUMMARY_OF_ONE = "crm lifecycle: 1 error in the input files, nothing written";

    @TempDir
    Path dir;

    @BeforeEach
    void writeValidFiles() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), CUSTOMERS);
        Files.writeString(dir.resolve("orders.csv"), ORDERS);
        Files.writeString(dir.resolve("surveys.csv"), SURVEYS);
        Files.writeString(dir.resolve("complaints.csv"), COMPLAINTS);
        Files.writeString(dir.resolve("complaint_events.csv"), EVENTS);
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    private CrmRun lifecycle(String... extra) {
        List<String> args = new ArrayList<>(List.of("lifecycle", "--customers", path("customers.csv"),
                "--orders", path("orders.csv"), "--surveys", path("surveys.csv"), "--as-of", "2026-03-31"));
        args.addAll(List.of(extra));
        return CrmRun.of(args.toArray(String[]::new));
    }

    private CrmRun withCases(String... extra) {
        List<String> args = new ArrayList<>(List.of("--complaints", path("complaints.csv"),
                "--events", path("complaint_events.csv")));
        args.addAll(List.of(extra));
        return lifecycle(args.toArray(String[]::new));
    }

    @Test
    void validFilesAreAccepted() {
        CrmRun run = withCases();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(2);
    }

    @Test
    void aBadSurveysRowIsReportedWithFileLineAndColumnAndNothingIsWritten() throws IOException {
        Files.writeString(dir.resolve("surveys.csv"), SURVEYS + "c-2,2026-02-02T10:00:00+08:00,7,\n");

        CrmRun run = lifecycle();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                path("surveys.csv") + ":3: column 'csat': score must be 1 to 5, was '7'", SUMMARY_OF_ONE);
    }

    @Test
    void anAnswerWithoutScoresAndOneOfAnUnknownCustomerAreReportedTogether() throws IOException {
        Files.writeString(dir.resolve("surveys.csv"), SURVEYS + "c-2,2026-02-02T10:00:00+08:00,,\n"
                + "c-9,2026-02-03T10:00:00+08:00,,10\n");

        CrmRun run = lifecycle();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                path("surveys.csv") + ":3: an answer needs a csat or an nps score, both are empty",
                path("surveys.csv") + ":4: column 'customer_id': unknown customer 'c-9', not in "
                        + path("customers.csv"),
                "crm lifecycle: 2 errors in the input files, nothing written");
    }

    @Test
    void problemsOfEveryFileAreReportedAtOnceCaseFilesFirst() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), ORDERS + "o-2,c-2,2026-01-11,12;50,CNY\n");
        Files.writeString(dir.resolve("surveys.csv"), SURVEYS + "c-1,2026-02-01T02:00:00Z,5,\n");
        Files.writeString(dir.resolve("complaints.csv"), COMPLAINTS + "k-2,c-3,2026-03-03T10:00:00+08:00\n");

        CrmRun run = withCases();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                path("complaints.csv") + ":3: column 'customer_id': unknown customer 'c-3', not in "
                        + path("customers.csv"),
                path("orders.csv") + ":3: column 'amount': not a decimal amount: '12;50'",
                path("surveys.csv") + ":3: column 'answered_at': duplicate answer of customer 'c-1' at"
                        + " '2026-02-01T02:00:00Z', first on line 2",
                "crm lifecycle: 3 errors in the input files, nothing written");
    }

    @Test
    void anImpossibleCaseHistoryIsReportedAtTheLineOfItsEvent() throws IOException {
        Files.writeString(dir.resolve("complaint_events.csv"), EVENTS
                + "k-1,2026-03-02T11:00:00+08:00,resumed\n");

        CrmRun run = withCases();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(2).first().asString()
                .startsWith(path("complaint_events.csv") + ":3: complaint 'k-1': resumed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--complaints", "--events"})
    void complaintsAndEventsGoTogether(String given) {
        CrmRun run = lifecycle(given, path(given.equals("--complaints") ? "complaints.csv" : "complaint_events.csv"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm lifecycle: --complaints and --events go together: complaints need their events",
                "Try 'crm lifecycle --help' for more information.");
    }

    @Test
    void customersAndOrdersAreRequired() {
        CrmRun run = CrmRun.of("lifecycle", "--customers", path("customers.csv"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("crm lifecycle: Missing required option: '--orders=FILE'",
                "Try 'crm lifecycle --help' for more information.");
    }

    /** The standard policy without one top-level section: its lines up to the next top-level key. */
    private static String standardWithout(String section) {
        List<String> kept = new ArrayList<>();
        boolean inSection = false;
        for (String line : PolicyLoader.standardText().split("\n", -1)) {
            if (line.startsWith(section + ":")) {
                inSection = true;
            } else if (inSection && !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                inSection = false;
            }
            if (!inSection) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lifecycle", "relationship"})
    void aPolicyWithoutASectionTheAnalysisNeedsIsBadInputReportedBeforeAnyFileIsRead(String section)
            throws IOException {
        Path policy = Files.writeString(dir.resolve("no-" + section + ".yaml"), standardWithout(section));
        Files.delete(dir.resolve("orders.csv"));

        CrmRun run = lifecycle("--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("crm lifecycle: Policy standard@2026.1 has no " + section
                + " section; the standard policy's is a starting point (crm policy show)");
    }

    @Test
    void anInvalidPolicyIsReportedAsSuch() throws IOException {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), PolicyLoader.standardText()
                .replace("high_risk: 0.6", "high_risk: 1.6"));

        CrmRun run = lifecycle("--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Invalid policy: " + policy).contains("high_risk");
    }
}
