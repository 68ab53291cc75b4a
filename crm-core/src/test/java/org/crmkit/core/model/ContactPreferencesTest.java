package org.crmkit.core.model;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPreferencesTest {
    private static final String DAYS_EXPECTED = "', expected MON, TUE, WED, THU, FRI, SAT or SUN";
    private static final String CHANNELS_EXPECTED =
            "', expected one of visit, video, phone, online, sms, email, wechat, event";

    static Stream<Arguments> dayLists() {
        return Stream.of(
                Arguments.of("SAT;SUN", Set.of(SATURDAY, SUNDAY)),
                Arguments.of("sat; sun", Set.of(SATURDAY, SUNDAY)),
                Arguments.of("Saturday;SUNDAY", Set.of(SATURDAY, SUNDAY)),
                Arguments.of("  tue ;  Thursday  ", Set.of(TUESDAY, THURSDAY)),
                Arguments.of("MON;Mon;monday", Set.of(MONDAY)),
                Arguments.of("wed", Set.of(WEDNESDAY)),
                Arguments.of("Mon;Tue;Wed;Thu;Fri;Sat;Sun", EnumSet.allOf(DayOfWeek.class)),
                Arguments.of("friday", Set.of(FRIDAY)),
                Arguments.of("", Set.of()),
                Arguments.of("   ", Set.of()),
                // empty entries are ignored wherever they stand
                Arguments.of("MON;;TUE", Set.of(MONDAY, DayOfWeek.TUESDAY)),
                Arguments.of(";SAT", Set.of(DayOfWeek.SATURDAY)),
                Arguments.of("SAT;", Set.of(DayOfWeek.SATURDAY)));
    }

    @ParameterizedTest
    @MethodSource("dayLists")
    void parsesDayListsWithAbbreviationsOrFullNamesInAnyCase(String text, Set<DayOfWeek> expected) {
        assertThat(ContactPreferences.parseDays(text)).isEqualTo(expected);
    }

    static Stream<Arguments> badDayLists() {
        return Stream.of(
                Arguments.of("SA", "SA"),
                Arguments.of("Thurs", "Thurs"),
                Arguments.of("MON;Funday", "Funday"),
                Arguments.of("MON; Funday ", "Funday"),
                Arguments.of("MON,TUE", "MON,TUE"),
                Arguments.of("lundi", "lundi"),
                Arguments.of("星期一", "星期一"));
    }

    @ParameterizedTest
    @MethodSource("badDayLists")
    void rejectsUnknownDaysQuotingTheBadEntry(String text, String badEntry) {
        assertThatThrownBy(() -> ContactPreferences.parseDays(text))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown day '" + badEntry + DAYS_EXPECTED);
    }

    static Stream<Arguments> channelLists() {
        return Stream.of(
                Arguments.of("sms;email", Set.of(Channel.SMS, Channel.EMAIL)),
                Arguments.of(" SMS ; WeChat ", Set.of(Channel.SMS, Channel.WECHAT)),
                Arguments.of("phone;phone", Set.of(Channel.PHONE)),
                Arguments.of("all", EnumSet.allOf(Channel.class)),
                Arguments.of("ALL", EnumSet.allOf(Channel.class)),
                Arguments.of("sms;all", EnumSet.allOf(Channel.class)),
                Arguments.of("", Set.of()),
                Arguments.of("  ", Set.of()),
                Arguments.of("sms;;email;", Set.of(Channel.SMS, Channel.EMAIL)));
    }

    @ParameterizedTest
    @MethodSource("channelLists")
    void parsesChannelListsAndAllForEveryChannel(String text, Set<Channel> expected) {
        assertThat(ContactPreferences.parseChannels(text)).isEqualTo(expected);
    }

    static Stream<Arguments> badChannelLists() {
        return Stream.of(
                Arguments.of("sms;fax", "fax"),
                Arguments.of("sms,email", "sms,email"),
                Arguments.of("none", "none"),
                Arguments.of("every", "every"));
    }

    @ParameterizedTest
    @MethodSource("badChannelLists")
    void rejectsUnknownChannelsQuotingTheBadEntry(String text, String badEntry) {
        assertThatThrownBy(() -> ContactPreferences.parseChannels(text))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown channel '" + badEntry + CHANNELS_EXPECTED);
    }

    @Test
    void parsedSetsCannotBeChanged() {
        Set<DayOfWeek> days = ContactPreferences.parseDays("MON");
        Set<Channel> channels = ContactPreferences.parseChannels("sms");

        assertThatThrownBy(() -> days.add(TUESDAY)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> channels.add(Channel.EMAIL)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(days).containsExactly(MONDAY);
        assertThat(channels).containsExactly(Channel.SMS);
    }

    @Test
    void noneStatesNothingAndAllowsEveryChannel() {
        ContactPreferences none = ContactPreferences.none();

        assertThat(none.timeZone()).isEmpty();
        assertThat(none.preferredChannel()).isEmpty();
        assertThat(none.preferredDays()).isEmpty();
        assertThat(none.preferredHours()).isEmpty();
        assertThat(none.doNotContact()).isEmpty();
        for (Channel channel : Channel.values()) {
            assertThat(none.allows(channel)).as(channel.key()).isTrue();
        }
    }

    @Test
    void forbidsExactlyTheDoNotContactChannels() {
        ContactPreferences preferences = ContactPreferences.none()
                .withDoNotContact(Set.of(Channel.SMS, Channel.PHONE));

        assertThat(preferences.allows(Channel.SMS)).isFalse();
        assertThat(preferences.allows(Channel.PHONE)).isFalse();
        assertThat(preferences.allows(Channel.EMAIL)).isTrue();
        assertThat(preferences.allows(Channel.WECHAT)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void keepsAPreferredChannelThatIsAlsoBlockedButNeverOffersIt(Channel channel) {
        ContactPreferences blocked = new ContactPreferences(Optional.empty(), Optional.of(channel), Set.of(),
                Optional.empty(), EnumSet.allOf(Channel.class));

        assertThat(blocked.preferredChannel()).contains(channel);
        assertThat(blocked.usablePreferredChannel()).isEmpty();
        assertThat(blocked.allows(channel)).isFalse();
    }

    @Test
    void offersThePreferredChannelWhenNothingBlocksIt() {
        ContactPreferences prefersSms = ContactPreferences.none().withPreferredChannel(Channel.SMS)
                .withDoNotContact(Set.of(Channel.EMAIL));

        assertThat(prefersSms.usablePreferredChannel()).contains(Channel.SMS);
        assertThat(prefersSms.withDoNotContact(Set.of(Channel.SMS)).usablePreferredChannel()).isEmpty();
    }

    @Test
    void withCopiesChangeOneComponentOnly() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalTimeRange mornings = LocalTimeRange.parse("09:00-12:00");

        ContactPreferences preferences = ContactPreferences.none()
                .withTimeZone(shanghai)
                .withPreferredChannel(Channel.WECHAT)
                .withPreferredDays(Set.of(MONDAY, FRIDAY))
                .withPreferredHours(mornings)
                .withDoNotContact(Set.of(Channel.PHONE));

        assertThat(preferences.timeZone()).contains(shanghai);
        assertThat(preferences.preferredChannel()).contains(Channel.WECHAT);
        assertThat(preferences.preferredDays()).containsExactlyInAnyOrder(MONDAY, FRIDAY);
        assertThat(preferences.preferredHours()).contains(mornings);
        assertThat(preferences.doNotContact()).containsExactly(Channel.PHONE);
        assertThat(preferences.withPreferredHours(LocalTimeRange.parse("14:00-17:00")))
                .isEqualTo(new ContactPreferences(Optional.of(shanghai), Optional.of(Channel.WECHAT),
                        Set.of(MONDAY, FRIDAY), Optional.of(LocalTimeRange.of(LocalTime.of(14, 0), LocalTime.of(17, 0))),
                        Set.of(Channel.PHONE)));
        assertThat(ContactPreferences.none()).isEqualTo(new ContactPreferences(Optional.empty(), Optional.empty(),
                Set.of(), Optional.empty(), Set.of()));
    }

    @Test
    void keepsItsOwnCopiesOfTheSets() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(MONDAY));
        Set<Channel> blocked = new HashSet<>(Set.of(Channel.SMS));
        ContactPreferences preferences = new ContactPreferences(Optional.empty(), Optional.empty(), days,
                Optional.empty(), blocked);

        days.add(SUNDAY);
        blocked.add(Channel.EMAIL);

        assertThat(preferences.preferredDays()).containsExactly(MONDAY);
        assertThat(preferences.doNotContact()).containsExactly(Channel.SMS);
        assertThat(preferences.allows(Channel.EMAIL)).isTrue();
    }

    @Test
    void itsSetsCannotBeChanged() {
        ContactPreferences preferences = ContactPreferences.none()
                .withPreferredDays(Set.of(MONDAY))
                .withDoNotContact(Set.of(Channel.SMS));

        assertThatThrownBy(() -> preferences.preferredDays().add(SUNDAY))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> preferences.doNotContact().remove(Channel.SMS))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> preferences.doNotContact().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(preferences.allows(Channel.SMS)).isFalse();
    }

    @Test
    void rejectsNullSetElements() {
        Set<Channel> withNull = new HashSet<>();
        withNull.add(null);

        assertThatThrownBy(() -> ContactPreferences.none().withDoNotContact(withNull))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("set element");
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeZone", "preferredChannel", "preferredDays", "preferredHours", "doNotContact"})
    void rejectsNullComponentsNamingThem(String component) {
        assertThatThrownBy(() -> new ContactPreferences(
                component.equals("timeZone") ? null : Optional.empty(),
                component.equals("preferredChannel") ? null : Optional.empty(),
                component.equals("preferredDays") ? null : Set.of(),
                component.equals("preferredHours") ? null : Optional.empty(),
                component.equals("doNotContact") ? null : Set.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage(component);
    }
}
