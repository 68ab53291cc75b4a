package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTest {
    private static final String ALLOWED = "visit, video, phone, online, sms, email, wechat, event";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "wechat    | WECHAT",
        "WeChat    | WECHAT",
        "WECHAT    | WECHAT",
        "'  sms '  | SMS",
        "Email     | EMAIL",
        "visit     | VISIT",
        "vIdEo     | VIDEO",
        "phone     | PHONE",
        "online    | ONLINE",
        "event     | EVENT",
    })
    void parsesTheFileSpellingIgnoringCaseAndSurroundingSpace(String text, Channel expected) {
        assertThat(Channel.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fax", "", " ", "e-mail", "we chat", "sms;email", "all"})
    void rejectsUnknownChannelsListingTheAllowedOnes(String text) {
        assertThatThrownBy(() -> Channel.parse(text))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown channel '" + text + "', expected one of " + ALLOWED);
    }

    @Test
    void keyIsTheLowerCaseFileSpelling() {
        assertThat(Channel.WECHAT.key()).isEqualTo("wechat");
        assertThat(Channel.EMAIL.key()).isEqualTo("email");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyKeyParsesBackToItsChannel(Channel channel) {
        assertThat(Channel.parse(channel.key())).isSameAs(channel);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Channel.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("channel");
    }
}
