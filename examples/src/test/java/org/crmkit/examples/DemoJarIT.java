package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged demo as the README runs it: {@code java -jar target/crm-demo.jar}, a real process
 * with the {@code java} of the build. Runs in {@code mvn verify}, after {@code package}.
 */
class DemoJarIT {
    private static final Path JAR = Path.of(System.getProperty("crm.demo.jar", "target/crm-demo.jar"))
            .toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 60;
    /** The ERP example writes and reads an H2 file: generous on a busy machine. */
    private static final long ERP_TIMEOUT_SECONDS = 240;

    @TempDir
    Path dir;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the demo jar; package builds it").isRegularFile();
    }

    private ProcessRun demo(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessRun.JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(command, dir, TIMEOUT_SECONDS);
    }

    @Test
    void runsOnASmallBaseAndPrintsTheDistributionTheExplainedDecisionsTheSlasAndTheAgenda() throws Exception {
        ProcessRun run = demo("--customers", "500");

        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(run.out()).contains("generated  500 customers (seed 20260331)")
                .contains("Tier distribution as of 2026-03-31")
                .contains("  tier         customers    actual  expected")
                .contains("rule core")
                .containsPattern("total +500 +100\\.00%")
                .contains("Complaint SLAs at the end of 2026-03-31 (Asia/Shanghai), evaluated by SlaService")
                .containsPattern("first_response +[\\d,]+ +[\\d,]+ +[\\d,]+ +[\\d,]+ +[\\d,]+")
                .contains("Weekly review 2026-W14 (2026-03-30..2026-04-05), as of the week's end")
                .contains("Contact planning 2026-04-01..2026-04-30 (AgendaPlanner, calendar office_hours in"
                        + " Asia/Shanghai)")
                .containsPattern("planned +[\\d,]+ contacts; [\\d,]+ unscheduled");
    }

    @Test
    void theJarRunsTheErpExampleOnAnH2FileThroughItsMappingAndPool() throws Exception {
        Path erp = dir.resolve("erp");
        ProcessRun run = ProcessRun.of(List.of(ProcessRun.JAVA, "-cp", JAR.toString(),
                "org.crmkit.examples.erp.ErpNightly", erp.toString()), dir, ERP_TIMEOUT_SECONDS);

        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(erp.resolve("erp.mv.db")).isRegularFile();
        assertThat(erp.resolve("erp-mapping.yaml")).isRegularFile();
        assertThat(run.out()).contains("Run as of 2026-03-31: COMPLETE, 2,000 customers, 2,000 history rows")
                .containsPattern("Run as of 2026-04-01: COMPLETE, 2,000 customers, [1-9][\\d,]* history rows")
                .contains("  tier-changed/C000001/2026-03-31 ")
                .containsPattern("Rerun as of 2026-04-01: the COMPLETE run started \\S+, 0 progress calls, 0 events");
        assertThat(run.err()).contains("\rtiering 2026-04-01 [" + "#".repeat(30) + "]");
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsageOnStandardError() throws Exception {
        ProcessRun run = demo("--customers", "0");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly("--customers must be between 1 and 1000000, was 0",
                Demo.USAGE);
    }
}
