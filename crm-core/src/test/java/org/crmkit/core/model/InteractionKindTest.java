package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionKindTest {
    private static final String ALLOWED =
            "inquiry, visit, call, message, meeting, survey, referral, event, trial, other";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "inquiry      | INQUIRY",
        "INQUIRY      | INQUIRY",
        "Inquiry      | INQUIRY",
        "' referral ' | REFERRAL",
        "Trial        | TRIAL",
        "other        | OTHER",
        "MeEtInG      | MEETING",
    })
    void parsesTheFileSpellingIgnoringCaseAndSurroundingSpace(String text, InteractionKind expected) {
        assertThat(InteractionKind.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint", "enquiry", "", "in quiry", "inquiries"})
    void rejectsUnknownKindsListingTheAllowedOnes(String text) {
        assertThatThrownBy(() -> InteractionKind.parse(text))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown interaction kind '" + text + "', expected one of " + ALLOWED);
    }

    @Test
    void keyIsTheLowerCaseFileSpelling() {
        assertThat(InteractionKind.INQUIRY.key()).isEqualTo("inquiry");
        assertThat(InteractionKind.REFERRAL.key()).isEqualTo("referral");
    }

    @ParameterizedTest
    @EnumSource(InteractionKind.class)
    void everyKeyParsesBackToItsKind(InteractionKind kind) {
        assertThat(InteractionKind.parse(kind.key())).isSameAs(kind);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> InteractionKind.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("interaction kind");
    }
}
