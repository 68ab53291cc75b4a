package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFailureTest {
    @TempDir
    Path dir;

    /** Standard output closed under us, as with {@code crm tier ... | head -0}. */
    private static final class BrokenPipe extends Writer {
        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void failingToWriteStandardOutputExitsWithOne() {
        StringWriter err = new StringWriter();

        int status = Crm.run(CrmRun.CLOCK, new PrintWriter(new BrokenPipe()), new PrintWriter(err), "tier",
                "--customers", CrmRun.fixture("customers.csv"), "--orders", CrmRun.fixture("orders.csv"));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("crm tier: cannot write to standard output\n");
    }

    @Test
    void failingToWriteTheStreamedLifecycleExitsWithOne() {
        StringWriter err = new StringWriter();

        int status = Crm.run(CrmRun.CLOCK, new PrintWriter(new BrokenPipe()), new PrintWriter(err), "lifecycle",
                "--customers", CrmRun.lifecycleFixture("customers.csv"), "--orders",
                CrmRun.lifecycleFixture("orders.csv"), "--as-of", "2026-03-31");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("crm lifecycle: cannot write to standard output\n");
    }

    @Test
    void failingToWriteTheStreamedLifetimeValuesExitsWithOne() throws IOException {
        StringWriter err = new StringWriter();

        int status = Crm.run(CrmRun.CLOCK, new PrintWriter(new BrokenPipe()), new PrintWriter(err), "clv",
                "--orders", Cdnow.orders(dir).toString(), "--calibration-end", Cdnow.CALIBRATION_END);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("crm clv: cannot write to standard output\n");
    }
}
