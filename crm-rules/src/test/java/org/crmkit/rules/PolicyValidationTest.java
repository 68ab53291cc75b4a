package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.policy.PolicyValidationException;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every broken policy is rejected with one message naming the file, the line, the path and the bad value. */
class PolicyValidationTest {
    /** A valid policy; each case below breaks exactly one thing in it. Line numbers matter. */
    static final String VALID = """
            id: acme
            version: 3
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            window:
              trailing_months: 12
            tiering:
              hit_policy: first_match
              expected_shares: {gold: 0.2, silver: 0.5}
            tiers:
              - name: gold
                when:
                  all:
                    - spend: {gte: 100000}
                    - active_quarters: {gte: 3}
              - name: silver
                when:
                  any:
                    - spend: {gt: 0}
                    - strategic_agreement: true
            """;

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                broken("an unknown root field", "time_zone: Asia/Shanghai\n", "time_zone: Asia/Shanghai\ncolour: blue\n",
                        "bad.yaml:6: colour: unknown field, expected one of id, version, effective_from, currency, exchange_rates,"
                                + " time_zone, window, calendars, tiering, tiers, sla, cadences, relationship, lifecycle,"
                                + " segmentation, clv"),
                broken("a missing id", "id: acme\n", "",
                        "bad.yaml:1: id: is required"),
                broken("a blank version", "version: 3", "version: ' '",
                        "bad.yaml:2: version: must not be blank"),
                broken("an impossible date", "effective_from: 2026-01-01", "effective_from: 2026-02-30",
                        "bad.yaml:3: effective_from: must be a date like 2026-01-01, was '2026-02-30'"),
                broken("an unknown currency", "currency: CNY", "currency: RMB",
                        "bad.yaml:4: currency: unknown ISO-4217 currency 'RMB'"),
                broken("an unknown time zone", "time_zone: Asia/Shanghai", "time_zone: Asia/Beijing",
                        "bad.yaml:5: time_zone: unknown time zone 'Asia/Beijing', expected an IANA name such as"
                                + " Asia/Shanghai"),
                broken("a window with two lengths", "  trailing_months: 12\n", "  trailing_months: 12\n  trailing_days: 30\n",
                        "bad.yaml:6: window: give exactly one of trailing_months, trailing_days, found"
                                + " trailing_months, trailing_days"),
                broken("an empty window", "  trailing_months: 12", "  trailing_months: 0",
                        "bad.yaml:7: window.trailing_months: must be at least 1, was 0"),
                broken("an unknown hit policy", "hit_policy: first_match", "hit_policy: all_matches",
                        "bad.yaml:9: tiering.hit_policy: unknown hit policy 'all_matches', expected first_match"),
                broken("an unknown tier in the expected shares", "{gold: 0.2, silver: 0.5}", "{gold: 0.2, platinum: 0.5}",
                        "bad.yaml:10: tiering.expected_shares.platinum: unknown tier 'platinum', expected one of gold, silver"),
                broken("expected shares above one in total", "{gold: 0.2, silver: 0.5}", "{gold: 0.6, silver: 0.5}",
                        "bad.yaml:10: tiering.expected_shares: shares add up to 1.1, more than 1"),
                broken("a share above one", "{gold: 0.2, silver: 0.5}", "{gold: 1.5}",
                        "bad.yaml:10: tiering.expected_shares.gold: must be a share between 0 and 1, was 1.5"),
                broken("an unknown tier in demotion grace", "  hit_policy: first_match\n",
                        "  hit_policy: first_match\n  demotion_grace: {evaluations: 2, applies_to: [bronze]}\n",
                        "bad.yaml:10: tiering.demotion_grace.applies_to[0]: unknown tier 'bronze', expected one of"
                                + " gold, silver"),
                broken("demotion grace of zero evaluations", "  hit_policy: first_match\n",
                        "  hit_policy: first_match\n  demotion_grace: {evaluations: 0}\n",
                        "bad.yaml:10: tiering.demotion_grace.evaluations: must be at least 1, was 0"),
                broken("a duplicate tier", "  - name: silver", "  - name: gold",
                        "bad.yaml:17: tiers[1].name: duplicate tier 'gold', already defined at tiers[0]"),
                broken("a malformed tier name", "  - name: gold", "  - name: Gold Tier!",
                        "bad.yaml:12: tiers[0].name: tier name must start with a letter and contain only letters,"
                                + " digits, '_' or '-' (at most 32), was 'Gold Tier!'"),
                broken("an unknown tier field", "  - name: silver\n", "  - name: silver\n    colour: red\n",
                        "bad.yaml:18: tiers[1].colour: unknown field, expected one of name, description, when"),
                broken("a tier without condition",
                        "    when:\n      any:\n        - spend: {gt: 0}\n        - strategic_agreement: true\n", "",
                        "bad.yaml:17: tiers[1].when: is required"),
                broken("an unknown metric", "- spend: {gt: 0}", "- revenue: {gt: 0}",
                        "bad.yaml:20: tiers[1].when.any[0].revenue: unknown metric 'revenue', expected all, any or one of"
                                + " spend, orders, active_quarters, inquiries, tenure_months, strategic_agreement"),
                broken("an unknown operator", "{gte: 100000}", "{atleast: 100000}",
                        "bad.yaml:15: tiers[0].when.all[0].spend.atleast: unknown field, expected one of gte, gt, lte,"
                                + " lt, eq, currency"),
                broken("a negative threshold", "{gte: 100000}", "{gte: -5}",
                        "bad.yaml:15: tiers[0].when.all[0].spend.gte: must not be negative, was -5"),
                broken("a non-numeric threshold", "{gte: 100000}", "{gte: lots}",
                        "bad.yaml:15: tiers[0].when.all[0].spend.gte: must be a number, was 'lots'"),
                broken("a fractional count", "active_quarters: {gte: 3}", "active_quarters: {gte: 2.5}",
                        "bad.yaml:16: tiers[0].when.all[1].active_quarters.gte: must be a whole number for"
                                + " active_quarters, was 2.5"),
                broken("a threshold in another currency", "{gte: 100000}", "{gte: 100000, currency: USD}",
                        "bad.yaml:15: tiers[0].when.all[0].spend.currency: currency 'USD' does not match the policy's"
                                + " currency CNY"),
                broken("a number for a true/false metric", "strategic_agreement: true", "strategic_agreement: 5",
                        "bad.yaml:21: tiers[1].when.any[1].strategic_agreement: must be true or false, was 5"),
                broken("two conditions in one node", "- spend: {gt: 0}", "- {spend: {gt: 0}, orders: {gte: 1}}",
                        "bad.yaml:20: tiers[1].when.any[0]: must hold exactly one condition, found spend, orders;"
                                + " combine several with all or any"),
                broken("an empty all", "      all:\n        - spend: {gte: 100000}\n        - active_quarters: {gte: 3}\n",
                        "      all: []\n",
                        "bad.yaml:14: tiers[0].when.all: all needs at least one condition"),
                broken("a bare number as a comparison", "- spend: {gt: 0}", "- spend: 5",
                        "bad.yaml:20: tiers[1].when.any[0].spend: must be comparisons such as {gte: 1}, was 5"),
                broken("a duplicate key", "tiers:\n", "id: other\ntiers:\n",
                        "bad.yaml:11: id: duplicate key 'id'"),
                broken("a YAML alias", "id: acme\nversion: 3", "id: &name acme\nversion: *name",
                        "bad.yaml:2: version: YAML aliases (*name) are not supported; write the value out"),
                broken("a threshold with a huge exponent", "{gte: 100000}", "{gte: 1e400000000}",
                        "bad.yaml:15: tiers[0].when.all[0].spend.gte: must have at most 20 digits before and 18 after"
                                + " the decimal point, was 1e400000000"),
                broken("a window too long to count", "  trailing_months: 12", "  trailing_months: 3000000000",
                        "bad.yaml:7: window.trailing_months: must be at most 2147483647, was 3000000000"),
                broken("a window so negative it would wrap around", "  trailing_months: 12",
                        "  trailing_months: -4294967295",
                        "bad.yaml:7: window.trailing_months: must be at least 1, was -4294967295"),
                broken("a list at the root", VALID, "- a\n- b\n",
                        "bad.yaml:1: must be a map, was a list"),
                broken("an empty document", VALID, "",
                        "bad.yaml: the document is empty"));
    }

    private static Arguments broken(String what, String from, String to, String expected) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("case '" + what + "' edits text the valid policy does not have: " + from);
        }
        return Arguments.of(what, VALID.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), expected);
    }

    @Test
    void acceptsTheValidPolicyTheCasesStartFrom() {
        Policy policy = PolicyDocuments.load(VALID, "bad.yaml");

        assertThat(policy.ref().toString()).isEqualTo("acme@3");
        assertThat(policy.section(TieringPolicy.class).rules()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void rejectsABrokenPolicyWithOneLocatedMessage(String what, String document, String expected) {
        PolicyValidationException thrown = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyLoader.parse(document, "bad.yaml"));

        assertThat(thrown).as("a policy with %s must be rejected", what).isNotNull();
        assertThat(thrown.problems()).extracting(InputProblem::toString).containsExactly(expected);
        assertThat(thrown).hasMessage("Invalid policy: " + expected);
    }

    @Test
    void reportsEveryProblemAtOnceInLineOrder() {
        String document = VALID.replace("currency: CNY", "currency: RMB").replace("{gte: 100000}", "{gte: -1}")
                .replace("hit_policy: first_match", "hit_policy: best");

        // The unknown hit policy breaks the structure; the currency and the negative threshold only the loader sees.
        assertThat(PolicyDocuments.rejected(document, "bad.yaml", PolicyDocuments.Broken.STRUCTURE)).hasSize(3);
        assertThatThrownBy(() -> PolicyLoader.parse(document, "bad.yaml"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessage("""
                        Invalid policy, 3 problems:
                          bad.yaml:4: currency: unknown ISO-4217 currency 'RMB'
                          bad.yaml:9: tiering.hit_policy: unknown hit policy 'best', expected first_match
                          bad.yaml:15: tiers[0].when.all[0].spend.gte: must not be negative, was -1""");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        PolicyValidationException thrown = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyLoader.parse(VALID.replace("tiers:\n", "tiers: [\n"), "bad.yaml"));

        assertThat(thrown.problems()).hasSize(1);
        assertThat(thrown.problems().get(0).toString()).startsWith("bad.yaml:").contains(": not valid YAML: ");
        assertThat(thrown.problems().get(0).line()).isGreaterThanOrEqualTo(11);
    }

    @Test
    void aTabInTheIndentationIsReportedAtItsLine() {
        String tabbed = VALID.replace("  trailing_months: 12", "\ttrailing_months: 12");

        assertThatThrownBy(() -> PolicyLoader.parse(tabbed, "bad.yaml")).isInstanceOf(PolicyValidationException.class)
                .hasMessage("Invalid policy: bad.yaml:7: tabs are not allowed in YAML indentation; indent with spaces");
    }

    @Test
    void aTabDeeperInTheDocumentIsReportedAtItsOwnLine() {
        // Blank lines and a comment between the last good token and the tab: the tab's line counts.
        String tabbed = VALID.replace("    when:\n      all:", "    when:\n\n      # both\n\t  all:");

        assertThatThrownBy(() -> PolicyLoader.parse(tabbed, "bad.yaml"))
                .hasMessage("Invalid policy: bad.yaml:16: tabs are not allowed in YAML indentation; indent with spaces");
    }

    @Test
    void aDocumentNestedTooDeeplyIsReportedWithItsLineAndTheLimit() {
        String yaml = VALID + "deep: " + "[".repeat(1200) + "\n";
        String json = "{\"id\": \"acme\",\n \"deep\":\n " + "[".repeat(1200) + "\n";

        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "bad.yaml")).isInstanceOf(PolicyValidationException.class)
                .hasMessage("Invalid policy: bad.yaml:22: the document nests more than 1000 levels of lists and maps,"
                        + " the most crmkit reads (a policy needs fewer than ten)");
        assertThatThrownBy(() -> PolicyLoader.parse(json, "bad.json"))
                .hasMessage("Invalid policy: bad.json:3: the document nests more than 1000 levels of lists and maps,"
                        + " the most crmkit reads (a policy needs fewer than ten)");
    }

    @Test
    void readsJsonWithTheSameChecks() {
        String json = """
                {"id": "acme", "version": "1", "effective_from": "2026-01-01", "currency": "CNY",
                 "time_zone": "Asia/Shanghai",
                 "tiers": [{"name": "gold", "when": {"spend": {"gte": "100000.50"}}},
                           {"name": "silver", "when": {"orders": {"gte": -2}}}]}
                """;

        assertThatThrownBy(() -> PolicyLoader.parse(json, "policy.json"))
                .hasMessage("Invalid policy: policy.json:4: tiers[1].when.orders.gte: must not be negative, was -2");
        assertThat(PolicyDocuments.rejected(json, "policy.json", PolicyDocuments.Broken.MEANING)).hasSize(1);
        Policy valid = PolicyDocuments.load(json.replace("-2", "2"), "policy.json");
        assertThat(valid.section(TieringPolicy.class).rules().get(0).when().toString()).isEqualTo("spend >= 100000.50");
    }

    @Test
    void namesAMissingFile(@TempDir Path directory) {
        Path missing = directory.resolve("nope.yaml");

        assertThatThrownBy(() -> PolicyLoader.load(missing))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessage("Invalid policy: " + missing + ": no such file");
    }

    @Test
    void rejectsAFileThatIsNotUtf8(@TempDir Path directory) throws Exception {
        Path latin1 = directory.resolve("latin1.yaml");
        Files.write(latin1, VALID.replace("acme", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> PolicyLoader.load(latin1))
                .hasMessage("Invalid policy: " + latin1 + ": not UTF-8 text");
    }

    @Test
    void loadsAFileAndNamesItInMessages(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("ours.yaml");
        Files.writeString(file, "\uFEFF" + VALID.replace("{gte: 3}", "{gte: x}"));

        assertThatThrownBy(() -> PolicyLoader.load(file))
                .hasMessage("Invalid policy: " + file + ":16: tiers[0].when.all[1].active_quarters.gte: must be a number,"
                        + " was 'x'");
    }
}
