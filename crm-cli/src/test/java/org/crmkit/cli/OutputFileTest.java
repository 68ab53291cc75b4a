package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output FILE}: the records in the file, the file replaced only by a command that succeeds. */
class OutputFileTest {
    private static final String CUSTOMERS = CrmRun.fixture("customers.csv");
    private static final String ORDERS = CrmRun.fixture("orders.csv");

    @TempDir
    Path dir;

    @Test
    void theRecordsGoToTheFileAndNothingToStandardOutput() throws IOException {
        CrmRun printed = CrmRun.of("tier", "--customers", CUSTOMERS, "--orders", ORDERS, "--format", "csv");
        Path file = dir.resolve("tiers.csv");

        CrmRun written = CrmRun.of("tier", "--customers", CUSTOMERS, "--orders", ORDERS, "--format", "csv",
                "--output", file.toString());

        assertThat(written.status()).isZero();
        assertThat(written.out()).isEmpty();
        assertThat(written.err()).isEqualTo(printed.err());
        assertThat(printed.out()).startsWith("customer_id,tier,");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(printed.out());
        assertThat(filesIn(dir)).containsExactly("tiers.csv");
    }

    @Test
    void badInputLeavesAnEarlierFileAsItWasAndNothingBeside() throws IOException {
        Path file = Files.writeString(dir.resolve("tiers.jsonl"), "an earlier result\n", StandardCharsets.UTF_8);
        Path orders = Files.writeString(dir.resolve("orders.csv"),
                "order_id,customer_id,order_date,amount,currency\no-1,c-1,2026-02-30,10.00,CNY\n",
                StandardCharsets.UTF_8);

        CrmRun run = CrmRun.of("tier", "--customers", CUSTOMERS, "--orders", orders.toString(),
                "--output", file.toString());

        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("2026-02-30");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("an earlier result\n");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("tiers.jsonl", "orders.csv");
    }

    @Test
    void aDirectoryThatDoesNotExistIsAUsageError() {
        Path file = dir.resolve("missing").resolve("tiers.jsonl");

        CrmRun run = CrmRun.of("policy", "show", "--output", file.toString());

        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("crm policy show: --output: no directory " + dir.resolve("missing")
                + " to write '" + file + "' in" + System.lineSeparator());
    }

    @Test
    void everyCommandThatPrintsRecordsTakesTheOption() {
        for (String[] command : new String[][] {{"tier"}, {"sla"}, {"sla", "review"}, {"agenda"},
            {"agenda", "overdue"}, {"agenda", "unscheduled"}, {"lifecycle"}, {"clv"}, {"clv", "fit"},
            {"policy", "lint"}, {"policy", "show"}}) {
            String[] help = Stream.concat(Stream.of(command), Stream.of("--help")).toArray(String[]::new);
            assertThat(CrmRun.of(help).out()).as(String.join(" ", command)).contains("--output=FILE");
        }
        assertThat(CrmRun.of("generate-completion", "--help").out()).doesNotContain("--output");
    }

    private static Stream<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).toList().stream();
        }
    }
}
