package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class OutputFailureTest {
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
}
