package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale run's two modes plan the same agenda: what its digests are compared for. */
class AgendaAtScaleTest {
    private static List<String> results(String mode, int customers) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            AgendaAtScale.main(new String[] {mode, Integer.toString(customers)});
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("  planned") || line.startsWith("  unscheduled")
                        || line.startsWith("  assigned"))
                .toList();
    }

    @Test
    void streamingAndListingGiveTheSameCountsAndDigests() {
        List<String> streamed = results("stream", 2_000);

        assertThat(streamed).hasSize(3).allSatisfy(line -> assertThat(line).contains("(sha-256 "));
        assertThat(streamed).isEqualTo(results("list", 2_000));
    }
}
