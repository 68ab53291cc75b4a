package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\")  | '=HYPERLINK(\"http://x\")",
            "+41 22 000                | '+41 22 000",
            "-12.50                    | '-12.50",
            "@SUM(A1:A2)               | '@SUM(A1:A2)",
            "`\tcmd`                   | `'\tcmd`",
            "`\rcmd`                   | `'\rcmd`",
            "c-001                     | c-001",
            "a=b                       | a=b",
            "'already                  | 'already",
            "` =1`                     | ` =1`"})
    void quotesOnlyTextThatBeginsWithAFormulaCharacter(String text, String expected) {
        assertThat(CsvText.neutralise(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = "''", emptyValue = "")
    void leavesAnEmptyCellEmpty(String empty) {
        assertThat(CsvText.neutralise(empty)).isEmpty();
    }
}
