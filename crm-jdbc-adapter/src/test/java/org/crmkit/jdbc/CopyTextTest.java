package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text format of PostgreSQL's COPY, written by {@link CopyText}; {@link PostgresCopyTest} reads it back in a server. */
class CopyTextTest {
    static Stream<Arguments> specialText() {
        return Stream.of(
                Arguments.of("a backslash", "a\\b", "a\\\\b"),
                Arguments.of("a tab", "a\tb", "a\\tb"),
                Arguments.of("a newline", "a\nb", "a\\nb"),
                Arguments.of("a carriage return", "a\rb", "a\\rb"),
                Arguments.of("NULL as COPY spells it", "\\N", "\\\\N"),
                Arguments.of("the end of data", "\\.", "\\\\."),
                Arguments.of("quotes and separators", "\"'q'\",;|", "\"'q'\",;|"),
                Arguments.of("Chinese", "核心客户", "核心客户"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specialText")
    void escapesWhatCopyReadsSpeciallyAndNothingElse(String what, String value, String written) {
        assertThat(new CopyText().text(value).endRow().toString()).as(what).isEqualTo(written + "\n");
    }

    @Test
    void separatesColumnsWithTabsAndRowsWithNewlinesAndWritesNullAsBackslashN() {
        CopyText rows = new CopyText().text("c-1").text(null).number(3).endRow().text("").day(LocalDate.of(1, 1, 1)).endRow();

        assertThat(rows.toString()).isEqualTo("c-1\t\\N\t3\n\t0001-01-01\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void writesAMomentAsItsMicrosecondTimestampInUtcAndItsNanoseconds() {
        CopyText rows = new CopyText().moment(Instant.parse("2026-10-01T02:00:00.123456789Z"))
                .moment(Instant.parse("9999-12-31T23:59:59Z")).endRow();

        assertThat(rows.toString())
                .isEqualTo("2026-10-01 02:00:00.123456+00\t123456789\t9999-12-31 23:59:59.000000+00\t0\n");
    }

    @Test
    void writesADecimalInPlainNotationWithItsScaleAndNullAsBackslashN() {
        CopyText rows = new CopyText().decimal(new BigDecimal("1E+3")).decimal(new BigDecimal("0.00000001"))
                .decimal(new BigDecimal("-12.50")).decimal(null).endRow();

        assertThat(rows.toString()).isEqualTo("1000\t0.00000001\t-12.50\t\\N\n");
    }

    @Test
    void writesAnAbsentMomentAsNullInBothItsColumns() {
        assertThat(new CopyText().moment(null).number(1).endRow().toString()).isEqualTo("\\N\t\\N\t1\n");
    }

    @Test
    void sendsUtf8() {
        assertThat(new CopyText().text("中😀").endRow().bytes()).isEqualTo("中😀\n".getBytes(StandardCharsets.UTF_8));
    }
}
