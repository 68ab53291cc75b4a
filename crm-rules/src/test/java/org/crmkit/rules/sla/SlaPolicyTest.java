package org.crmkit.rules.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.PolicyDocuments.Broken.MEANING;
import static org.crmkit.rules.PolicyDocuments.Broken.STRUCTURE;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sla section: the standard policy's promises, and located messages for broken sections. */
class SlaPolicyTest {
    private static final String HEAD = """
            id: sla
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            calendars:
              office: {hours: {mon-fri: ["09:00-18:00"]}}
            tiers:
              - {name: basic, when: {spend: {gt: 0}}}
            sla:
            """;

    @Test
    void theStandardPolicyPromises1_24_48ForComplaintsAnd48HoursForBasicInquiries() {
        Policy standard = PolicyLoader.standard();
        SlaTarget complaints = standard.section(SlaPolicy.class).targetFor(CaseKind.COMPLAINT, Optional.empty(), Optional.empty())
                .orElseThrow();

        assertThat(complaints.milestones()).extracting(Milestone::name, Milestone::within)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first_response", Duration.ofHours(1)),
                        org.assertj.core.groups.Tuple.tuple("solution", Duration.ofHours(24)),
                        org.assertj.core.groups.Tuple.tuple("resolution", Duration.ofHours(48)));
        assertThat(complaints.milestones()).allSatisfy(milestone -> {
            assertThat(milestone.calendar().name()).isEqualTo("office_hours");
            assertThat(milestone.warnAtPercent()).contains(75);
        });
        assertThat(complaints.milestones().get(2).metBy())
                .containsExactly(CaseEventType.RESOLVED, CaseEventType.FEEDBACK_RECEIVED);
        assertThat(complaints.milestones().get(2).restartOnReopen()).isTrue();
        assertThat(standard.section(SlaPolicy.class).targetFor(CaseKind.COMPLAINT, Optional.of(Tier.of("core")), Optional.of(Priority.P1)))
                .contains(complaints);

