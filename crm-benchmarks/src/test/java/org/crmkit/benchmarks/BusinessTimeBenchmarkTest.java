package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark compares implementations that agree, on exactly the inputs it measures. */
class BusinessTimeBenchmarkTest {
    private final BusinessTimeBenchmark benchmark = new BusinessTimeBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @Test
    void naiveAndRealDeadlinesAgreeOnTheBenchmarkInputs() {
        // By hand: Thu 1h40m, Fri 7h30m, Tue-Fri 30h, Mon 04-13 7h30m = 46h40m; 1h20m more on Tue 04-14.
        var expected = OffsetDateTime.parse("2026-04-14T10:20+08:00").toInstant();

        assertThat(benchmark.businessTimeAdd()).isEqualTo(expected);
        assertThat(benchmark.naiveMinuteStepping()).isEqualTo(expected);
    }

    @Test
    void theMeasuredSpanHoldsTheWholeTarget() {
        assertThat(benchmark.businessTimeBetween()).isEqualTo(Duration.ofHours(48));
    }
}
