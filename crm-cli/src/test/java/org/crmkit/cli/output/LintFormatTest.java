package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LintFormatTest {
    /** A warning about the whole document, whose line is unknown. */
    private static final InputProblem WHOLE_DOCUMENT = InputProblem.atPath("built-in.yaml", 0, "", "looks odd");
    /** A warning whose message needs CSV quoting and JSON escaping. */
    private static final InputProblem AWKWARD = InputProblem.atPath("dir, with comma/p.yaml", 7, "tiers[0].when",
            "rule \"gold\" says: spend in [0, 10)");

    private static String write(LintFormat format, List<InputProblem> warnings) throws IOException {
        StringWriter out = new StringWriter();
        format.writer().write(warnings, out);
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource({"jsonl, JSONL", "CSV, CSV", " Text , TEXT"})
    void parsesTheSpellingsIgnoringCaseAndSpaces(String text, LintFormat expected) {
        assertThat(LintFormat.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownFormatNamesTheFormats() {
        assertThatThrownBy(() -> LintFormat.parse("yaml"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("expected one of jsonl, csv, text, was 'yaml'");
    }

    @Test
    void jsonLinesHaveANullLineWhenItIsUnknownAndAnEmptyPathForTheWholeDocument() throws IOException {
        assertThat(write(LintFormat.JSONL, List.of(WHOLE_DOCUMENT))).isEqualTo(
                "{\"source\":\"built-in.yaml\",\"line\":null,\"path\":\"\",\"severity\":\"warning\","
                        + "\"message\":\"looks odd\"}\n");
    }

    @Test
    void jsonLinesEscapeQuotes() throws IOException {
        assertThat(write(LintFormat.JSONL, List.of(AWKWARD))).isEqualTo(
                "{\"source\":\"dir, with comma/p.yaml\",\"line\":7,\"path\":\"tiers[0].when\",\"severity\":\"warning\","
                        + "\"message\":\"rule \\\"gold\\\" says: spend in [0, 10)\"}\n");
    }

    @Test
    void csvLeavesAnUnknownLineEmptyAndQuotesOnlyWhereNeeded() throws IOException {
        assertThat(write(LintFormat.CSV, List.of(WHOLE_DOCUMENT, AWKWARD))).isEqualTo("""
                source,line,path,severity,message
                built-in.yaml,,,warning,looks odd
                "dir, with comma/p.yaml",7,tiers[0].when,warning,"rule ""gold"" says: spend in [0, 10)"
                """);
    }

    @Test
    void csvWithoutWarningsIsTheHeaderAlone() throws IOException {
        assertThat(write(LintFormat.CSV, List.of())).isEqualTo("source,line,path,severity,message\n");
    }

    @Test
    void textLeavesOutTheUnknownParts() throws IOException {
        assertThat(write(LintFormat.TEXT, List.of(WHOLE_DOCUMENT, AWKWARD))).isEqualTo("""
                built-in.yaml: looks odd
                dir, with comma/p.yaml:7: tiers[0].when: rule "gold" says: spend in [0, 10)
                """);
    }

    @Test
    void noWarningsPrintNothingInJsonLinesOrText() throws IOException {
        assertThat(write(LintFormat.JSONL, List.of())).isEmpty();
        assertThat(write(LintFormat.TEXT, List.of())).isEmpty();
    }
}
