package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Order amounts within a trillion and the decimals of their currency, and orders dated before
 * their customer was created, end to end: the same messages from every command that reads
 * orders, whether it reads them whole (crm sla, crm agenda), streamed (crm lifecycle, crm clv) or
 * in chunks side by side (crm tier on a file larger than a chunk).
 */
class OrderAmountsAndDatesTest {
    private static final String ORDERS_HEADER = "order_id,customer_id,order_date,amount,currency\n";

    @TempDir
    Path dir;

    @BeforeEach
    void writeCustomers() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on\nc-1,Alpha,2025-01-01\n"
                + "c-2,Beta,2025-02-01\n");
        Files.writeString(dir.resolve("complaints.csv"), "complaint_id,customer_id,opened_at\n"
                + "k-1,c-1,2026-03-02T10:00:00+08:00\n");
        Files.writeString(dir.resolve("complaint_events.csv"), "complaint_id,occurred_at,event\n");
        Files.writeString(dir.resolve("interactions.csv"), "interaction_id,customer_id,occurred_at,channel,kind\n");
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    private Path orders(String rows) throws IOException {
        return Files.writeString(dir.resolve("orders.csv"), ORDERS_HEADER + rows);
    }

    /** The commands that read orders with customers, in their ways of reading. */
    private List<List<String>> commandsWithCustomers() {
        return List.of(
                List.of("tier", "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of",
                        "2026-03-31"),
                List.of("lifecycle", "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of",
                        "2026-03-31"),
                List.of("sla", "--complaints", path("complaints.csv"), "--events", path("complaint_events.csv"),
                        "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of",
                        "2026-03-31"),
                List.of("agenda", "--customers", path("customers.csv"), "--orders", path("orders.csv"),
                        "--interactions", path("interactions.csv"), "--from", "2026-04-01", "--to", "2026-04-30"));
    }

    private static void assertBadInput(CrmRun run, String command, String... problems) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        List<String> expected = new ArrayList<>(List.of(problems));
        expected.add(command + ": " + problems.length + (problems.length == 1 ? " error" : " errors")
                + " in the input files, nothing written");
        assertThat(run.errLines()).containsExactly(expected.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1000000000000000000000000000000 | CNY | amount must be at most 1000000000000, was"
                    + " '1000000000000000000000000000000'",
            "1000000000000.01 | CNY | amount must be at most 1000000000000, was '1000000000000.01'",
            "99999999999999999999.99 | CNY | amount must be at most 1000000000000, was '99999999999999999999.99'",
            "1.0000000000000000000000000000000000000001 | CNY | amount must have at most 2 decimals in CNY, was"
                    + " '1.0000000000000000000000000000000000000001'",
            "12.345 | CNY | amount must have at most 2 decimals in CNY, was '12.345'",
            "0.005 | CNY | amount must have at most 2 decimals in CNY, was '0.005'"})
    void everyCommandRejectsAnAmountBeyondATrillionOrTheCurrencysDecimals(String amount, String currency,
            String message) throws IOException {
        orders("o-1,c-1,2026-01-10,10.00,CNY\no-2,c-2,2026-01-11," + amount + "," + currency + "\n");

        for (List<String> command : commandsWithCustomers()) {
            assertBadInput(CrmRun.of(command.toArray(String[]::new)), "crm " + command.get(0),
                    path("orders.csv") + ":3: column 'amount': " + message);
        }
        assertBadInput(CrmRun.of("clv", "--orders", path("orders.csv"), "--as-of", "2026-03-31"), "crm clv",
                path("orders.csv") + ":3: column 'amount': " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.5 | JPY | amount must be a whole number in JPY, which has no minor unit, was '12.5'",
            "3.1415 | BHD | amount must have at most 3 decimals in BHD, was '3.1415'",
            "1000000000000.001 | BHD | amount must be at most 1000000000000, was '1000000000000.001'"})
    void theDecimalsAreThoseOfTheOrdersOwnCurrency(String amount, String currency, String message) throws IOException {
        orders("o-1,c-1,2026-01-10,10,JPY\no-2,c-2,2026-01-11," + amount + "," + currency + "\n");

        // crm clv takes any one currency: the second order's own decides its decimals, then it differs.
        CrmRun run = CrmRun.of("clv", "--orders", path("orders.csv"), "--as-of", "2026-03-31");

        List<String> expected = new ArrayList<>(List.of(path("orders.csv") + ":3: column 'amount': " + message));
        if (!currency.equals("JPY")) {
            expected.add(path("orders.csv") + ":3: column 'currency': currency " + currency + " differs from JPY on line"
                    + " 2: the orders must all be in one currency (crmkit does not convert currencies)");
        }
        assertBadInput(run, "crm clv", expected.toArray(String[]::new));
    }

    @Test
    void anAmountAtTheBoundsAndTrailingZerosBeyondTheDecimalsAreAccepted() throws IOException {
        orders("o-1,c-1,2026-01-10,1000000000000,CNY\no-2,c-2,2026-01-11,12.5000000,CNY\n"
                + "o-3,c-2,2026-01-12,1000000000000.00,CNY\n");

        CrmRun run = CrmRun.of("tier", "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of",
                "2026-03-31");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("metrics").get("spend").asText())
                .containsExactly("1000000000000.00", "1000000000012.50");
    }

    @Test
    void aFileReadInChunksIsCheckedTheSameAndReportedInFileOrder() throws IOException {
        StringBuilder rows = new StringBuilder();
        int line = 1;
        List<String> expected = new ArrayList<>();
        for (int i = 0; rows.length() < 3 << 20; i++) {
            line++;
            String amount = "10.00";
            if (i % 20_000 == 7) {
                amount = "10.005";
                expected.add(path("orders.csv") + ":" + line + ": column 'amount': amount must have at most 2 decimals"
                        + " in CNY, was '10.005'");
            } else if (i % 20_000 == 9_000) {
                amount = "1" + "0".repeat(30);
                expected.add(path("orders.csv") + ":" + line + ": column 'amount': amount must be at most"
                        + " 1000000000000, was '" + amount + "'");
            }
            rows.append("o-").append(i).append(",c-").append(1 + i % 2).append(",2026-01-10,").append(amount)
                    .append(",CNY\n");
        }
        orders(rows.toString());

        CrmRun run = CrmRun.of("tier", "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of",
                "2026-03-31");

        assertThat(expected).hasSize(10);
        assertBadInput(run, "crm tier", expected.toArray(String[]::new));
    }

    @Test
    void anOrderDatedBeforeItsCustomerWasCreatedIsAWarningNamingFileLineAndCustomer() throws IOException {
        orders("o-1,c-1,0001-01-01,10.00,CNY\no-2,c-1,2026-01-10,10.00,CNY\no-3,c-2,2025-01-31,5.00,CNY\n"
                + "o-4,c-2,2025-02-01,5.00,CNY\n");
        String first = "warning: " + path("orders.csv") + ":2: column 'order_date': order 'o-1' of customer 'c-1' is"
                + " dated 0001-01-01, before the customer was created on 2025-01-01";
        String second = "warning: " + path("orders.csv") + ":4: column 'order_date': order 'o-3' of customer 'c-2' is"
                + " dated 2025-01-31, before the customer was created on 2025-02-01";

        for (List<String> command : commandsWithCustomers()) {
            CrmRun run = CrmRun.of(command.toArray(String[]::new));

            assertThat(run.status()).as("%s: %s", command, run.err()).isZero();
            assertThat(run.out()).as("%s", command).isNotEmpty();
            assertThat(run.errLines()).as("%s", command).startsWith("crm " + command.get(0) + ": " + first,
                    "crm " + command.get(0) + ": " + second);
        }
    }

    @Test
    void theOrdersAloneOfCrmClvHaveNoCreationDayToBeDatedBefore() throws IOException {
        orders("o-1,c-1,0001-01-01,10.00,CNY\no-2,c-1,2026-01-10,10.00,CNY\n");

        CrmRun run = CrmRun.of("clv", "--orders", path("orders.csv"), "--customers", path("customers.csv"), "--as-of",
                "2026-03-31");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("warning: " + path("orders.csv"));
    }

    @Test
    void manyWarningsShowTheFirstFiveAndHowManyMore() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            rows.append("o-").append(i).append(",c-1,2024-12-").append(String.format("%02d", i)).append(",1.00,CNY\n");
        }
        orders(rows.toString());

        CrmRun run = CrmRun.of("tier", "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of",
                "2026-03-31");

        assertThat(run.status()).isZero();
        assertThat(run.errLines().stream().filter(errLine -> errLine.startsWith("crm tier: warning: "))).hasSize(6);
        assertThat(run.errLines().get(4)).contains(":6: column 'order_date': order 'o-5' of customer 'c-1'");
        assertThat(run.errLines().get(5)).isEqualTo("crm tier: warning: ... and 20 more");
    }

    @Test
    void aWarningInAFileReadInChunksIsReportedAsInFileOrder() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; rows.length() < 3 << 20; i++) {
            rows.append("o-").append(i).append(",c-1,").append(i == 50_000 ? "0001-01-01" : "2026-01-10")
                    .append(",10.00,CNY\n");
        }
        orders(rows.toString());

        CrmRun run = CrmRun.of("tier", "--customers", path("customers.csv"), "--orders", path("orders.csv"), "--as-of",
                "2026-03-31");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.errLines()).startsWith("crm tier: warning: " + path("orders.csv") + ":50002: column"
                + " 'order_date': order 'o-50000' of customer 'c-1' is dated 0001-01-01, before the customer was created"
                + " on 2025-01-01");
    }
}