        SlaTarget basicInquiries = standard.section(SlaPolicy.class).targetFor(CaseKind.INQUIRY, Optional.of(Tier.of("basic")),
                Optional.empty()).orElseThrow();
        assertThat(basicInquiries.milestones()).singleElement().satisfies(milestone -> {
            assertThat(milestone.name()).isEqualTo("first_response");
            assertThat(milestone.within()).isEqualTo(Duration.ofHours(48));
        });
        assertThat(standard.section(SlaPolicy.class).targetFor(CaseKind.INQUIRY, Optional.of(Tier.of("core")), Optional.empty()))
                .isEmpty();
    }

    @Test
    void readsDurationsWarningsAndEscalations() {
        Policy policy = PolicyDocuments.load(HEAD + """
                  calendar: office
                  warn: {at_percent: 80}
                  targets:
                    - name: all
                      milestones:
                        - name: first_response
                          within: 1h30m
                          met_by: [responded]
                          warn: {before: 20m}
                          escalate: {warning: [lead], breach: [manager, director]}
                        - {name: solution, within: PT24H, met_by: [solution_proposed], business_time: false}
                """, "sla.yaml");

        List<Milestone> milestones = policy.section(SlaPolicy.class).targets().get(0).milestones();
        assertThat(milestones.get(0).within()).isEqualTo(Duration.ofMinutes(90));
        assertThat(milestones.get(0).warnAtPercent()).isEmpty();
        assertThat(milestones.get(0).warnBefore()).contains(Duration.ofMinutes(20));
        assertThat(milestones.get(0).escalateOnBreach()).containsExactly("manager", "director");
        assertThat(milestones.get(1).warnAtPercent()).contains(80);
        assertThat(milestones.get(1).calendar().alwaysOpen()).isTrue();
    }

    static Stream<Arguments> brokenSections() {
        return Stream.of(
                Arguments.of(MEANING, """
                          targets:
                            - {name: t, milestones: [{name: m, within: 1h, met_by: [responded]}]}
                        """, "sla.yaml:12: sla.targets[0].milestones[0]: a business-time milestone needs a calendar:"
                        + " set calendar here or in sla.calendar, or business_time: false"),
                Arguments.of(MEANING, """
                          calendar: shop
                          targets: []
                        """, "sla.yaml:11: sla.calendar: unknown calendar 'shop', expected one of office, 24x7"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          targets:
                            - {name: t, milestones: [{name: m, within: an hour, met_by: [responded]}]}
                        """, "sla.yaml:13: sla.targets[0].milestones[0].within: must be a duration like 1h, 30m or"
                        + " 1h30m, was 'an hour'"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          targets:
                            - {name: t, milestones: [{name: m, within: 1h, met_by: [answered]}]}
                        """, "sla.yaml:13: sla.targets[0].milestones[0].met_by[0]: Unknown case event 'answered',"
                        + " expected one of responded, solution_proposed, resolved, feedback_received, paused,"
                        + " resumed, reopened, closed, priority_changed"),
                Arguments.of(MEANING, """
                          calendar: office
                          targets:
                            - {name: t, when: {tiers: [gold]}, milestones: [{name: m, within: 1h, met_by: [responded]}]}
                        """, "sla.yaml:13: sla.targets[0].when.tiers[0]: unknown tier 'gold', expected one of basic"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          targets:
                            - {name: t, when: {priorities: [P5]}, milestones: [{name: m, within: 1h, met_by: [responded]}]}
                        """, "sla.yaml:13: sla.targets[0].when.priorities[0]: Unknown priority 'P5', expected one of"
                        + " p1, p2, p3, p4"),
                Arguments.of(MEANING, """
                          calendar: office
                          targets:
                            - name: t
                              milestones:
                                - {name: m, within: 1h, met_by: [responded]}
                                - {name: m, within: 2h, met_by: [resolved]}
                        """, "sla.yaml:16: sla.targets[0].milestones[1].name: duplicate milestone 'm' in this target"),
                Arguments.of(MEANING, """
                          calendar: office
                          targets:
                            - {name: t, milestones: [{name: m, within: 1h, met_by: [responded], warn: {before: 2h}}]}
                        """, "sla.yaml:13: sla.targets[0].milestones[0].warn.before: the warning lead time '2h' must be"
                        + " less than the milestone's target of '1h'"),
                Arguments.of(MEANING, """
                          calendar: office
                          warn: {before: 2h}
                          targets:
                            - {name: t, milestones: [{name: m, within: 1h, met_by: [responded]}]}
                        """, "sla.yaml:12: sla.warn.before: the warning lead time '2h' must be less than the"
                        + " milestone's target of '1h' (milestone m)"),
                Arguments.of(MEANING, """
                          targets:
                            - {name: t, milestones: [{name: m, within: 1h, met_by: [responded], business_time: false,
                               calendar: office}]}
                        """, "sla.yaml:13: sla.targets[0].milestones[0].calendar: a milestone with business_time: false"
                        + " counts wall-clock time and takes no calendar"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          warn: {at_percent: 100}
                          targets: []
                        """, "sla.yaml:12: sla.warn.at_percent: must be at most 99, was 100"),
                Arguments.of(STRUCTURE, """
                          calendar: office
                          targets:
                            - {name: t, milestones: [{name: m, within: 0m, met_by: [responded]}]}
                        """, "sla.yaml:13: sla.targets[0].milestones[0].within: must be more than zero, was '0m'"));
    }

    @ParameterizedTest
    @MethodSource("brokenSections")
    void rejectsBrokenSectionsWithLocatedMessages(PolicyDocuments.Broken broken, String section, String expected) {
        assertThat(PolicyDocuments.rejected(HEAD + section, "sla.yaml", broken)).containsExactly(expected);
    }
}
