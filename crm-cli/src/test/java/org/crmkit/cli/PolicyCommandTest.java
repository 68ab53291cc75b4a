package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLinter;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyCommandTest {
    /** silver is shadowed by gold, and spend from 500 to 1000 falls between bronze and gold. */
    private static final String DEAD_RULE_AND_GAP = """
            id: lint-me
            version: "1"
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            tiers:
              - name: gold
                when:
                  spend: {gte: 1000}
              - name: silver
                when:
                  spend: {gte: 5000}
              - name: bronze
                when:
                  all:
                    - spend: {gt: 0}
                    - spend: {lt: 500}
            """;

    @TempDir
    Path dir;

    /** The linter's wording of the spend gap; crm-rules owns it and tests it, the CLI only formats it. */
    private static String gapMessage(Path policy) {
        List<InputProblem> warnings = PolicyLinter.lint(PolicyLoader.load(policy));
        assertThat(warnings).hasSize(2);
        return warnings.get(1).message();
    }

    /** The standard policy's bytes as crm-rules ships them, not the loader's reading of them. */
    private static byte[] standardPolicyResource() throws IOException {
        try (var in = PolicyCommandTest.class.getResourceAsStream("/org/crmkit/rules/standard-policy.yaml")) {
            assertThat(in).as("the standard policy resource").isNotNull();
            return in.readAllBytes();
        }
    }

    private Path deadRuleAndGap() throws IOException {
        return Files.writeString(dir.resolve("lint-me.yaml"), DEAD_RULE_AND_GAP);
    }

    @Test
    void lintPrintsOneJsonObjectPerWarningByDefaultAndStillExitsWithZero() throws IOException {
        Path policy = deadRuleAndGap();

        CrmRun run = CrmRun.of("policy", "lint", "--policy", policy.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).containsExactly(
                "{\"source\":" + json(policy.toString()) + ",\"line\":10,\"path\":\"tiers[1]\",\"severity\":\"warning\","
                        + "\"message\":\"rule silver can never match: every customer it matches is matched first by"
                        + " rule gold\"}",
                "{\"source\":" + json(policy.toString()) + ",\"line\":6,\"path\":\"tiers\",\"severity\":\"warning\","
                        + "\"message\":" + json(gapMessage(policy)) + "}");
        assertThat(run.errLines()).containsExactly(
                "crm policy lint: lint-me@1 from " + policy + " is valid, 2 warnings");
    }

    @Test
    void lintJsonLinesHaveTheFieldsInContractOrder() throws IOException {
        CrmRun run = CrmRun.of("policy", "lint", "--policy", deadRuleAndGap().toString(), "--format", "jsonl");

        assertThat(run.json()).hasSize(2).allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                .containsExactly("source", "line", "path", "severity", "message"));
    }

    @Test
    void lintAsCsvPrintsAHeaderAndOneRowPerWarning() throws IOException {
        Path policy = deadRuleAndGap();

        CrmRun run = CrmRun.of("policy", "lint", "--policy", policy.toString(), "--format", "CSV");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).isEqualTo("source,line,path,severity,message");
        assertThat(run.outLines().get(1)).isEqualTo(policy + ",10,tiers[1],warning,rule silver can never match:"
                + " every customer it matches is matched first by rule gold");
        assertThat(csvRows(run.out()).get(2)).containsExactly(policy.toString(), "6", "tiers", "warning",
                gapMessage(policy));
        assertThat(run.errLines()).containsExactly(
                "crm policy lint: lint-me@1 from " + policy + " is valid, 2 warnings");
    }

    @Test
    void lintAsTextPrintsEachWarningAsFileLinePathMessage() throws IOException {
        Path policy = deadRuleAndGap();

        CrmRun run = CrmRun.of("policy", "lint", "--policy", policy.toString(), "--format", "text");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).containsExactly(policy
                + ":10: tiers[1]: rule silver can never match: every customer it matches is matched first by rule gold",
                policy + ":6: tiers: " + gapMessage(policy));
        assertThat(run.errLines()).containsExactly(
                "crm policy lint: lint-me@1 from " + policy + " is valid, 2 warnings");
    }

    @Test
    void strictLintExitsWithOneWhenThereAreWarnings() throws IOException {
        Path policy = deadRuleAndGap();

        CrmRun run = CrmRun.of("policy", "lint", "--strict", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.json()).hasSize(2);
    }

    @Test
    void strictLintAsTextAlsoExitsWithOne() throws IOException {
        CrmRun run = CrmRun.of("policy", "lint", "--strict", "--format", "text", "--policy", deadRuleAndGap().toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(2);
    }

    @Test
    void lintAsCsvOfACleanPolicyPrintsOnlyTheHeader() {
        CrmRun run = CrmRun.of("policy", "lint", "--format", "csv");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("source,line,path,severity,message\n");
    }

    @Test
    void lintAcceptsAValidAsOfAndIgnoresIt() throws IOException {
        Path policy = deadRuleAndGap();
        CrmRun without = CrmRun.of("policy", "lint", "--policy", policy.toString());

        CrmRun with = CrmRun.of("policy", "lint", "--policy", policy.toString(), "--as-of", "1999-12-31");

        assertThat(with.status()).isZero();
        assertThat(with.out()).isEqualTo(without.out());
        assertThat(with.err()).isEqualTo(without.err());
    }

    @Test
    void lintRejectsAnAsOfThatIsNotADate() {
        CrmRun run = CrmRun.of("policy", "lint", "--as-of", "2026-02-30");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm policy lint: Invalid value for option '--as-of': not an ISO date (YYYY-MM-DD): '2026-02-30'",
                "Try 'crm policy lint --help' for more information.");
    }

    @Test
    void lintRejectsAnUnknownFormatNamingTheFormats() {
        CrmRun run = CrmRun.of("policy", "lint", "--format", "yaml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo(
                "crm policy lint: Invalid value for option '--format': expected one of jsonl, csv, text, was 'yaml'");
    }

    @Test
    void lintHelpDescribesTheFormatsAndThatAsOfIsNotUsed() {
        CrmRun run = CrmRun.of("policy", "lint", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--format=FORMAT", "jsonl (JSON Lines), csv or text", "--as-of=DATE",
                "but not used: lint looks", "severity");
    }

    @Test
    void theStandardPolicyLintsCleanEvenWhenStrict() {
        CrmRun run = CrmRun.of("policy", "lint", "--strict");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm policy lint: standard@2026.1 from standard-policy.yaml (built-in) is valid, no warnings");
    }

    @Test
    void lintOfAnInvalidPolicyExitsWithTwoAndEveryLocatedProblem() throws IOException {
        Path policy = Files.writeString(dir.resolve("broken.yaml"), DEAD_RULE_AND_GAP
                .replace("time_zone: Asia/Shanghai", "time_zone: Mars/Olympus")
                .replace("{gte: 5000}", "{gte: lots}"));

        CrmRun run = CrmRun.of("policy", "lint", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(3);
        assertThat(run.errLines().get(0)).isEqualTo("Invalid policy, 2 problems:");
        assertThat(run.errLines().get(1)).isEqualTo("  " + policy
                + ":5: time_zone: unknown time zone 'Mars/Olympus', expected an IANA name such as Asia/Shanghai");
        assertThat(run.errLines().get(2)).startsWith("  " + policy + ":12: tiers[1].when.spend.gte: ");
    }

    @Test
    void lintOfATabIndentedPolicySaysTabsAreNotAllowedAtTheLine() throws IOException {
        Path policy = Files.writeString(dir.resolve("tabs.yaml"), DEAD_RULE_AND_GAP.replace("    when:\n      spend: {gte: 1000}",
                "    when:\n\tspend: {gte: 1000}"));

        CrmRun run = CrmRun.of("policy", "lint", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("Invalid policy: " + policy
                + ":9: tabs are not allowed in YAML indentation; indent with spaces");
    }

    @Test
    void lintOfAPolicyNestedTooDeeplyNamesTheLineAndTheLimit() throws IOException {
        Path policy = Files.writeString(dir.resolve("deep.yaml"), DEAD_RULE_AND_GAP + "notes: " + "[".repeat(5000));

        CrmRun run = CrmRun.of("policy", "lint", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("Invalid policy: " + policy + ":18: the document nests more than"
                + " 1000 levels of lists and maps, the most crmkit reads (a policy needs fewer than ten)");
    }

    @Test
    void showPrintsTheBuiltInPolicyTextVerbatim() throws IOException {
        CrmRun run = CrmRun.of("policy", "show");

        assertThat(run.status()).isZero();
        assertThat(run.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(standardPolicyResource());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shownPolicyLoadsBackAsTheStandardPolicy() {
        Policy shown = PolicyLoader.parse(CrmRun.of("policy", "show").out(), "shown.yaml");

        Policy standard = PolicyLoader.standard();
        assertThat(shown.header()).isEqualTo(standard.header());
        assertThat(shown.section(TieringPolicy.class)).isEqualTo(standard.section(TieringPolicy.class));
    }

    @Test
    void shownPolicyCanBeEditedAndPassedBackWithPolicy() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yaml"),
                CrmRun.of("policy", "show").out().replace("version: \"2026.1\"", "version: \"2026.2\""));

        CrmRun run = CrmRun.of("tier", "--customers", CrmRun.fixture("customers.csv"), "--orders",
                CrmRun.fixture("orders.csv"), "--policy", policy.toString(), "--as-of", "2026-03-31");

        assertThat(run.status()).isZero();
        assertThat(run.json()).extracting(line -> line.get("policy").asText()).containsOnly("standard@2026.2");
    }

    @Test
    void showWithPolicyPrintsThatFilesTextUnchanged() throws IOException {
        String text = "# Our tiers, reviewed every January.\n" + DEAD_RULE_AND_GAP.replace("gold", "gold   # top");
        Path policy = Files.writeString(dir.resolve("ours.yaml"), text);

        CrmRun run = CrmRun.of("policy", "show", "--policy", policy.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(text);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void showOfAPolicyNamingACalendarFileBesideItPrintsItsText() throws IOException {
        Files.writeString(dir.resolve("cn-2026.csv"), "date,type\n2026-02-16,holiday\n");
        String text = DEAD_RULE_AND_GAP.replace("tiers:", """
                calendars:
                  office:
                    hours: {mon-fri: ["09:00-18:00"]}
                    files: [cn-2026.csv]
                tiers:""");
        Path policy = Files.writeString(dir.resolve("with-calendar.yaml"), text);

        CrmRun run = CrmRun.of("policy", "show", "--policy", policy.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(text);
    }

    @Test
    void showWithAJsonPolicyPrintsItsJsonText() throws IOException {
        String text = "{\"id\": \"j\", \"version\": \"1\", \"effective_from\": \"2026-01-01\", \"currency\": \"CNY\","
                + " \"time_zone\": \"Asia/Shanghai\", \"tiers\": [{\"name\": \"any\", \"when\": {\"spend\": {\"gt\": 0}}}]}\n";
        Path policy = Files.writeString(dir.resolve("policy.json"), text);

        CrmRun run = CrmRun.of("policy", "show", "--policy", policy.toString(), "--format", "yaml");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(text);
    }

    @Test
    void showOfAnInvalidPolicyExitsWithTwoAndPrintsNothing() throws IOException {
        Path policy = Files.writeString(dir.resolve("broken.yaml"),
                DEAD_RULE_AND_GAP.replace("time_zone: Asia/Shanghai", "time_zone: Mars/Olympus"));

        CrmRun run = CrmRun.of("policy", "show", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("Invalid policy: " + policy
                + ":5: time_zone: unknown time zone 'Mars/Olympus', expected an IANA name such as Asia/Shanghai");
    }

    @Test
    void showOfAMissingPolicyFileExitsWithTwo() {
        Path missing = dir.resolve("missing.yaml");

        CrmRun run = CrmRun.of("policy", "show", "--policy", missing.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("Invalid policy: " + missing + ": no such file");
    }

    @Test
    void showOfAPolicyFileThatIsNotUtf8ExitsWithTwo() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"),
                ("# Caf\u00e9 policy\n" + DEAD_RULE_AND_GAP).getBytes(StandardCharsets.ISO_8859_1));

        CrmRun run = CrmRun.of("policy", "show", "--policy", latin1.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("Invalid policy: " + latin1 + ": not UTF-8 text");
    }

    @Test
    void showAcceptsYamlAsTheOnlyFormat() throws IOException {
        CrmRun run = CrmRun.of("policy", "show", "--format", "YAML");

        assertThat(run.status()).isZero();
        assertThat(run.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(standardPolicyResource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl", "json", "text"})
    void showRejectsEveryFormatButYaml(String format) {
        CrmRun run = CrmRun.of("policy", "show", "--format", format);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("crm policy show: Invalid value for option '--format': policy show"
                        + " prints the policy document as YAML only, expected yaml, was '" + format + "'",
                "Try 'crm policy show --help' for more information.");
    }

    @Test
    void showAcceptsAValidAsOfAndIgnoresIt() throws IOException {
        CrmRun run = CrmRun.of("policy", "show", "--as-of", "2030-01-01");

        assertThat(run.status()).isZero();
        assertThat(run.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(standardPolicyResource());
    }

    @Test
    void showRejectsAnAsOfThatIsNotADate() {
        CrmRun run = CrmRun.of("policy", "show", "--as-of", "tomorrow");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo(
                "crm policy show: Invalid value for option '--as-of': not an ISO date (YYYY-MM-DD): 'tomorrow'");
    }

    @Test
    void showHelpSaysItPrintsYamlOnlyAndThatAsOfIsNotUsed() {
        CrmRun run = CrmRun.of("policy", "show", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--policy=FILE", "--format=FORMAT", "Only yaml", "--as-of=DATE",
                "but not used: the whole", "--format accepts only yaml");
    }

    private static String json(String text) throws IOException {
        return new ObjectMapper().writeValueAsString(text);
    }

    private static List<List<String>> csvRows(String csv) throws IOException {
        try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            return rows.readAll();
        }
    }
}
