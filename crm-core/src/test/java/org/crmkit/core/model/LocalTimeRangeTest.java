package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalTimeRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "09:00-12:00          | 09:00    | 12:00",
        "' 09:00 - 12:00 '    | 09:00    | 12:00",
        "00:00-23:59          | 00:00    | 23:59",
        "08:30:15-08:30:16    | 08:30:15 | 08:30:16",
        "13:05-13:06          | 13:05    | 13:06",
    })
    void parsesHoursAndMinutesSeparatedByADash(String text, LocalTime start, LocalTime end) {
        LocalTimeRange range = LocalTimeRange.parse(text);

        assertThat(range.start()).isEqualTo(start);
        assertThat(range.end()).isEqualTo(end);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "09:00", "0900-1200", "9:00-12:00", "09:00-", "-12:00", "09:00-24:00", "09:00–12:00",
        "09:00 to 12:00", "09.00-12.00", "morning"})
    void rejectsTextThatIsNotARange(String text) {
        assertThatThrownBy(() -> LocalTimeRange.parse(text))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("time range must look like '09:00-12:00', was '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12:00-09:00 | time range must end after it starts, was '12:00-09:00'",
        "09:00-09:00 | time range must end after it starts, was '09:00-09:00'",
        "23:59-00:00 | time range must end after it starts, was '23:59-00:00'",
    })
    void rejectsEmptyAndBackwardRanges(String text, String message) {
        assertThatThrownBy(() -> LocalTimeRange.parse(text))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage(message);
    }

    @Test
    void ofChecksTheOrderToo() {
        assertThatThrownBy(() -> LocalTimeRange.of(LocalTime.of(18, 0), LocalTime.of(9, 30)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("time range must end after it starts, was '18:00-09:30'");
    }

    @ParameterizedTest
    @CsvSource({
        "08:59:59.999999999, false",
        "09:00,              true",
        "10:30,              true",
        "11:59:59.999999999, true",
        "12:00,              false",
        "23:00,              false",
    })
    void containsTheStartButNotTheEnd(LocalTime time, boolean contained) {
        assertThat(LocalTimeRange.parse("09:00-12:00").contains(time)).isEqualTo(contained);
    }

    @Test
    void printsInTheParsedForm() {
        assertThat(LocalTimeRange.of(LocalTime.of(9, 0), LocalTime.of(12, 0))).hasToString("09:00-12:00");
        assertThat(LocalTimeRange.parse(" 09:00 - 12:00 ")).isEqualTo(LocalTimeRange.parse("09:00-12:00"));
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> LocalTimeRange.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> LocalTimeRange.of(null, LocalTime.NOON))
                .isInstanceOf(NullPointerException.class).hasMessage("start");
        assertThatThrownBy(() -> LocalTimeRange.of(LocalTime.NOON, null))
                .isInstanceOf(NullPointerException.class).hasMessage("end");
    }
}
