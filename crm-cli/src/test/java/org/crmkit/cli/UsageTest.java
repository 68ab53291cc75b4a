package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Command-line usage errors exit with 2, a clear message and a hint, and print nothing on standard output. */
class UsageTest {
    @Test
    void missingRequiredOptionsAreAUsageError() {
        CrmRun run = CrmRun.of("tier", "--customers", "customers.csv");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm tier: Missing required option: '--orders=FILE'",
                "Try 'crm tier --help' for more information.");
    }

    @Test
    void unknownFormatIsAUsageErrorNamingTheFormats() {
        CrmRun run = CrmRun.of("tier", "--customers", "c.csv", "--orders", "o.csv", "--format", "xml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first()
                .isEqualTo("crm tier: Invalid value for option '--format': expected one of jsonl, csv, was 'xml'");
    }

    @Test
    void jsonNamesJsonLinesToo() {
        CrmRun lines = CrmRun.of("tier", "--customers", CrmRun.fixture("customers.csv"), "--orders",
                CrmRun.fixture("orders.csv"), "--as-of", "2026-03-31", "--format", "jsonl");
        CrmRun json = CrmRun.of("tier", "--customers", CrmRun.fixture("customers.csv"), "--orders",
                CrmRun.fixture("orders.csv"), "--as-of", "2026-03-31", "--format", "json");

        assertThat(json.status()).isZero();
        assertThat(json.out()).isNotEmpty().isEqualTo(lines.out());
    }

    @Test
    void asOfMustBeAnIsoDate() {
        CrmRun run = CrmRun.of("tier", "--customers", "c.csv", "--orders", "o.csv", "--as-of", "31.03.2026");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first()
                .isEqualTo("crm tier: Invalid value for option '--as-of': not an ISO date (YYYY-MM-DD): '31.03.2026'");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CrmRun run = CrmRun.of("tier", "--customers", "c.csv", "--orders", "o.csv", "--verbose");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("crm tier: Unknown option: '--verbose'");
    }

    @Test
    void misspelledCommandSuggestsTheRightOne() {
        CrmRun run = CrmRun.of("tire");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm: Unmatched argument at index 0: 'tire'",
                // picocli's suggestions by similarity of letter pairs; generate-completion shares "ti" and "re".
                "Did you mean: crm tier or crm generate-completion?",
                "Try 'crm --help' for more information.");
    }

    @Test
    void aGroupWithoutSubcommandNamesTheSubcommands() {
        assertThat(CrmRun.of().errLines()).first().isEqualTo("crm: Missing required subcommand, one of: tier, sla, agenda,"
                + " lifecycle, clv, nightly, policy, generate-completion");
        CrmRun run = CrmRun.of("policy");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("crm policy: Missing required subcommand, one of: lint, show");
    }

    @Test
    void helpGoesToStandardOutputAndExplainsThatTierIsStateless() {
        CrmRun run = CrmRun.of("tier", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: crm tier").contains("--as-of=DATE", "--format=FORMAT")
                .contains("The command is stateless");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void lifecycleHelpNamesItsFilesAndOutputFields() {
        CrmRun run = CrmRun.of("lifecycle", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: crm lifecycle")
                .contains("--customers=FILE", "--orders=FILE", "--interactions=FILE", "--complaints=FILE",
                        "--events=FILE", "--surveys=FILE", "--policy=FILE", "--as-of=DATE", "--format=FORMAT")
                .contains("relationship_level", "churn_risk", "The command is stateless");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theGroupsHelpListsLifecycle() {
        CrmRun run = CrmRun.of("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("(?m)^  lifecycle +Decides every customer's lifecycle stage");
    }

    @Test
    void clvHelpNamesItsInputsOutputFieldsAndTheFitSubcommand() {
        CrmRun run = CrmRun.of("clv", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: crm clv (--summary=FILE", "| --orders=FILE [--customers=FILE]",
                        "or: crm clv fit [OPTIONS], see 'crm clv fit --help'")
                .contains("--summary=FILE", "--orders=FILE", "--customers=FILE", "--calibration-end=DATE",
                        "--time-unit=UNIT", "--as-of=DATE", "--horizon=N", "--discount-rate=R", "--policy=FILE",
                        "--format=FORMAT")
                .contains("p_alive", "expected_purchases", "expected_average_value", "(clv.min_customers)")
                .containsPattern("(?m)^  fit +Fits the purchase models");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void clvFitHelpNamesTheModelsAndTheirParameters() {
        CrmRun run = CrmRun.of("clv", "fit", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: crm clv fit (--summary=FILE")
                .contains("bgnbd (r, alpha, a, b)", "gamma_gamma (p, q, gamma)", "log_likelihood", "chosen")
                .doesNotContain("--horizon");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theGroupsHelpListsClv() {
        CrmRun run = CrmRun.of("--help");

        assertThat(run.out()).containsPattern("(?m)^  clv +Estimates every customer's P\\(alive\\)");
    }

    @Test
    void versionNamesTheCommitGitReportsAndTheBuildDate() throws Exception {
        CrmRun run = CrmRun.of("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).matches("crm \\S+ \\(" + Pattern.quote(GitHead.commitOrUnknown())
                + ", built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\\R");
    }

    @Test
    void generateCompletionPrintsABashAndZshScriptForCrm() {
        CrmRun run = CrmRun.of("generate-completion");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_crm -o default crm ")
                .contains("local commands=\"tier sla agenda lifecycle clv nightly policy generate-completion\"")
                .contains("--customers");
    }
}
