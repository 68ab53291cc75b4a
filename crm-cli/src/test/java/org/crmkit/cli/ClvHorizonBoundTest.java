package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm clv} counts lifetime value over at most 36,525 periods (100 years in days), from
 * {@code --horizon} or from the policy's {@code clv.horizon}, converted to the {@code --time-unit}.
 */
class ClvHorizonBoundTest {
    private static final String SUMMARY = """
            ID,x,t_x,T,zbar
            1,2,30.43,38.86,22.35
            2,0,0,38.86,0
            3,1,10.5,20.0,30.10
            """;

    @TempDir
    Path dir;

    private Path summary;

    @BeforeEach
    void writeSummary() throws IOException {
        summary = Files.writeString(dir.resolve("summary.csv"), SUMMARY);
    }

    @Test
    void aHorizonAboveTheBoundIsAUsageErrorNamingTheBound() {
        CrmRun run = CrmRun.of("clv", "--summary", summary.toString(), "--horizon", "36526");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm clv: --horizon must be at most 36525 (100 years in days), was 36526",
                "Try 'crm clv --help' for more information.");
    }

    @Test
    void theBoundItselfIsAValidHorizon() {
        CrmRun run = CrmRun.of("clv", "--summary", summary.toString(), "--time-unit", "days", "--horizon", "36525");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(3);
        assertThat(run.errLines()).last().asString()
                .startsWith("crm clv: 3 customers over 36525 days at an annual discount rate of 0.10: ");
    }

    @Test
    void aPolicyHorizonThatTheTimeUnitMakesTooLongIsAUsageError() throws IOException {
        Path policy = Files.writeString(dir.resolve("long.yaml"), PolicyLoader.standardText()
                .replace("horizon: 52", "horizon: 6000"));

        CrmRun run = CrmRun.of("clv", "--summary", summary.toString(), "--time-unit", "days", "--policy",
                policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm clv: the policy's clv.horizon, 6000 weeks, is 42000 days, more than the 36525 (100 years in"
                        + " days) lifetime value is counted over; give a shorter --horizon",
                "Try 'crm clv --help' for more information.");
    }

    @Test
    void aPolicyHorizonAboveTheBoundIsABadPolicy() throws IOException {
        Path policy = Files.writeString(dir.resolve("endless.yaml"), PolicyLoader.standardText()
                .replace("horizon: 52", "horizon: 36526"));

        CrmRun run = CrmRun.of("clv", "--summary", summary.toString(), "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("endless.yaml:").contains("clv.horizon: must be at most 36525 (periods of the"
                + " time_unit; 100 years in days), was 36526");
    }
}
