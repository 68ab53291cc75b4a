package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code crm agenda} and its subcommands: usage errors, bad files and a policy that
 * plans nothing. Every one exits with 2, prints nothing on standard output and says what is wrong
 * on standard error, files with file, line and column.
 */
class AgendaInputErrorsTest {
    private static final String CUSTOMERS = """
            customer_id,name,created_on,preferred_days,do_not_contact
            c-1,Alpha,2025-01-01,SAT;SUN,
            c-2,Beta,2025-01-01,,email
            """;
    private static final String ORDERS = """
            order_id,customer_id,order_date,amount,currency
            o-1,c-1,2026-01-10,100.00,CNY
            """;
    private static final String INTERACTIONS = """
            interaction_id,customer_id,occurred_at,channel,kind
            i-1,c-1,2026-03-02T09:15:00+08:00,sms,message
            """;
    private static final String COMPLAINTS = """
            complaint_id,customer_id,opened_at
            k-1,c-2,2026-03-02T09:00:00+08:00
            """;
    private static final String EVENTS = """
            complaint_id,occurred_at,event
            k-1,2026-03-02T09:30:00+08:00,responded
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeValidFiles() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), CUSTOMERS);
        Files.writeString(dir.resolve("orders.csv"), ORDERS);
        Files.writeString(dir.resolve("interactions.csv"), INTERACTIONS);
        Files.writeString(dir.resolve("complaints.csv"), COMPLAINTS);
        Files.writeString(dir.resolve("complaint_events.csv"), EVENTS);
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    private CrmRun agenda(String... extra) {
        List<String> args = new ArrayList<>(List.of("agenda", "--customers", path("customers.csv"), "--orders",
                path("orders.csv"), "--interactions", path("interactions.csv"), "--complaints",
                path("complaints.csv"), "--events", path("complaint_events.csv")));
        args.addAll(List.of(extra));
        return CrmRun.of(args.toArray(String[]::new));
    }

    private static void assertUsageError(CrmRun run, String command, String message) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(command + ": " + message,
                "Try '" + command + " --help' for more information.");
    }

    @Test
    void validFilesAreAccepted() {
        CrmRun run = agenda("--from", "2026-04-01", "--to", "2026-04-30");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).isNotEmpty();
    }

    @Test
    void theFilesAndTheLastDayAreRequired() {
        assertUsageError(CrmRun.of("agenda", "--customers", "c.csv"), "crm agenda",
                "Missing required options: '--orders=FILE', '--interactions=FILE', '--to=DATE'");
        assertUsageError(CrmRun.of("agenda", "overdue", "--customers", "c.csv", "--orders", "o.csv", "--interactions",
                "i.csv"), "crm agenda overdue", "Missing required option: '--to=DATE'");
    }

    @Test
    void complaintsAndEventsComeTogether() {
        assertUsageError(CrmRun.of("agenda", "unscheduled", "--customers", "c.csv", "--orders", "o.csv",
                        "--interactions", "i.csv", "--to", "2026-04-30", "--complaints", "k.csv"),
                "crm agenda unscheduled", "--complaints and --events go together: open complaints need both");
    }

    @Test
    void theLastDayMustNotBeBeforeTheFirst() {
        assertUsageError(agenda("--from", "2026-04-01", "--to", "2026-03-31"), "crm agenda",
                "--to (2026-03-31) is before the plan's first day (2026-04-01)");
        // Without --from the first day is today: 2026-03-31 by the test clock.
        assertUsageError(agenda("--to", "2026-03-30"), "crm agenda",
                "--to (2026-03-30) is before the plan's first day (2026-03-31)");
    }

    @Test
    void aPlanOfMoreThan366DaysIsAUsageError() {
        assertUsageError(agenda("--from", "2026-01-01", "--to", "2027-01-02"), "crm agenda",
                "the plan 2026-01-01..2027-01-02 has 367 days; plan at most 366 days at a time");
        CrmRun leapYear = agenda("--from", "2028-01-01", "--to", "2028-12-31");
        assertThat(leapYear.status()).as(leapYear.err()).isZero();
    }

    @Test
    void fromAndAsOfMustAgree() {
        assertUsageError(agenda("--from", "2026-04-01", "--as-of", "2026-04-02", "--to", "2026-04-30"), "crm agenda",
                "--from (2026-04-01) and --as-of (2026-04-02) both name the plan's first day: give one of them");
        CrmRun same = agenda("--from", "2026-04-01", "--as-of", "2026-04-01", "--to", "2026-04-30");
        assertThat(same.status()).as(same.err()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--from  | 2026-4-1   | not an ISO date (YYYY-MM-DD): '2026-4-1'",
        "--to    | 30.04.2026 | not an ISO date (YYYY-MM-DD): '30.04.2026'",
        "--as-of | tomorrow   | not an ISO date (YYYY-MM-DD): 'tomorrow'",
        "--format| xml        | expected one of jsonl, csv, ics, was 'xml'",
    })
    void badOptionValuesAreUsageErrors(String option, String value, String message) {
        assertUsageError(agenda(option, value), "crm agenda", "Invalid value for option '" + option + "': " + message);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("customers.csv", "customer_id,name\nc-1,Alpha\n",
                        "customers.csv:1: column 'created_on': required column is missing"),
                Arguments.of("customers.csv", CUSTOMERS + "c-3,Gamma,2025-01-01,SAT;HOLIDAY,\n",
                        "customers.csv:4: column 'preferred_days': Unknown day 'HOLIDAY', expected MON, TUE,"
                                + " WED, THU, FRI, SAT or SUN"),
                Arguments.of("customers.csv", CUSTOMERS + "c-3,Gamma,2025-01-01,,fax\n",
                        "customers.csv:4: column 'do_not_contact': Unknown channel 'fax', expected one of visit, video,"
                                + " phone, online, sms, email, wechat, event"),
                Arguments.of("interactions.csv", INTERACTIONS + "i-2,c-9,2026-03-02T09:15:00+08:00,sms,message\n",
                        "interactions.csv:3: column 'customer_id': unknown customer 'c-9', not in {customers}"),
                Arguments.of("interactions.csv", INTERACTIONS + "i-2,c-1,2026-03-02T09:15:00+08:00,fax,message\n",
                        "interactions.csv:3: column 'channel': Unknown channel 'fax', expected one of visit, video,"
                                + " phone, online, sms, email, wechat, event"),
                Arguments.of("complaints.csv", COMPLAINTS + "k-2,c-9,2026-03-02T09:00:00+08:00\n",
                        "complaints.csv:3: column 'customer_id': unknown customer 'c-9', not in {customers}"),
                Arguments.of("complaint_events.csv", EVENTS + "k-1,2026-03-02T09:40:00+08:00,resumed\n",
                        "complaint_events.csv:3: complaint 'k-1': resumed at 2026-03-02T09:40+08:00 without a pause"
                                + " to end"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsReportedWithFileLineAndColumnAndNothingIsWritten(String file, String content, String problem)
            throws IOException {
        Files.writeString(dir.resolve(file), content);

        CrmRun run = agenda("--from", "2026-04-01", "--to", "2026-04-30");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(dir.resolve(problem.substring(0, problem.indexOf(':')))
                + problem.substring(problem.indexOf(':')).replace("{customers}", path("customers.csv")),
                "crm agenda: 1 error in the input files, nothing written");
    }

    @Test
    void aPolicyWithoutCadencesPlansNothingAndSaysSo() throws IOException {
        String standard = PolicyLoader.standardText();
        Path policy = Files.writeString(dir.resolve("no-cadences.yaml"), standard.substring(0,
                standard.indexOf("\n# Contact cadences per tier.")) + "\n");

        CrmRun run = agenda("--from", "2026-04-01", "--to", "2026-04-30", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("crm agenda: policy standard@2026.1 has no cadences section: it"
                + " plans no contacts");
    }

    @Test
    void aBadPolicyIsReportedAsSuch() throws IOException {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), PolicyLoader.standardText()
                .replace("every: 1 month, owner: account_manager", "every: monthly, owner: account_manager"));

        CrmRun run = agenda("--from", "2026-04-01", "--to", "2026-04-30", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("bad.yaml:").contains("every").contains("'monthly'");
    }
}
