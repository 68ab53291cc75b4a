package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.policy.PolicyValidationException;
import org.crmkit.rules.sla.SlaPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The references between sections (the tiers and calendars that the SLA and the cadences name) are
 * checked alike in a file and in code: each case loads a document whose section names what the
 * policy does not define, and builds the same policy in code from two valid documents, the policy
 * without the section and one that defines what the section names. Both must fail with the same
 * paths and messages; only the location differs (the file and its lines, or {@code <builder>}).
 */
class PolicyReferencesTest {
    private static final String HEAD = """
            id: acme
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            """;
    private static final String OFFICE = """
            calendars:
              office: {hours: {mon-fri: ["09:00-18:00"]}}
            """;
    private static final String OFFICE_AND_SHOP = """
            calendars:
              office: {hours: {mon-fri: ["09:00-18:00"]}}
              shop: {hours: {sat: ["10:00-16:00"]}}
            """;
    private static final String GOLD = """
            tiers:
              - {name: gold, when: {spend: {gt: 0}}}
            """;
    private static final String GOLD_AND_PLATINUM = """
            tiers:
              - {name: platinum, when: {spend: {gte: 100000}}}
              - {name: gold, when: {spend: {gt: 0}}}
            """;

    /**
     * A section with references, the policy it is loaded into, and what that policy lacks.
     *
     * @param what the case
     * @param type the section's type
     * @param section the section's YAML
     * @param calendars the calendars of the policy the section is put into
     * @param tiers the tiers of that policy
     * @param defining calendars and tiers that define everything the section names
     * @param expected each problem as {@code path: message}
     */
    private record Case(String what, Class<?> type, String section, String calendars, String tiers, String defining,
            List<String> expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> references() {
        return Stream.of(
                new Case("a tier that an SLA target names", SlaPolicy.class, """
                        sla:
                          calendar: office
                          targets:
                            - name: complaints
                              when: {tiers: [gold, platinum]}
                              milestones: [{name: first_response, within: 1h, met_by: [responded]}]
                        """, OFFICE, GOLD, OFFICE + GOLD_AND_PLATINUM,
                        List.of("sla.targets[0].when.tiers[1]: unknown tier 'platinum', expected one of gold")),
                new Case("the calendar of a milestone", SlaPolicy.class, """
                        sla:
                          calendar: office
                          targets:
                            - name: complaints
                              milestones:
                                - {name: first_response, within: 1h, met_by: [responded]}
                                - {name: resolution, within: 2h, met_by: [resolved], calendar: shop}
                        """, OFFICE, GOLD, OFFICE_AND_SHOP + GOLD,
                        List.of("sla.targets[0].milestones[1].calendar: unknown calendar 'shop', expected one of"
                                + " office, 24x7")),
                new Case("the tiers of several SLA targets", SlaPolicy.class, """
                        sla:
                          calendar: office
                          targets:
                            - name: vip
                              when: {tiers: [platinum]}
                              milestones: [{name: first_response, within: 1h, met_by: [responded]}]
                            - name: others
                              when: {tiers: [gold, platinum]}
                              milestones: [{name: first_response, within: 4h, met_by: [responded]}]
                        """, OFFICE, GOLD, OFFICE + GOLD_AND_PLATINUM,
                        List.of("sla.targets[0].when.tiers[0]: unknown tier 'platinum', expected one of gold",
                                "sla.targets[1].when.tiers[1]: unknown tier 'platinum', expected one of gold")),
                new Case("a tier with cadence rules", CadencePolicy.class, """
                        cadences:
                          calendar: office
                          tiers:
                            gold: [{name: call, channels: [phone], every: 1 month, owner: sales_team, purpose: visit}]
                            platinum: [{name: visit, channels: [visit], every: 2 weeks, owner: account_manager,
                                        purpose: visit}]
                        """, OFFICE, GOLD, OFFICE + GOLD_AND_PLATINUM,
                        List.of("cadences.tiers.platinum: unknown tier 'platinum', expected one of gold")),
                new Case("the calendar of the cadences", CadencePolicy.class, """
                        cadences:
                          calendar: shop
                          tiers: {}
                        """, OFFICE, GOLD, OFFICE_AND_SHOP + GOLD,
                        List.of("cadences.calendar: unknown calendar 'shop', expected one of office, 24x7")),
                new Case("the calendar of an owner pool", CadencePolicy.class, """
                        cadences:
                          calendar: office
                          owners: {sales_team: {members: [s-1], calendar: shop}}
                          tiers: {}
                        """, OFFICE, GOLD, OFFICE_AND_SHOP + GOLD,
                        List.of("cadences.owners.sales_team.calendar: unknown calendar 'shop', expected one of"
                                + " office, 24x7")))
                .map(Arguments::of);
    }

    private static List<InputProblem> problems(ThrowingSupplier<Policy> policy) {
        PolicyValidationException thrown = catchThrowableOfType(PolicyValidationException.class, policy::get);
        assertThat(thrown).as("the policy must be rejected").isNotNull();
        return thrown.problems();
    }

    /** The problems of a document broken only in what it refers to, which the schema accepts. */
    private static List<InputProblem> loaded(String document) {
        PolicyDocuments.assertSchemaAccepts(document);
        return problems(() -> PolicyLoader.parse(document, "acme.yaml"));
    }

    private static List<String> pathsAndMessages(List<InputProblem> problems) {
        return problems.stream().map(problem -> problem.keyPath().orElse("") + ": " + problem.message()).toList();
    }

    private static Object section(Policy policy, Class<?> type) {
        return policy.find(type).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void aReferenceThePolicyDoesNotDefineIsRejectedInAFileAndInCodeWithTheSameMessages(Case reference) {
        List<InputProblem> loaded = loaded(HEAD + reference.calendars() + reference.tiers() + reference.section());
        Policy without = PolicyDocuments.load(HEAD + reference.calendars() + reference.tiers(), "acme.yaml");
        Policy defining = PolicyDocuments.load(HEAD + reference.defining() + reference.section(), "defining.yaml");
        List<InputProblem> built = problems(() -> without.toBuilder().section(section(defining, reference.type()))
                .build());

        assertThat(pathsAndMessages(loaded)).isEqualTo(reference.expected());
        assertThat(pathsAndMessages(built)).isEqualTo(reference.expected());
        assertThat(loaded).allSatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("acme.yaml");
            assertThat(problem.line()).isPositive();
        });
        assertThat(built).allSatisfy(problem -> {
            assertThat(problem.source()).isEqualTo("<builder>");
            assertThat(problem.line()).isZero();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void theSamePolicyWithEverythingItNamesIsAcceptedBothWays(Case reference) {
        Policy defining = PolicyDocuments.load(HEAD + reference.defining() + reference.section(), "defining.yaml");
        Policy rebuilt = PolicyDocuments.load(HEAD + reference.defining(), "defining.yaml").toBuilder()
                .section(section(defining, reference.type())).source(defining.source()).build();

        assertThat(rebuilt).isEqualTo(defining);
    }

    @Test
    void theBuilderNamesItsSourceWithoutALine() {
        Policy without = PolicyDocuments.load(HEAD + OFFICE + GOLD, "acme.yaml");
        Policy defining = PolicyDocuments.load(HEAD + OFFICE + GOLD_AND_PLATINUM + """
                cadences:
                  calendar: office
                  tiers: {platinum: []}
                """, "defining.yaml");

        PolicyValidationException thrown = catchThrowableOfType(PolicyValidationException.class,
                () -> without.toBuilder().section(section(defining, CadencePolicy.class)).build());

        assertThat(thrown).hasMessage("Invalid policy: <builder>: cadences.tiers.platinum: unknown tier 'platinum',"
                + " expected one of gold");
    }

    @Test
    void aFileThatRepeatsATierIsToldOfTheItemItWrote() {
        // The target keeps gold once; the message points at the third item, as the file wrote it.
        List<InputProblem> problems = loaded(HEAD + OFFICE + GOLD + """
                sla:
                  calendar: office
                  targets:
                    - name: complaints
                      when:
                        tiers:
                          - gold
                          - gold
                          - platinum
                      milestones: [{name: first_response, within: 1h, met_by: [responded]}]
                """);

        assertThat(problems).extracting(InputProblem::toString).containsExactly(
                "acme.yaml:18: sla.targets[0].when.tiers[2]: unknown tier 'platinum', expected one of gold");
    }

    @Test
    void aSectionWithAProblemOfItsOwnHasItsTiersCheckedOnceItCanBeRead() {
        // The references are checked on the section's value, which a section with problems has not.
        String document = HEAD + OFFICE + GOLD + """
                sla:
                  calendar: office
                  targets:
                    - name: vip
                      when: {tiers: [platinum]}
                      milestones: [{name: first_response, within: an hour, met_by: [responded]}]
                """;

        assertThat(PolicyDocuments.rejected(document, "acme.yaml", PolicyDocuments.Broken.STRUCTURE))
                .containsExactly("acme.yaml:15: sla.targets[0].milestones[0].within: must be a duration like 1h, 30m"
                        + " or 1h30m, was 'an hour'");
        assertThat(loaded(document.replace("an hour", "1h"))).extracting(InputProblem::toString).containsExactly(
                        "acme.yaml:14: sla.targets[0].when.tiers[0]: unknown tier 'platinum', expected one of gold");
    }

    @Test
    void codeMustUseThePoliciesOwnCalendarOfAName() {
        // A file names calendars, so only code can hand a section another calendar of the same name.
        Policy without = PolicyDocuments.load(HEAD + OFFICE + GOLD, "acme.yaml");
        Policy otherOffice = PolicyDocuments.load(HEAD + """
                calendars:
                  office: {hours: {mon-fri: ["08:00-12:00"]}}
                """ + GOLD + """
                cadences:
                  calendar: office
                  tiers: {}
                """, "other.yaml");

        List<InputProblem> problems = problems(() -> without.toBuilder()
                .section(section(otherOffice, CadencePolicy.class)).build());

        assertThat(problems).extracting(InputProblem::toString).containsExactly("<builder>: cadences.calendar:"
                + " calendar 'office' is not the policy's calendar of that name; use the one the policy holds");
    }

    @Test
    void replacingTheTiersOfAPolicyChecksWhatItsOtherSectionsName() {
        Policy standard = PolicyLoader.standard();
        Policy goldOnly = PolicyDocuments.load(HEAD + GOLD, "gold.yaml");

        List<InputProblem> problems = problems(() -> standard.toBuilder()
                .section(goldOnly.section(org.crmkit.rules.tiering.TieringPolicy.class)).build());

        assertThat(problems).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.keyPath()).get().asString()
                    .matches("(sla\\.targets\\[\\d+]\\.when\\.tiers\\[\\d+]|cadences\\.tiers\\.\\w+)");
            assertThat(problem.message()).matches("unknown tier '\\w+', expected one of gold");
        });
        assertThat(problems).extracting(problem -> problem.keyPath().orElse(""))
                .contains("cadences.tiers.core", "cadences.tiers.basic");
    }
}
