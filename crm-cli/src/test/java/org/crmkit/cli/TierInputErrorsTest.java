package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.StaffId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input files: exit status 2, nothing on standard output, and every problem on standard
 * error naming file, line and column.
 */
class TierInputErrorsTest {
    private static final String CUSTOMERS = """
            customer_id,name,created_on
            c-1,Alpha,2025-01-01
            c-2,Beta,2025-02-01
            """;
    private static final String ORDERS = """
            order_id,customer_id,order_date,amount,currency
            o-1,c-1,2026-01-10,100.00,CNY
            """;
    private static final String INTERACTIONS = """
            interaction_id,customer_id,occurred_at,channel,kind
            i-1,c-1,2026-03-02T09:15:00+08:00,phone,inquiry
            """;
    private static final String SUMMARY_OF_ONE = "crm tier: 1 error in the input files, nothing written";

    @TempDir
    Path dir;

    @BeforeEach
    void writeValidFiles() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), CUSTOMERS);
        Files.writeString(dir.resolve("orders.csv"), ORDERS);
        Files.writeString(dir.resolve("interactions.csv"), INTERACTIONS);
    }

    private CrmRun tier() {
        return CrmRun.of("tier", "--customers", path("customers.csv"), "--orders", path("orders.csv"),
                "--interactions", path("interactions.csv"), "--as-of", "2026-03-31");
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    @Test
    void validFilesAreAccepted() {
        CrmRun run = tier();

        assertThat(run.status()).isZero();
        assertThat(run.json()).hasSize(2);
    }

    static Stream<Arguments> badFiles() {
        String customersHeader = "customer_id,name,created_on,time_zone,preferred_channel,preferred_days,"
                + "preferred_hours,do_not_contact,strategic_agreement,account_manager\n";
        String ordersHeader = "order_id,customer_id,order_date,amount,currency,quantity\n";
        String interactionsHeader = "interaction_id,customer_id,occurred_at,channel,kind,staff_id\n";
        return Stream.of(
                Arguments.of("missing required column", "customers.csv", "customer_id,name\nc-1,Alpha\n",
                        "customers.csv:1: column 'created_on': required column is missing"),
                Arguments.of("column twice in the header", "orders.csv",
                        "order_id,customer_id,order_date,amount,currency,amount\no-1,c-1,2026-01-10,1,CNY,2\n",
                        "orders.csv:1: column 'amount': appears twice in the header (fields 4 and 6)"),
                Arguments.of("empty file", "orders.csv", "",
                        "orders.csv:1: no header row: the file is empty"),
                Arguments.of("empty required value", "orders.csv", ordersHeader + "o-1,c-1, ,100.00,CNY,\n",
                        "orders.csv:2: column 'order_date': required value is empty"),
                Arguments.of("bad date", "customers.csv", customersHeader + "c-1,Alpha,01/02/2025,,,,,,,\n",
                        "customers.csv:2: column 'created_on': not an ISO date (YYYY-MM-DD): '01/02/2025'"),
                Arguments.of("impossible date", "orders.csv", ordersHeader + "o-1,c-1,2026-02-30,100.00,CNY,\n",
                        "orders.csv:2: column 'order_date': not an ISO date (YYYY-MM-DD): '2026-02-30'"),
                Arguments.of("date before year 1", "customers.csv",
                        customersHeader + "c-1,Alpha,-999999999-01-01,,,,,,,\n",
                        "customers.csv:2: column 'created_on': year must be between 1 and 9999, was"
                                + " '-999999999-01-01'"),
                Arguments.of("date in year 0", "orders.csv", ordersHeader + "o-1,c-1,0000-12-31,100.00,CNY,\n",
                        "orders.csv:2: column 'order_date': year must be between 1 and 9999, was '0000-12-31'"),
                Arguments.of("date after year 9999", "orders.csv",
                        ordersHeader + "o-1,c-1,+999999999-12-31,100.00,CNY,\n",
                        "orders.csv:2: column 'order_date': year must be between 1 and 9999, was"
                                + " '+999999999-12-31'"),
                Arguments.of("date in year 10000", "orders.csv", ordersHeader + "o-1,c-1,+10000-01-01,100.00,CNY,\n",
                        "orders.csv:2: column 'order_date': year must be between 1 and 9999, was '+10000-01-01'"),
                Arguments.of("timestamp after year 9999", "interactions.csv",
                        interactionsHeader + "i-1,c-2,+999999999-12-31T23:59:59-18:00,phone,call,\n",
                        "interactions.csv:2: column 'occurred_at': year must be between 1 and 9999, was"
                                + " '+999999999-12-31T23:59:59-18:00'"),
                Arguments.of("timestamp before year 1", "interactions.csv",
                        interactionsHeader + "i-1,c-2,-999999999-01-01T00:00:00+18:00,phone,call,\n",
                        "interactions.csv:2: column 'occurred_at': year must be between 1 and 9999, was"
                                + " '-999999999-01-01T00:00:00+18:00'"),
                Arguments.of("bad timestamp", "interactions.csv", interactionsHeader + "i-1,c-2,yesterday,phone,call,\n",
                        "interactions.csv:2: column 'occurred_at': not an ISO-8601 timestamp with offset"
                                + " (e.g. 2026-03-02T09:15:00+08:00): 'yesterday'"),
                Arguments.of("timestamp without offset", "interactions.csv",
                        interactionsHeader + "i-1,c-2,2026-03-02T09:15:00,phone,call,\n",
                        "interactions.csv:2: column 'occurred_at': timestamp has no UTC offset:"
                                + " '2026-03-02T09:15:00', expected e.g. 2026-03-02T09:15:00+08:00"),
                Arguments.of("decimal comma", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,\"12,50\",CNY,\n",
                        "orders.csv:2: column 'amount': not a decimal amount: '12,50'"),
                Arguments.of("negative amount", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,-5.00,CNY,\n",
                        "orders.csv:2: column 'amount': amount must not be negative, was '-5.00'"),
                Arguments.of("unknown currency", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,5.00,ABC,\n",
                        "orders.csv:2: column 'currency': Unknown currency 'ABC'"),
                Arguments.of("currency other than the policy's", "orders.csv",
                        ordersHeader + "o-1,c-1,2026-01-10,5.00,USD,\n",
                        "orders.csv:2: column 'currency': currency USD does not match the policy's currency CNY"
                                + " and the policy has no exchange rate for USD"),
                Arguments.of("zero quantity", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,5.00,CNY,0\n",
                        "orders.csv:2: column 'quantity': quantity must be more than zero, was '0'"),
                Arguments.of("bad quantity", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,5.00,CNY,two\n",
                        "orders.csv:2: column 'quantity': not a decimal number: 'two'"),
                Arguments.of("bad channel", "interactions.csv",
                        interactionsHeader + "i-1,c-2,2026-03-02T09:15:00+08:00,fax,call,\n",
                        "interactions.csv:2: column 'channel': Unknown channel 'fax', expected one of visit, video,"
                                + " phone, online, sms, email, wechat, event"),
                Arguments.of("bad kind", "interactions.csv",
                        interactionsHeader + "i-1,c-2,2026-03-02T09:15:00+08:00,phone,complaint,\n",
                        "interactions.csv:2: column 'kind': Unknown interaction kind 'complaint', expected one of"
                                + " inquiry, visit, call, message, meeting, survey, referral, event, trial, other"),
                Arguments.of("bad staff id", "interactions.csv",
                        interactionsHeader + "i-1,c-2,2026-03-02T09:15:00+08:00,phone,call,\"s 1\u0007\"\n",
                        // The identifier rules are crm-core's; the CLI adds where the bad value is.
                        "interactions.csv:2: column 'staff_id': " + coreMessage(() -> StaffId.of("s 1\u0007"))),
                Arguments.of("bad preferred channel", "customers.csv",
                        customersHeader + "c-1,Alpha,2025-01-01,,pigeon,,,,,\n",
                        "customers.csv:2: column 'preferred_channel': Unknown channel 'pigeon', expected one of"
                                + " visit, video, phone, online, sms, email, wechat, event"),
                Arguments.of("bad days", "customers.csv", customersHeader + "c-1,Alpha,2025-01-01,,,MON;FUNDAY,,,,\n",
                        "customers.csv:2: column 'preferred_days': Unknown day 'FUNDAY', expected MON, TUE, WED,"
                                + " THU, FRI, SAT or SUN"),
                Arguments.of("bad hours", "customers.csv", customersHeader + "c-1,Alpha,2025-01-01,,,,9-12,,,\n",
                        "customers.csv:2: column 'preferred_hours': time range must look like '09:00-12:00',"
                                + " was '9-12'"),
                Arguments.of("backwards hours", "customers.csv",
                        customersHeader + "c-1,Alpha,2025-01-01,,,,12:00-09:00,,,\n",
                        "customers.csv:2: column 'preferred_hours': time range must end after it starts,"
                                + " was '12:00-09:00'"),
                Arguments.of("bad do_not_contact", "customers.csv",
                        customersHeader + "c-1,Alpha,2025-01-01,,,,,sms;fax,,\n",
                        "customers.csv:2: column 'do_not_contact': Unknown channel 'fax', expected one of visit,"
                                + " video, phone, online, sms, email, wechat, event"),
                Arguments.of("bad strategic_agreement", "customers.csv",
                        customersHeader + "c-1,Alpha,2025-01-01,,,,,,yes,\n",
                        "customers.csv:2: column 'strategic_agreement': expected true or false, was 'yes'"),
                Arguments.of("bad time_zone", "customers.csv",
                        customersHeader + "c-1,Alpha,2025-01-01,Mars/Olympus,,,,,,\n",
                        "customers.csv:2: column 'time_zone': unknown time zone 'Mars/Olympus', expected an IANA"
                                + " name such as Asia/Shanghai"),
                Arguments.of("overlong id", "customers.csv", "customer_id,name,created_on\n"
                                + "c-" + "9".repeat(130) + ",Omega,2025-01-01\nc-1,Alpha,2025-01-01\n",
                        "customers.csv:2: column 'customer_id': "
                                + coreMessage(() -> CustomerId.of("c-" + "9".repeat(130)))),
                Arguments.of("duplicate customer id", "customers.csv",
                        "customer_id,name,created_on\nc-1,Alpha,2025-01-01\nc-2,Beta,2025-01-01\nc-1,Gamma,2025-01-01\n",
                        "customers.csv:4: column 'customer_id': duplicate id 'c-1', first on line 2"),
                Arguments.of("duplicate order id", "orders.csv",
                        ordersHeader + "o-1,c-1,2026-01-10,5.00,CNY,\no-1,c-2,2026-01-11,6.00,CNY,\n",
                        "orders.csv:3: column 'order_id': duplicate id 'o-1', first on line 2"),
                Arguments.of("duplicate interaction id", "interactions.csv", interactionsHeader
                                + "i-1,c-1,2026-03-02T09:15:00+08:00,phone,call,\n"
                                + "i-1,c-1,2026-03-03T09:15:00+08:00,phone,call,\n",
                        "interactions.csv:3: column 'interaction_id': duplicate id 'i-1', first on line 2"),
                Arguments.of("order of an unknown customer", "orders.csv",
                        ordersHeader + "o-1,c-9,2026-01-10,5.00,CNY,\n",
                        "orders.csv:2: column 'customer_id': unknown customer 'c-9', not in {customers}"),
                Arguments.of("interaction of an unknown customer", "interactions.csv",
                        interactionsHeader + "i-1,c-9,2026-03-02T09:15:00+08:00,phone,call,\n",
                        "interactions.csv:2: column 'customer_id': unknown customer 'c-9', not in {customers}"),
                Arguments.of("too few fields", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,5.00,CNY\n",
                        "orders.csv:2: row has 5 fields, the header has 6"),
                Arguments.of("too many fields", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,5.00,CNY,1,x\n",
                        "orders.csv:2: row has 7 fields, the header has 6"),
                Arguments.of("unclosed quote", "orders.csv", ordersHeader + "o-1,c-1,2026-01-10,\"5.00,CNY,1\n",
                        "orders.csv:2: column 'amount': malformed quoting: a quoted value is not closed before the"
                                + " end of the file"),
                Arguments.of("text after a closing quote", "orders.csv",
                        ordersHeader + "o-1,c-1,\"2026-01-10\"x,5.00,CNY,1\n",
                        "orders.csv:2: column 'order_date': malformed quoting: unexpected text after the closing"
                                + " quote of a value (quotes inside a quoted value are doubled: \"\")"));
    }

    private static String coreMessage(ThrowingCallable invalid) {
        return catchThrowableOfType(InvalidValueException.class, invalid).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileExitsWithTwoNamingFileLineAndColumn(String kind, String file, String content, String expected)
            throws IOException {
        Files.writeString(dir.resolve(file), content);

        CrmRun run = tier();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                dir + "/" + expected.replace("{customers}", path("customers.csv")), SUMMARY_OF_ONE);
    }

    @Test
    void missingFileIsReportedWithoutLine() throws IOException {
        Files.delete(dir.resolve("orders.csv"));

        CrmRun run = tier();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(path("orders.csv") + ": no such file", SUMMARY_OF_ONE);
    }

    @Test
    void directoryInsteadOfFileIsReported() throws IOException {
        Files.delete(dir.resolve("interactions.csv"));
        Files.createDirectory(dir.resolve("interactions.csv"));

        CrmRun run = tier();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(path("interactions.csv") + ": is a directory, not a CSV file",
                SUMMARY_OF_ONE);
    }

    @Test
    void textThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        byte[] latin1 = "customer_id,name,created_on\nc-1,Alpha,2025-01-01\nc-2,Caf\u00e9,2025-02-01\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("customers.csv"), latin1);

        CrmRun run = tier();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                path("customers.csv") + ":3: not UTF-8 text: bad byte sequence at byte offset 56", SUMMARY_OF_ONE);
    }

    @Test
    void problemsOfAllFilesAreReportedTogetherInFileAndLineOrder() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), CUSTOMERS + "c-3,Gamma,someday\n");
        Files.writeString(dir.resolve("orders.csv"), ORDERS + "o-2,c-2,2026-01-11,1.5e3,CNY\no-3,c-2,2026-01-12,7,\n");
        Files.writeString(dir.resolve("interactions.csv"), INTERACTIONS
                + "i-2,c-1,2026-03-02T09:15:00+08:00,smoke signal,call\n");

        CrmRun run = tier();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                path("customers.csv") + ":4: column 'created_on': not an ISO date (YYYY-MM-DD): 'someday'",
                path("orders.csv") + ":3: column 'amount': not a decimal amount: '1.5e3'",
                path("orders.csv") + ":4: column 'currency': required value is empty",
                path("interactions.csv") + ":3: column 'channel': Unknown channel 'smoke signal', expected one of"
                        + " visit, video, phone, online, sms, email, wechat, event",
                "crm tier: 4 errors in the input files, nothing written");
    }

    @Test
    void everyBadValueOfARowIsReported() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,order_date,amount,currency\n"
                + "o-1,c-7,2026-13-01,abc,EUR\n");

        CrmRun run = tier();

        String orders = path("orders.csv");
        assertThat(run.errLines()).containsExactly(
                orders + ":2: column 'customer_id': unknown customer 'c-7', not in " + path("customers.csv"),
                orders + ":2: column 'order_date': not an ISO date (YYYY-MM-DD): '2026-13-01'",
                orders + ":2: column 'amount': not a decimal amount: 'abc'",
                orders + ":2: column 'currency': currency EUR does not match the policy's currency CNY"
                        + " and the policy has no exchange rate for EUR",
                "crm tier: 4 errors in the input files, nothing written");
    }

    @Test
    void atMostTwentyProblemsAreShownAndTheRestCounted() throws IOException {
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (int i = 1; i <= 25; i++) {
            orders.append("o-").append(i).append(",c-1,2026-01-10,").append(i).append(",QQQ\n");
        }
        Files.writeString(dir.resolve("orders.csv"), orders);

        CrmRun run = tier();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        List<String> expected = new ArrayList<>();
        for (int line = 2; line <= 21; line++) {
            expected.add(path("orders.csv") + ":" + line + ": column 'currency': Unknown currency 'QQQ'");
        }
        expected.add("... and 5 more");
        expected.add("crm tier: 25 errors in the input files, nothing written");
        assertThat(run.errLines()).containsExactlyElementsOf(expected);
    }

    @Test
    void customerRowWithAnotherBadValueStillCountsAsKnownCustomer() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on\nc-1,Alpha,2025-01-01\n"
                + "c-2,Beta,\n");

        CrmRun run = tier();

        assertThat(run.errLines()).containsExactly(
                path("customers.csv") + ":3: column 'created_on': required value is empty", SUMMARY_OF_ONE);
    }

    @Test
    void unreadableCustomerRowsDoNotCascadeIntoUnknownCustomerErrors() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on\nc-1,Alpha,2025-01-01\n"
                + "c-2,Beta,2025-02-01,surplus\n");
        Files.writeString(dir.resolve("interactions.csv"), "interaction_id,customer_id,occurred_at,channel,kind\n"
                + "i-1,c-2,2026-03-02T09:15:00+08:00,phone,inquiry\n");

        CrmRun run = tier();

        // interactions.csv refers to c-2, whose row could not be read: only that row is reported.
        assertThat(run.errLines()).containsExactly(
                path("customers.csv") + ":3: row has 4 fields, the header has 3", SUMMARY_OF_ONE);
    }

    @Test
    void lineNumbersCountThePhysicalLinesOfMultiLineValues() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on\n"
                + "c-1,\"Alpha\nSecond line of the name\",2025-01-01\n"
                + "c-2,Beta,2025-02-31\n");

        CrmRun run = tier();

        assertThat(run.errLines()).containsExactly(
                path("customers.csv") + ":4: column 'created_on': not an ISO date (YYYY-MM-DD): '2025-02-31'",
                SUMMARY_OF_ONE);
    }

    @Test
    void yearsOutOfRangeOnSeveralLinesAreEachReportedWithTheirLine() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), CUSTOMERS + "c-3,Gamma,-999999999-01-01\n");

        CrmRun run = tier();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(path("customers.csv")
                + ":4: column 'created_on': year must be between 1 and 9999, was '-999999999-01-01'", SUMMARY_OF_ONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "9999-12-31"})
    void datesAndTimestampsAtBothEndsOfTheYearRangeAreAccepted(String asOf) throws IOException {
        Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on\nc-1,Alpha,0001-01-01\n");
        Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,order_date,amount,currency\n"
                + "o-1,c-1,0001-01-01,5.00,CNY\no-2,c-1,9999-12-31,7.00,CNY\n");
        // Written in year 9999 and 0001; in the policy's zone they fall in 10000 and 0000, which is fine.
        Files.writeString(dir.resolve("interactions.csv"), "interaction_id,customer_id,occurred_at,channel,kind\n"
                + "i-1,c-1,9999-12-31T23:59:59-18:00,phone,inquiry\ni-2,c-1,0001-01-01T00:00:00+18:00,phone,inquiry\n");

        CrmRun run = CrmRun.of("tier", "--customers", path("customers.csv"), "--orders", path("orders.csv"),
                "--interactions", path("interactions.csv"), "--as-of", asOf);

        assertThat(run.status()).isZero();
        assertThat(run.json()).singleElement().satisfies(line -> {
            assertThat(line.get("customer_id").asText()).isEqualTo("c-1");
            assertThat(line.get("metrics").get("spend").asText()).isEqualTo(asOf.startsWith("9999") ? "7.00" : "5.00");
        });
    }
}
