package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.crmkit.rules.calendar.BusinessTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NaiveMinuteSteppingDeadlineTest {
    private static final BusinessTime OFFICE = BusinessTimeBenchmark.office();

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} = {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "2026-04-01T10:00+08:00 | PT1H  | 2026-04-01T11:00+08:00 | within the morning",
        "2026-04-01T11:30+08:00 | PT1H  | 2026-04-01T14:00+08:00 | across the lunch break",
        "2026-04-01T09:00+08:00 | PT3H  | 2026-04-01T12:00+08:00 | ends at the end of an interval",
        "2026-04-03T17:00+08:00 | PT2H  | 2026-04-07T10:00+08:00 | across a weekend and the holiday",
        "2026-04-04T12:00+08:00 | PT0S  | 2026-04-07T09:00+08:00 | zero from a Saturday is the next opening",
    })
    void stepsToTheSameDeadlinesAsBusinessTime(String start, Duration amount, String expected, String why) {
        assertThat(NaiveMinuteSteppingDeadline.add(OFFICE, at(start), amount)).isEqualTo(at(expected));
        assertThat(OFFICE.add(at(start), amount)).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "{0} + {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "2026-04-01T10:00:30+08:00 | PT1H    | start must be on a whole minute, was 2026-04-01T02:00:30Z",
        "2026-04-01T10:00+08:00    | PT1H30S | amount must be zero or more whole minutes, was PT1H30S",
        "2026-04-01T10:00+08:00    | PT-1M   | amount must be zero or more whole minutes, was PT-1M",
    })
    void rejectsWhatMinuteStepsCannotRepresent(String start, Duration amount, String message) {
        assertThatThrownBy(() -> NaiveMinuteSteppingDeadline.add(OFFICE, at(start), amount))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
