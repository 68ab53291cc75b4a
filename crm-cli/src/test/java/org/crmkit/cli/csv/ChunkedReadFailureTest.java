package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crmkit.rules.io.CsvRecord;
import org.crmkit.rules.io.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read whose every thread fails ends with the failure instead of waiting for ever. */
class ChunkedReadFailureTest {
    @TempDir
    Path dir;

    @Test
    void failuresOnEveryThreadEndTheReadWithTheFailure() throws IOException {
        StringBuilder text = new StringBuilder("id,value\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("r-").append(i).append(",1\n");
        }
        Path file = Files.writeString(dir.resolve("rows.csv"), text, StandardCharsets.UTF_8);
        // Both tables fail past their first rows, together (a thread that saw the other fail
        // first would only drain the chunks), after the header, in chunks of 64 bytes: far more
        // chunks than buffers, as when every thread runs out of memory.
        CyclicBarrier together = new CyclicBarrier(2);
        List<FailingTable> tables = List.of(new FailingTable(file, together), new FailingTable(file, together));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> ChunkedRead.read(InputFile.of(file),
                tables, new FileProblems(), 64, ReadProgress.NONE, () -> false))
                .isInstanceOf(IllegalStateException.class).hasMessage("a failure while reading a row"));
    }

    private static final class FailingTable extends StreamTable {
        private final CyclicBarrier together;
        private int recorded;

        FailingTable(Path file, CyclicBarrier together) {
            super(InputFile.of(file), new FileProblems(), List.of("id", "value"), List.of());
            this.together = together;
        }

        @Override
        void record(CsvRecord row) {
            if (++recorded > 20) {
                try {
                    together.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("the other table did not fail alongside", e);
                }
                throw new IllegalStateException("a failure while reading a row");
            }
        }

        @Override
        void started() {
        }
    }
}
