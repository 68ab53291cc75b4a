package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input, bad options and data the models cannot be fitted on, for {@code crm clv} and
 * {@code crm clv fit}: exit status 2, nothing on standard output, the problem on standard error.
 */
class ClvInputErrorsTest {
    private static final String ORDERS = """
            order_id,customer_id,order_date,amount,currency
            o-1,c-1,2026-01-05,10.00,EUR
            o-2,c-1,2026-02-05,12.00,EUR
            o-3,c-2,2026-01-20,8.00,EUR
            """;
    private static final String SUMMARY = """
            ID,x,t_x,T,zbar
            1,2,30.43,38.86,22.35
            2,0,0,38.86,0
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeValidFiles() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), ORDERS);
        Files.writeString(dir.resolve("summary.csv"), SUMMARY);
        Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on\nc-1,Alpha,2025-01-01\n");
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    private static CrmRun crm(String... args) {
        return CrmRun.of(args);
    }

    private static void assertBadInput(CrmRun run, String... err) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(err);
    }

    @Test
    void aMissingOrdersColumnIsReportedWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,order_date,currency\no-1,c-1,2026-01-05,EUR\n");

        assertBadInput(crm("clv", "fit", "--orders", path("orders.csv")),
                path("orders.csv") + ":1: column 'amount': required column is missing",
                "crm clv fit: 1 error in the input files, nothing written");
    }

    @Test
    void everyBadOrderIsReportedAtOnce() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), ORDERS + "o-4,c-2,2026-02-30,1,EUR\no-5,c-2,2026-03-01,1.5.0,EUR\n"
                + "o-6,c-3,2026-03-02,4,USD\n");

        assertBadInput(crm("clv", "--orders", path("orders.csv")),
                path("orders.csv") + ":5: column 'order_date': not an ISO date (YYYY-MM-DD): '2026-02-30'",
                path("orders.csv") + ":6: column 'amount': not a decimal amount: '1.5.0'",
                path("orders.csv") + ":7: column 'currency': currency USD differs from EUR on line 2: the orders must"
                        + " all be in one currency (crmkit does not convert currencies)",
                "crm clv: 3 errors in the input files, nothing written");
    }

    @Test
    void withACustomersFileEveryOrdersCustomerMustBeInIt() {
        assertBadInput(crm("clv", "fit", "--orders", path("orders.csv"), "--customers", path("customers.csv")),
                path("orders.csv") + ":4: column 'customer_id': unknown customer 'c-2', not in " + path("customers.csv"),
                "crm clv fit: 1 error in the input files, nothing written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ID,x,t_x\\n1,2,30 | :1: missing column 'T'; the header has ID,x,t_x, expected ID,frequency,recency,T or"
                    + " ID,x,t_x,T,zbar",
            "ID,x,t_x,T,zbar\\n1,2,30.43,38.86,22.35\\n2,two,1,38.86,0 | :3: column 'x': not a decimal number: 'two'",
            "ID,frequency,recency,T\\n1,1,40,38.86 | :2: column 'recency': recency '40' is more than T '38.86'",
            "ID,x,t_x,T,zbar\\n1,2,30.43,38.86,1e30 | :2: column 'zbar': not a decimal number: '1e30'",
            "ID,x,t_x,T,zbar\\n1,2,30.43,38.86,1000000000000000000000000000000 | :2: column 'zbar': must be at"
                    + " most 1000000000000, was '1000000000000000000000000000000'",
            "ID,x,t_x,T,zbar\\n1,100000000,30.43,38.86,22.35 | :2: column 'x': must be at most 214, one purchase a"
                    + " day over t_x = 30.43 weeks, was '100000000'",
            "ID,x,t_x,T\\n1,2,30.43,6000 | :2: column 'T': must be at most 5218 weeks (100 years), was '6000'"})
    void aBadSummaryFileIsReportedWithFileLineAndColumn(String content, String message) throws IOException {
        Files.writeString(dir.resolve("summary.csv"), content.replace("\\n", "\n"));

        assertBadInput(crm("clv", "--summary", path("summary.csv")), "crm clv: " + path("summary.csv") + message);
    }

    @Test
    void theSummaryFileIsReadInTheTimeUnitGiven() throws IOException {
        // 40 days of age fit in days; 40 repeat purchases in 30 days do not.
        Files.writeString(dir.resolve("summary.csv"), "ID,x,t_x,T\n1,40,30,40\n");

        assertBadInput(crm("clv", "fit", "--summary", path("summary.csv"), "--time-unit", "days"),
                "crm clv fit: " + path("summary.csv") + ":2: column 'x': must be at most 30, one purchase a day"
                        + " over t_x = 30 days, was '40'");
    }

    @Test
    void bytesThatAreNotUtf8InASummaryFileAreReportedAtTheirLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("ID,x,t_x,T\n1,0,0,4\n2".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xFF);      // byte offset 20, on line 3
        bytes.writeBytes(",0,0,4\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("summary.csv"), bytes.toByteArray());

        assertBadInput(crm("clv", "--summary", path("summary.csv")), "crm clv: " + path("summary.csv")
                + ":3: not UTF-8 text: bad byte sequence at byte offset 20");
    }

    @Test
    void aMissingSummaryFileIsBadInput() {
        assertBadInput(crm("clv", "fit", "--summary", path("missing.csv")),
                "crm clv fit: " + path("missing.csv") + ": no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clv", "clv fit"})
    void summaryAndOrdersAreMutuallyExclusive(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--summary", path("summary.csv"), "--orders", path("orders.csv")));

        assertBadInput(crm(args.toArray(String[]::new)),
                "crm " + command + ": --summary and --orders are mutually exclusive: give a summary file or the orders",
                "Try 'crm " + command + " --help' for more information.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clv", "clv fit"})
    void oneOfSummaryAndOrdersIsRequired(String command) {
        assertBadInput(crm(command.split(" ")),
                "crm " + command + ": Missing required option: '--summary=FILE' or '--orders=FILE'",
                "Try 'crm " + command + " --help' for more information.");
    }

    @Test
    void customersAndCalibrationEndGoWithOrders() {
        assertBadInput(crm("clv", "fit", "--summary", path("summary.csv"), "--customers", path("customers.csv")),
                "crm clv fit: --customers goes with --orders: it checks the orders' customers",
                "Try 'crm clv fit --help' for more information.");
        assertBadInput(crm("clv", "--summary", path("summary.csv"), "--calibration-end", "1997-09-30"),
                "crm clv: --calibration-end goes with --orders: a summary file's times are measured to its own"
                        + " calibration end",
                "Try 'crm clv --help' for more information.");
    }

    @Test
    void calibrationEndAndAsOfMustNotNameDifferentDays() {
        assertBadInput(crm("clv", "--orders", path("orders.csv"), "--calibration-end", "2026-03-31", "--as-of",
                        "2026-03-30"),
                "crm clv: --calibration-end (2026-03-31) and --as-of (2026-03-30) both name the calibration end: give"
                        + " one of them",
                "Try 'crm clv --help' for more information.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--time-unit | months | Invalid value for option '--time-unit': expected one of days, weeks, was 'months'",
            "--horizon | 0 | --horizon must be at least 1, was 0",
            "--horizon | 1.5 | Invalid value for option '--horizon': '1.5' is not an int",
            "--discount-rate | 10% | Invalid value for option '--discount-rate': not a decimal rate (e.g. 0.10 for 10%"
                    + " a year): '10%'",
            "--discount-rate | -0.1 | Invalid value for option '--discount-rate': must not be negative, was '-0.1'",
            "--calibration-end | 30.09.1997 | Invalid value for option '--calibration-end': not an ISO date"
                    + " (YYYY-MM-DD): '30.09.1997'"})
    void badOptionValuesAreUsageErrors(String option, String value, String message) {
        CrmRun run = crm("clv", "--orders", path("orders.csv"), option, value);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo("crm clv: " + message);
    }

    @Test
    void theTimeUnitIsCaseInsensitive() {
        CrmRun run = crm("clv", "fit", "--summary", path("summary.csv"), "--time-unit", "WEEKS", "--format", "csv");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("days"));
    }

    @Test
    void dataWithoutARepeatPurchaseCannotBeFittedAndIsBadInput() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), """
                order_id,customer_id,order_date,amount,currency
                o-1,c-1,2026-01-05,10.00,EUR
                o-2,c-2,2026-01-20,8.00,EUR
                o-3,c-3,2026-04-20,8.00,EUR
                """);

        assertBadInput(crm("clv", "fit", "--orders", path("orders.csv"), "--calibration-end", "2026-03-31"),
                "crm clv fit: BG/NBD fit needs at least one customer with a repeat purchase; none of 2 has one, so the"
                        + " purchase rate cannot be told from the drop-out");
    }

    @Test
    void anEmptyOrdersFileHasNoCustomersToFit() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,order_date,amount,currency\n");

        assertBadInput(crm("clv", "--orders", path("orders.csv")), "crm clv: BG/NBD fit needs customers, got none");
    }

    @Test
    void repeatPurchasesThatAllCostNothingLeaveNoSpendToFit() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), """
                order_id,customer_id,order_date,amount,currency
                o-1,c-1,2026-01-05,10.00,EUR
                o-2,c-1,2026-02-05,0,EUR
                o-3,c-2,2026-01-20,8.00,EUR
                o-4,c-3,2026-01-07,8.00,EUR
                o-5,c-3,2026-03-07,0.00,EUR
                """);

        assertBadInput(crm("clv", "--orders", path("orders.csv"), "--calibration-end", "2026-03-31"),
                "crm clv: Gamma-Gamma fit needs a repeat customer whose repeat purchases are worth more than 0; the"
                        + " mean repeat value of all 2 is 0");
    }
}
