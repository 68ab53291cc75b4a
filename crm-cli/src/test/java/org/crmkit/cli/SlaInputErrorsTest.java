package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad complaint files: exit status 2, nothing on standard output, every problem on standard
 * error naming file, line and, where one column is concerned, the column. A history the SLA
 * engine rejects is reported at the line of the offending event.
 */
class SlaInputErrorsTest {
    private static final String COMPLAINTS = """
            complaint_id,customer_id,opened_at,kind,priority,cause,channel
            k-1,c-1,2026-03-02T09:00:00+08:00,complaint,P2,delivery,phone
            k-2,c-2,2026-03-02T10:00:00+08:00,inquiry,,,wechat
            """;
    private static final String EVENTS = """
            complaint_id,occurred_at,event,detail
            k-1,2026-03-02T09:30:00+08:00,responded,
            k-1,2026-03-02T10:00:00+08:00,paused,
            k-2,2026-03-02T10:20:00+08:00,responded,
            k-1,2026-03-02T11:00:00+08:00,resumed,
            """;
    private static final String CUSTOMERS = """
            customer_id,name,created_on
            c-1,Alpha,2025-01-01
            c-2,Beta,2025-01-01
            """;
    private static final String ORDERS = """
            order_id,customer_id,order_date,amount,currency
            o-1,c-1,2026-01-10,100.00,CNY
            """;
    private static final String SUMMARY_OF_ONE = "crm sla: 1 error in the input files, nothing written";
    private static final String EVENTS_HEADER = "complaint_id,occurred_at,event,detail\n";

    @TempDir
    Path dir;

    @BeforeEach
    void writeValidFiles() throws IOException {
        Files.writeString(dir.resolve("complaints.csv"), COMPLAINTS);
        Files.writeString(dir.resolve("complaint_events.csv"), EVENTS);
        Files.writeString(dir.resolve("customers.csv"), CUSTOMERS);
        Files.writeString(dir.resolve("orders.csv"), ORDERS);
    }

