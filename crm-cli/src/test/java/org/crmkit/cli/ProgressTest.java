package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.cli.input.InputFiles;
import org.crmkit.rules.io.InputFile;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong now = new AtomicLong();
    private final StringWriter err = new StringWriter();
    private final Progress progress = new Progress("crm tier", new PrintWriter(err), now::get);

    private void at(long seconds) {
        now.set(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void showsTheFileTheShareTheRateTheElapsedAndTheTimeLeftOnOneLine() {
        at(2);
        progress.file(InputFile.of(Path.of("/data/orders.csv")), "reading");
        at(4);
        progress.bytesRead(100L << 20);

        assertThat(err.toString()).isEqualTo("\rcrm tier: reading orders.csv 0 MB, 0 MB/s, 2s elapsed"
                + "\rcrm tier: reading orders.csv 100 MB, 25 MB/s, 4s elapsed");
    }

    @Test
    void estimatesTheTimeLeftFromTheRateSoFar() throws Exception {
        Path file = java.nio.file.Files.createTempFile("progress", ".csv");
        java.nio.file.Files.write(file, new byte[4000]);
        progress.expect(InputFiles.totalSize(java.util.List.of(InputFile.of(file))));
        at(5);
        progress.file(InputFile.of(file), "reading");
        at(10);
        progress.bytesRead(1000);

        assertThat(err.toString()).endsWith("\rcrm tier: reading " + file.getFileName()
                + "  25% 0 MB, 0 MB/s, 10s elapsed, about 30s left");
    }

    @Test
    void staysQuietInTheFirstSecondAndErasesItsLineAtTheEnd() {
        progress.file(InputFile.of(Path.of("orders.csv")), "reading");
        assertThat(err.toString()).isEmpty();

        at(3);
        progress.writing("customers decided and written", 5_000);
        progress.done();

        String line = "crm tier: 5,000 customers decided and written, 3s elapsed";
        assertThat(err.toString()).isEqualTo("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
    }

    @Test
    void showsTheShareOfAKnownTotalAndEstimatesTheTimeLeftFromTheCountSoFar() {
        Progress nightly = new Progress("crm nightly", new PrintWriter(err), now::get);
        at(10);
        nightly.writing("customers tiered", 250_000, 1_000_000);
        at(40);
        nightly.writing("customers tiered", 1_000_000, 1_000_000);

        String first = "crm nightly: 250,000 of 1,000,000 customers tiered (25%), 10s elapsed, about 30s left";
        String last = "crm nightly: 1,000,000 of 1,000,000 customers tiered (100%), 40s elapsed";
        // The shorter last line covers the rest of the first with blanks.
        assertThat(err.toString()).isEqualTo("\r" + first + "\r" + last + " ".repeat(first.length() - last.length()));
    }

    @Test
    void offShowsNothing() {
        Progress off = Progress.off();
        off.file(InputFile.of(Path.of("orders.csv")), "reading");
        off.bytesRead(1L << 30);
        off.writing("customers decided and written", 1);
        off.done();

        assertThat(Progress.duration(TimeUnit.SECONDS.toNanos(125))).isEqualTo("2m05s");
    }
}
