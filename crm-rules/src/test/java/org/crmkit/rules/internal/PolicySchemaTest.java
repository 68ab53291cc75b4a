package org.crmkit.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crmkit.rules.MinimalPolicy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated JSON Schema, checked by a real validator (networknt, draft 2020-12): it accepts
 * every valid policy fixture and rejects every structurally broken one; fixtures broken only in
 * meaning (references, sums, dates that do not exist) are schema-valid, and that is asserted too.
 */
class PolicySchemaTest {
    /**
     * The cases of {@code PolicyValidationTest.brokenPolicies} that only the loader can reject: what
     * they break is meaning, not structure, or (duplicate keys, aliases) the YAML itself, which a
     * YAML-to-JSON reading does not keep.
     */
    private static final Set<String> SCHEMA_VALID = Set.of(
            "an impossible date",
            "an unknown currency",
            "an unknown time zone",
            "a window with two lengths",
            "an unknown tier in the expected shares",
            "expected shares above one in total",
            "an unknown tier in demotion grace",
            "a duplicate tier",
            "a negative threshold",
            "a fractional count",
            "a threshold in another currency",
            "a duplicate key",
            "a YAML alias",
            "a threshold with a huge exponent",
            "a window too long to count");

    static Stream<Arguments> validPolicies() {
        return Stream.of(
                Arguments.of("the standard policy", PolicyLoader.standardText()),
                Arguments.of("PolicyValidationTest's valid policy", org.crmkit.rules.PolicyValidationTestAccess.valid()),
                Arguments.of("SectionProblemsTest's valid policy", org.crmkit.rules.PolicyValidationTestAccess
                        .sectionProblemsValid()),
                Arguments.of("MinimalPolicy", MinimalPolicy.HEADER),
                // Tier names in any script, as Tier accepts them.
                Arguments.of("the standard policy with its core tier named 核心",
                        PolicyLoader.standardText().replaceAll("\\bcore\\b", "核心")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPolicies")
    void acceptsEveryValidPolicy(String what, String document) {
        PolicyLoader.parse(document, "valid.yaml");

        assertThat(errors(document)).as(what).isEmpty();
    }

    static Stream<Arguments> brokenPolicies() {
        return org.crmkit.rules.PolicyValidationTestAccess.brokenPolicies();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void rejectsEveryStructurallyBrokenPolicyAndAcceptsThoseBrokenOnlyInMeaning(String what, String document,
            String expected) {
        if (SCHEMA_VALID.contains(what)) {
            assertThat(errors(document)).as("%s is broken only in meaning: %s", what, expected).isEmpty();
        } else {
            assertThat(errors(document)).as("%s breaks the structure: %s", what, expected).isNotEmpty();
        }
    }

    @Test
    void everyCaseNamedSchemaValidExists() {
        List<Object> names = brokenPolicies().map(arguments -> arguments.get()[0]).toList();

        assertThat(names).containsAll(SCHEMA_VALID);
    }

    @Test
    void theSchemasPatternsUseNoInlineFlagsWhichEditorsRegularExpressionsLack() {
        Matcher patterns = Pattern.compile("\"pattern\" ?: ?\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(PolicySchema.text());
        List<String> found = new ArrayList<>();
        while (patterns.find()) {
            found.add(patterns.group(1));
        }

        assertThat(found).isNotEmpty().noneMatch(pattern -> pattern.matches(".*\\(\\?[a-zA-Z].*"));
    }

    @Test
    void aPatternInAnyCaseSpeltInBothCasesMatchesWhatTheJavaFlagMatches() {
        List<String> javaPatterns = List.of("(?i)^\\s*(?!0+\\s)\\d{1,4}\\s+(days?|weeks?|business days?)\\s*$",
                "^(?i)(mon|tue|sun)(-(mon|tue|sun))?$", "(?i)^\\s*(p1|email|win_back)\\s*$");
        Gen<String> pieces = Gens.of("d", "D", "ay", "AY", "s", "S", " ", "0", "1", "12", "mon", "MoN", "-", "tue",
                "sUn", "p1", "P1", "e", "mail", "EMAIL", "win_back", "WIN_back", "business", "Weeks", "x", "\t");
        Property.forAll(Gens.of(javaPatterns), pieces.list(0, 8)).check((java, parts) -> {
            String text = String.join("", parts);
            String ecma = PolicySchema.ecma(java);

            assertThat(ecma).doesNotContain("(?i)");
            assertThat(Pattern.compile(ecma).matcher(text).find()).as(text + " against " + ecma)
                    .isEqualTo(Pattern.compile(java).matcher(text).find());
        });
        assertThat(PolicySchema.ecma("(?i)^\\s*(days?)\\s*$")).isEqualTo("^\\s*([dD][aA][yY][sS]?)\\s*$");
        assertThat(PolicySchema.ecma("^[a-z]+$")).isEqualTo("^[a-z]+$");
    }

    private static List<Error> errors(String yaml) {
        return PolicyDocuments.schemaErrors(yaml);
    }
}
