package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void lintPrintsEachWarningAsFileLinePathMessageAndStillExitsWithZero() throws IOException {
        Path policy = Files.writeString(dir.resolve("lint-me.yaml"), DEAD_RULE_AND_GAP);

        CrmRun run = CrmRun.of("policy", "lint", "--policy", policy.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).isEqualTo(policy
                + ":10: tiers[1]: rule silver can never match: every customer it matches is matched first by rule gold");
        assertThat(run.outLines().get(1)).startsWith(policy + ":6: tiers: spend in [500, 1000) ");
        assertThat(run.errLines()).containsExactly(
                "crm policy lint: lint-me@1 from " + policy + " is valid, 2 warnings");
    }

    @Test
    void strictLintExitsWithOneWhenThereAreWarnings() throws IOException {
        Path policy = Files.writeString(dir.resolve("lint-me.yaml"), DEAD_RULE_AND_GAP);

        CrmRun run = CrmRun.of("policy", "lint", "--strict", "--policy", policy.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(2);
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
    void showPrintsTheBuiltInPolicyTextVerbatim() {
        CrmRun run = CrmRun.of("policy", "show");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(PolicyLoader.standardText());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shownPolicyLoadsBackAsTheStandardPolicy() {
        Policy shown = PolicyLoader.parse(CrmRun.of("policy", "show").out(), "shown.yaml");

        Policy standard = PolicyLoader.standard();
        assertThat(shown.header()).isEqualTo(standard.header());
        assertThat(shown.tiering()).isEqualTo(standard.tiering());
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
}
