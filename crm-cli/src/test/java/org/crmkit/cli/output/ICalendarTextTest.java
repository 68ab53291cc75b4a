package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5545 line folding and TEXT escaping. */
class ICalendarTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain text               | plain text",
        "a, b; c                  | a\\, b\\; c",
        "back\\slash              | back\\\\slash",
        "\"one\ntwo\"             | one\\ntwo",
        "\"one\r\ntwo\rthree\"    | one\\ntwo\\nthree",
    })
    void escapesTextValues(String text, String escaped) {
        assertThat(ICalendarText.escape(text)).isEqualTo(escaped);
    }

    @Test
    void aLineOf75OctetsIsNotFolded() {
        String line = "X".repeat(75);

        assertThat(ICalendarText.fold(line)).isEqualTo(line + "\r\n");
    }

    @Test
    void aLongerLineIsFoldedWithASpaceThatCountsTowardsTheLimit() {
        String folded = ICalendarText.fold("X".repeat(75 + 74 + 1));

        assertThat(folded).isEqualTo("X".repeat(75) + "\r\n " + "X".repeat(74) + "\r\n X\r\n");
    }

    @Test
    void foldingNeverSplitsACharacter() {
        // 24 Chinese characters of 3 octets after "S:" (2 octets): 74 octets, then one more character.
        String line = "S:" + "核".repeat(25);

        String[] lines = ICalendarText.fold(line).split("\r\n");

        assertThat(lines).containsExactly("S:" + "核".repeat(24), " 核");
        assertThat(Arrays.stream(lines).mapToInt(part -> part.getBytes(StandardCharsets.UTF_8).length))
                .allMatch(octets -> octets <= 75);
    }

    @Test
    void charactersOutsideTheBasicPlaneStayWhole() {
        String line = "S:" + "😀".repeat(30);

        String folded = ICalendarText.fold(line);

        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
        assertThat(folded.split("\r\n")).allSatisfy(part ->
                assertThat(new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(part));
    }
}
