package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm tier} out of memory, as a real process with a heap far too small for its input: a
 * message that says how to give it more on standard error, exit status 1, no stack trace and
 * nothing on standard output; and the launcher takes its JVM options from {@code CRM_JAVA_OPTS}.
 */
class TierMemoryIT {
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
