package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that stream ({@code crm tier}, {@code crm lifecycle}, {@code crm clv}) on a large
 * input, as real processes. Out of memory, with a heap far too small for the input: a message that
 * says how to give it more on standard error, exit status 1, no stack trace and nothing on
 * standard output; the launcher takes its JVM options from {@code CRM_JAVA_OPTS}. And a bad value
 * on the last line of a large file leaves standard output empty, because every file is read and
 * checked before the first record is written.
 */
class StreamingIT {
    private static final Path JAR = Path.of(System.getProperty("crm.jar", "target/crm.jar")).toAbsolutePath();
    private static final Path LAUNCHER = Path.of(System.getProperty("crm.launcher", "../crm")).toAbsolutePath();
    /** 200,000 customers need several megabytes of columns: far beyond this heap. */
    private static final String TINY_HEAP = "-Xmx24m";
    private static final int CUSTOMERS = 200_000;

    @TempDir
    Path dir;

    @BeforeEach
    void writeInput() throws IOException {
        try (Writer customers = Files.newBufferedWriter(dir.resolve("customers.csv"), StandardCharsets.UTF_8);
                Writer orders = Files.newBufferedWriter(dir.resolve("orders.csv"), StandardCharsets.UTF_8)) {
            customers.write("customer_id,name,created_on\n");
            orders.write("order_id,customer_id,order_date,amount,currency\n");
            for (int i = 0; i < CUSTOMERS; i++) {
                customers.write("c-" + i + ",Customer " + i + ",2024-01-01\n");
                orders.write("o-" + i + ",c-" + i + ",2026-01-01,10.00,CNY\n");
            }
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private List<String> tierArguments() {
        return List.of("tier", "--customers", dir.resolve("customers.csv").toString(), "--orders",
                dir.resolve("orders.csv").toString(), "--as-of", "2026-03-31");
    }

    private static void assertOutOfMemory(ProcessRun run) {
        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("crm tier: out of memory: the Java heap of 24 MB is too small for this input;")
                .contains("CRM_JAVA_OPTS=-Xmx8g ./crm");
    }

    @Test
    void lifecycleAndClvRunningOutOfMemoryEndWithAMessageAndExitStatusOne() throws Exception {
        List<List<String>> runs = List.of(
                List.of("lifecycle", "--customers", file("customers.csv"), "--orders", file("orders.csv"), "--as-of",
                        "2026-03-31"),
                List.of("clv", "--orders", file("orders.csv"), "--as-of", "2026-03-31"));
        for (List<String> args : runs) {
            List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA, TINY_HEAP, "-jar", JAR.toString()));
            command.addAll(args);

            ProcessRun run = ProcessRun.run(dir, Map.of(), command);

            assertThat(run.status()).as("exit status; standard error: %s", run.err()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).singleElement().asString().startsWith("crm " + args.get(0)
                    + ": out of memory: the Java heap of 24 MB is too small for this input;");
        }
    }

    @Test
    void aBadValueOnTheLastLineOfALargeFileLeavesTheStreamedOutputEmpty() throws Exception {
        Files.writeString(dir.resolve("orders.csv"), "o-last,c-1,2025-13-01,10.00,CNY\n", StandardOpenOption.APPEND);
        String problem = file("orders.csv") + ":" + (CUSTOMERS + 2) + ": column 'order_date': not an ISO date"
                + " (YYYY-MM-DD): '2025-13-01'";
        List<String> lifecycle = List.of("lifecycle", "--customers", file("customers.csv"), "--orders",
                file("orders.csv"), "--as-of", "2026-03-31");
        List<String> clv = List.of("clv", "--orders", file("orders.csv"), "--as-of", "2026-03-31");
        for (List<String> args : List.of(tierArguments(), lifecycle, clv)) {
            List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA, "-Xmx256m", "-jar", JAR.toString()));
            command.addAll(args);

            ProcessRun run = ProcessRun.run(dir, Map.of(), command);

            assertThat(run.status()).as("exit status; standard error: %s", run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).containsExactly(problem,
                    "crm " + args.get(0) + ": 1 error in the input files, nothing written");
        }
    }

    @Test
    void runningOutOfMemoryEndsWithAMessageAndExitStatusOne() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA, TINY_HEAP, "-jar", JAR.toString()));
        command.addAll(tierArguments());

        assertOutOfMemory(ProcessRun.run(dir, Map.of(), command));
    }

    @Test
    void theLauncherTakesTheJvmOptionsFromCrmJavaOpts() throws Exception {
        String path = Path.of(ProcessRun.JAVA).getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(tierArguments());

        assertOutOfMemory(ProcessRun.run(dir, Map.of("PATH", path, "CRM_JAVA_OPTS", TINY_HEAP), command));
    }
}