    private CrmRun sla(String... extra) {
        String[] base = {"sla", "--complaints", path("complaints.csv"), "--events", path("complaint_events.csv"),
            "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of", "2026-03-04"};
        return CrmRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    @Test
    void validFilesAreAccepted() {
        CrmRun run = sla();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(2);
    }

    static Stream<Arguments> badFiles() {
        String complaintsHeader = "complaint_id,customer_id,opened_at,kind,priority,cause,channel\n";
        return Stream.of(
                Arguments.of("missing required column", "complaints.csv", "complaint_id,customer_id\nk-1,c-1\n",
                        "complaints.csv:1: column 'opened_at': required column is missing"),
                Arguments.of("missing event column", "complaint_events.csv", "complaint_id,occurred_at\n",
                        "complaint_events.csv:1: column 'event': required column is missing"),
                Arguments.of("duplicate complaint", "complaints.csv",
                        COMPLAINTS + "k-1,c-1,2026-03-02T12:00:00+08:00,,,,\n",
                        "complaints.csv:4: column 'complaint_id': duplicate id 'k-1', first on line 2"),
                Arguments.of("opened without offset", "complaints.csv",
                        complaintsHeader + "k-1,c-1,2026-03-02T09:00:00,,,,\nk-2,c-2,2026-03-02T10:00:00+08:00,,,,\n",
                        "complaints.csv:2: column 'opened_at': timestamp has no UTC offset: '2026-03-02T09:00:00',"
                                + " expected e.g. 2026-03-02T09:15:00+08:00"),
                Arguments.of("bad kind", "complaints.csv",
                        complaintsHeader + "k-1,c-1,2026-03-02T09:00:00+08:00,question,,,\n"
                                + "k-2,c-2,2026-03-02T10:00:00+08:00,,,,\n",
                        "complaints.csv:2: column 'kind': Unknown case kind 'question', expected one of complaint,"
                                + " inquiry"),
                Arguments.of("bad priority", "complaints.csv",
                        complaintsHeader + "k-1,c-1,2026-03-02T09:00:00+08:00,,P5,,\n"
                                + "k-2,c-2,2026-03-02T10:00:00+08:00,,,,\n",
                        "complaints.csv:2: column 'priority': Unknown priority 'P5', expected one of p1, p2, p3, p4"),
                Arguments.of("bad channel", "complaints.csv",
                        complaintsHeader + "k-1,c-1,2026-03-02T09:00:00+08:00,,,,fax\n"
                                + "k-2,c-2,2026-03-02T10:00:00+08:00,,,,\n",
                        "complaints.csv:2: column 'channel': Unknown channel 'fax', expected one of visit, video,"
                                + " phone, online, sms, email, wechat, event"),
                Arguments.of("unknown customer", "complaints.csv",
                        COMPLAINTS + "k-3,c-9,2026-03-02T12:00:00+08:00,,,,\n",
                        "complaints.csv:4: column 'customer_id': unknown customer 'c-9', not in {customers}"),
                Arguments.of("event of an unknown complaint", "complaint_events.csv",
                        EVENTS + "k-7,2026-03-02T12:00:00+08:00,responded,\n",
                        "complaint_events.csv:6: column 'complaint_id': unknown complaint 'k-7', not in {complaints}"),
                Arguments.of("unknown event", "complaint_events.csv",
                        EVENTS + "k-1,2026-03-02T12:00:00+08:00,escalated,\n",
                        "complaint_events.csv:6: column 'event': Unknown case event 'escalated', expected one of"
                                + " responded, solution_proposed, resolved, feedback_received, paused, resumed,"
                                + " reopened, closed, priority_changed"),
                Arguments.of("bad event timestamp", "complaint_events.csv",
                        EVENTS + "k-1,tomorrow,resolved,\n",
                        "complaint_events.csv:6: column 'occurred_at': not an ISO-8601 timestamp with offset"
                                + " (e.g. 2026-03-02T09:15:00+08:00): 'tomorrow'"),
                Arguments.of("bad priority in a priority change", "complaint_events.csv",
                        EVENTS + "k-1,2026-03-02T12:00:00+08:00,priority_changed,urgent\n",
                        "complaint_events.csv:6: column 'detail': Unknown priority 'urgent', expected one of p1, p2,"
                                + " p3, p4"),
                Arguments.of("priority change without priority", "complaint_events.csv",
                        EVENTS + "k-1,2026-03-02T12:00:00+08:00,priority_changed,\n",
                        "complaint_events.csv:6: column 'detail': a priority_changed event of case 'k-1' needs the"
                                + " new priority as its detail"),
                Arguments.of("events out of order", "complaint_events.csv",
                        EVENTS_HEADER + "k-1,2026-03-02T09:30:00+08:00,responded,\n"
                                + "k-2,2026-03-02T10:20:00+08:00,responded,\n"
                                + "k-1,2026-03-02T09:20:00+08:00,solution_proposed,\n",
                        "complaint_events.csv:4: complaint 'k-1': solution_proposed at 2026-03-02T09:20+08:00 is"
                                + " earlier than the event before it; events must be in the order they happened"),
                Arguments.of("resumed without paused", "complaint_events.csv",
                        EVENTS_HEADER + "k-1,2026-03-02T09:30:00+08:00,responded,\n"
                                + "k-1,2026-03-02T10:00:00+08:00,resumed,\n",
                        "complaint_events.csv:3: complaint 'k-1': resumed at 2026-03-02T10:00+08:00 without a pause"
                                + " to end"),
                Arguments.of("paused twice", "complaint_events.csv",
                        EVENTS_HEADER + "k-1,2026-03-02T09:30:00+08:00,paused,\n"
                                + "k-1,2026-03-02T10:00:00+08:00,paused,\n",
                        "complaint_events.csv:3: complaint 'k-1': paused at 2026-03-02T10:00+08:00: the case is"
                                + " already paused"),
                Arguments.of("event before the opening", "complaint_events.csv",
                        EVENTS_HEADER + "k-2,2026-03-02T09:59:00+08:00,responded,\n",
                        "complaint_events.csv:2: complaint 'k-2': responded at 2026-03-02T09:59+08:00 is before the"
                                + " case was opened at 2026-03-02T10:00+08:00"),
                Arguments.of("event after the closing", "complaint_events.csv",
                        EVENTS_HEADER + "k-1,2026-03-02T09:30:00+08:00,closed,\n"
                                + "k-1,2026-03-02T09:40:00+08:00,responded,\n",
                        "complaint_events.csv:3: complaint 'k-1': responded at 2026-03-02T09:40+08:00 follows the"
                                + " closing of the case; only reopened may"),
                Arguments.of("reopened before resolution", "complaint_events.csv",
                        EVENTS_HEADER + "k-1,2026-03-02T09:30:00+08:00,reopened,\n",
                        "complaint_events.csv:2: complaint 'k-1': reopened at 2026-03-02T09:30+08:00: only a resolved"
                                + " or closed case can be reopened"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileExitsWithTwoAndNamesFileLineAndColumn(String what, String file, String content, String message)
            throws IOException {
        Files.writeString(dir.resolve(file), content);

        CrmRun run = sla();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(dir + "/" + message.replace("{customers}", path("customers.csv"))
                .replace("{complaints}", path("complaints.csv")), SUMMARY_OF_ONE);
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnceInFileAndLineOrder() throws IOException {
        Files.writeString(dir.resolve("complaints.csv"), COMPLAINTS + "k-3,c-1,2026-03-02T11:00:00+08:00,,P0,,\n");
        Files.writeString(dir.resolve("complaint_events.csv"), EVENTS_HEADER
                + "k-2,2026-03-02T10:30:00+08:00,resumed,\n"
                + "k-9,2026-03-02T10:30:00+08:00,responded,\n"
                + "k-1,2026-03-02T09:30:00+08:00,responded,\n"
                + "k-1,2026-03-02T09:10:00+08:00,resolved,\n");
        Files.writeString(dir.resolve("orders.csv"), ORDERS + "o-2,c-2,2026-01-10,5.00,USD\n");

        CrmRun run = sla();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                path("complaints.csv") + ":4: column 'priority': Unknown priority 'P0', expected one of p1, p2, p3, p4",
                path("complaint_events.csv") + ":2: complaint 'k-2': resumed at 2026-03-02T10:30+08:00 without a"
                        + " pause to end",
                path("complaint_events.csv") + ":3: column 'complaint_id': unknown complaint 'k-9', not in "
                        + path("complaints.csv"),
                path("complaint_events.csv") + ":5: complaint 'k-1': resolved at 2026-03-02T09:10+08:00 is earlier"
                        + " than the event before it; events must be in the order they happened",
                path("orders.csv") + ":3: column 'currency': currency USD does not match the policy's currency CNY"
                        + " and the policy has no exchange rate for USD",
                "crm sla: 5 errors in the input files, nothing written");
    }

    @Test
    void aCaseWithABadEventRowIsNotAlsoReportedAsABrokenHistory() throws IOException {
        // The pause's row is bad: the resume after it must not be reported as "without a pause".
        Files.writeString(dir.resolve("complaint_events.csv"), EVENTS_HEADER
                + "k-1,2026-03-02T09:30:00+08:00,pause,\n"
                + "k-1,2026-03-02T10:00:00+08:00,resumed,\n");

        CrmRun run = sla();

        assertThat(run.errLines()).containsExactly(path("complaint_events.csv") + ":2: column 'event': Unknown case"
                        + " event 'pause', expected one of responded, solution_proposed, resolved, feedback_received,"
                        + " paused, resumed, reopened, closed, priority_changed",
                SUMMARY_OF_ONE);
    }

    @Test
    void theReviewReportsTheSameProblems() throws IOException {
        Files.writeString(dir.resolve("complaint_events.csv"), EVENTS_HEADER
                + "k-1,2026-03-02T10:00:00+08:00,resumed,\n");

        CrmRun run = CrmRun.of("sla", "review", "--week", "2026-W10", "--complaints", path("complaints.csv"),
                "--events", path("complaint_events.csv"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(path("complaint_events.csv") + ":2: complaint 'k-1': resumed at"
                + " 2026-03-02T10:00+08:00 without a pause to end",
                "crm sla review: 1 error in the input files, nothing written");
    }

    @Test
    void withoutCustomerFilesCustomersAreNotChecked() throws IOException {
        Files.writeString(dir.resolve("complaints.csv"), COMPLAINTS + "k-3,c-9,2026-03-02T12:00:00+08:00,,,,\n");

        CrmRun run = CrmRun.of("sla", "--complaints", path("complaints.csv"), "--events", path("complaint_events.csv"),
                "--as-of", "2026-03-04");

        assertThat(run.status()).isZero();
        assertThat(run.json()).hasSize(3);
    }

    @Test
    void aMissingFileIsReported() {
        CrmRun run = CrmRun.of("sla", "--complaints", path("nope.csv"), "--events", path("complaint_events.csv"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(path("nope.csv") + ": no such file", SUMMARY_OF_ONE);
    }
}
