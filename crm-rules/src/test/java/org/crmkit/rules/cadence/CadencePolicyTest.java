package org.crmkit.rules.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.PolicyDocuments.Broken.MEANING;
import static org.crmkit.rules.PolicyDocuments.Broken.STRUCTURE;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cadences section: the plan's rhythms in the standard policy, and located messages for broken sections. */
class CadencePolicyTest {
    private static final String HEAD = """
            id: cad
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            calendars:
              office: {hours: {mon-fri: ["09:00-18:00"]}}
            tiers:
              - {name: gold, when: {spend: {gt: 0}}}
            cadences:
            """;

    @Test
    void theStandardPolicyKeepsEachTierInTouchAtThePlansRhythm() {
        CadencePolicy cadences = PolicyLoader.standard().find(CadencePolicy.class).orElseThrow();

        assertThat(cadences.rules().get(Tier.of("core"))).singleElement().satisfies(rule -> {
            assertThat(rule.channels()).containsExactly(Channel.VISIT, Channel.VIDEO);
            assertThat(rule.every()).isEqualTo(new CadenceInterval(1, CadenceInterval.Unit.MONTHS));
            assertThat(rule.owner()).isEqualTo(OwnerKind.ACCOUNT_MANAGER);
        });
        assertThat(cadences.rules().get(Tier.of("important"))).extracting(CadenceRule::every).containsExactly(
                new CadenceInterval(2, CadenceInterval.Unit.WEEKS), new CadenceInterval(1, CadenceInterval.Unit.QUARTERS));
        assertThat(cadences.rules().get(Tier.of("basic"))).singleElement().satisfies(rule -> {
            assertThat(rule.owner()).isEqualTo(OwnerKind.AUTOMATION);
            assertThat(rule.purpose()).isEqualTo(ContactPurpose.OFFER);
            assertThat(rule.channels()).containsExactly(Channel.SMS, Channel.EMAIL);
        });
        assertThat(cadences.rules().get(Tier.of("potential"))).singleElement()
                .satisfies(rule -> assertThat(rule.owner()).isEqualTo(OwnerKind.SALES_TEAM));
        assertThat(cadences.frequencyCap()).contains(new FrequencyCap(4, 30));
        assertThat(cadences.suppressMarketingWhileComplaintOpen()).isTrue();
        assertThat(cadences.calendar().name()).isEqualTo("office_hours");
    }

    @Test
    void countsIntervalsInDaysWeeksMonthsQuartersAndBusinessDays() {
        Policy policy = PolicyLoader.standard();
        var calendar = policy.find(CadencePolicy.class).orElseThrow().calendar();
        LocalDate friday = LocalDate.of(2026, 4, 3);

        assertThat(CadenceInterval.parse("3 business days").after(friday, calendar)).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(CadenceInterval.parse("1 month").after(LocalDate.of(2026, 1, 31), calendar))
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(CadenceInterval.parse("1 quarter").after(friday, calendar)).isEqualTo(LocalDate.of(2026, 7, 3));
        assertThat(CadenceInterval.parse("2 weeks").after(friday, calendar)).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(CadenceInterval.parse("10 days")).hasToString("10 days");
        assertThat(CadenceInterval.parse("1 business day")).hasToString("1 business day");
    }

    static Stream<Arguments> brokenSections() {
        return Stream.of(
                Arguments.of(MEANING, """
                          calendar: shop
                          tiers: {}
                        """, "cad.yaml:11: cadences.calendar: unknown calendar 'shop', expected one of office, 24x7"),
                Arguments.of(MEANING, """
                          calendar: office
                          tiers:
                            platinum: []
                        """, "cad.yaml:13: cadences.tiers.platinum: unknown tier 'platinum', expected one of gold"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          tiers:
                            gold: [{name: r, channels: [fax], every: 1 month, owner: automation, purpose: offer}]
                        """, "cad.yaml:13: cadences.tiers.gold[0].channels[0]: Unknown channel 'fax', expected one of"
                        + " visit, video, phone, online, sms, email, wechat, event"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          tiers:
                            gold: [{name: r, channels: [sms], every: fortnightly, owner: automation, purpose: offer}]
                        """, "cad.yaml:13: cadences.tiers.gold[0].every: interval must look like '2 weeks', '1 month',"
                        + " '10 business days' or '1 quarter', was 'fortnightly'"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          tiers:
                            gold: [{name: r, channels: [sms], every: 1 month, owner: robot, purpose: offer}]
                        """, "cad.yaml:13: cadences.tiers.gold[0].owner: Unknown owner 'robot', expected one of"
                        + " account_manager, sales_team, service_team, automation"),
                Arguments.of(MEANING, """
                          calendar: office
                          tiers:
                            gold:
                              - {name: r, channels: [sms], every: 1 month, owner: automation, purpose: offer}
                              - {name: r, channels: [email], every: 1 month, owner: automation, purpose: offer}
                        """, "cad.yaml:15: cadences.tiers.gold[1].name: duplicate cadence rule 'r'"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          frequency_cap: {touches: 0, days: 30}
                          tiers: {}
                        """, "cad.yaml:12: cadences.frequency_cap.touches: must be at least 1, was 0"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          owners: {sales_team: {capacity: {phone: -1}}}
                          tiers: {}
                        """, "cad.yaml:12: cadences.owners.sales_team.capacity.phone: must be at least 0, was -1"));
    }

    @ParameterizedTest
    @MethodSource("brokenSections")
    void rejectsBrokenSectionsWithLocatedMessages(PolicyDocuments.Broken broken, String section, String expected) {
        assertThat(PolicyDocuments.rejected(HEAD + section, "cad.yaml", broken)).containsExactly(expected);
    }

    @Test
    void aPolicyWithoutCadencesPlansNothing() {
        Policy policy = PolicyDocuments.load(HEAD.replace("cadences:\n", ""), "cad.yaml");

        assertThat(policy.find(CadencePolicy.class)).isEmpty();
        assertThat(List.of(policy.ref().id())).containsExactly("cad");
    }
}
