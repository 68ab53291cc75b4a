package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyRefTest {

    @Test
    void printsIdAtVersion() {
        PolicyRef ref = PolicyRef.of("standard", "2026.1");

        assertThat(ref.id()).isEqualTo("standard");
        assertThat(ref.version()).isEqualTo("2026.1");
        assertThat(ref).hasToString("standard@2026.1").isEqualTo(new PolicyRef("standard", "2026.1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''         | 2026.1    | PolicyRef id must not be blank, was ''",
        "'  '       | 2026.1    | PolicyRef id must not be blank, was '  '",
        "' standard'| 2026.1    | PolicyRef id must not start or end with white space, was ' standard'",
        "standard   | ''        | PolicyRef version must not be blank, was ''",
        "standard   | '2026.1 ' | PolicyRef version must not start or end with white space, was '2026.1 '",
    })
    void rejectsBlankOrPaddedParts(String id, String version, String message) {
        assertThatThrownBy(() -> PolicyRef.of(id, version))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsControlCharactersAndOverlongParts() {
        assertThatThrownBy(() -> PolicyRef.of("std\u0000", "1"))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("PolicyRef id must not contain control or invisible characters, was 'std\u0000'");
        assertThatThrownBy(() -> PolicyRef.of("standard", "1".repeat(129)))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("PolicyRef version must have at most 128 characters, was 129 long");
    }

    @Test
    void rejectsNullsNamingThePart() {
        assertThatThrownBy(() -> PolicyRef.of(null, "1"))
                .isInstanceOf(NullPointerException.class).hasMessage("PolicyRef id");
        assertThatThrownBy(() -> PolicyRef.of("standard", null))
                .isInstanceOf(NullPointerException.class).hasMessage("PolicyRef version");
    }
}
