package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -} for standard input, fed through a real pipe: every option that names an input file
 * takes it, a command gives what it gives for the same file, messages call it {@code <stdin>},
 * and only one option of a run may name it.
 */
class StandardInputTest {
    private static final String TIER = "fixtures/tier/";

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        return CrmRun.resource(name);
    }

    private static String tierFixture(String file) {
        return CrmRun.fixture(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--customers", "--orders", "--interactions"})
    void tierReadsAnyOfItsFilesFromStandardInputAsFromTheFile(String option) {
        CrmRun fromFiles = CrmRun.of("tier", "--customers", tierFixture("customers.csv"), "--orders",
                tierFixture("orders.csv"), "--interactions", tierFixture("interactions.csv"), "--as-of", "2026-03-31");
        String file = option.substring(2) + ".csv";
        List<String> args = new java.util.ArrayList<>(List.of("tier", "--customers", tierFixture("customers.csv"),
                "--orders", tierFixture("orders.csv"), "--interactions", tierFixture("interactions.csv"), "--as-of",
                "2026-03-31"));
        args.set(args.indexOf(option) + 1, "-");

        CrmRun piped = CrmRun.piped(fixture(TIER + file), args.toArray(String[]::new));

        assertThat(piped.status()).as(piped.err()).isZero();
        assertThat(piped.out()).isEqualTo(fromFiles.out());
        assertThat(piped.err()).isEqualTo(fromFiles.err());
    }

    @Test
    void ordersLargerThanAChunkAreReadFromAPipeAsFromTheFile() throws IOException {
        StringBuilder customers = new StringBuilder("customer_id,name,created_on\n");
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (int i = 0; i < 3_000; i++) {
            customers.append("c-").append(i).append(",Customer ").append(i).append(",2024-01-01\n");
        }
        // Far more than the 1 MiB chunks that crm tier reads orders in, side by side.
        for (int i = 0; orders.length() < 3 << 20; i++) {
            orders.append("o-").append(i).append(",c-").append(i % 3_000).append(",2026-0").append(1 + i % 3)
                    .append("-15,").append(i % 997).append(".50,CNY\n");
        }
        Path customersFile = Files.writeString(dir.resolve("customers.csv"), customers);
        Path ordersFile = Files.writeString(dir.resolve("orders.csv"), orders);
        CrmRun fromFile = CrmRun.of("tier", "--customers", customersFile.toString(), "--orders", ordersFile.toString(),
                "--as-of", "2026-03-31");

        CrmRun piped = CrmRun.piped(ordersFile, "tier", "--customers", customersFile.toString(), "--orders", "-",
                "--as-of", "2026-03-31");

        assertThat(piped.status()).as(piped.err()).isZero();
        assertThat(piped.outLines()).hasSize(3_000);
        assertThat(piped.out()).isEqualTo(fromFile.out());
    }

    @Test
    void problemsOfStandardInputNameItStdinAtTheirLine() {
        byte[] orders = ("order_id,customer_id,order_date,amount,currency\n"
                + "o-1,c-001,2026-01-10,12,50,CNY\n"
                + "o-2,c-001,2026-01-11,ten,CNY\n"
                + "o-3,c-001,2026-01-12,10.00,CNY\n"
                + "o-3,c-001,2026-01-13,10.00,CNY\n").getBytes(StandardCharsets.UTF_8);

        CrmRun run = CrmRun.piped(orders, "tier", "--customers", tierFixture("customers.csv"), "--orders", "-",
                "--as-of", "2026-03-31");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "<stdin>:2: row has 6 fields, the header has 5",
                "<stdin>:3: column 'amount': not a decimal amount: 'ten'",
                // Confirmed by a second look at the copy of standard input.
                "<stdin>:5: column 'order_id': duplicate id 'o-3', first on line 4",
                "crm tier: 3 errors in the input files, nothing written");
    }

    @Test
    void twoOptionsCannotBothReadStandardInput() {
        CrmRun run = CrmRun.piped(new byte[0], "tier", "--customers", "-", "--orders", "-", "--as-of", "2026-03-31");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "crm tier: --customers and --orders both name standard input ('-'): at most one input of a run can be"
                        + " read from it",
                "Try 'crm tier --help' for more information.");
    }

    @Test
    void thePolicyMayComeFromStandardInputToo() throws IOException {
        byte[] policy = Files.readAllBytes(fixture("fixtures/policy/lint-me.yaml"));
        CrmRun fromFile = CrmRun.of("policy", "lint", "--policy", fixture("fixtures/policy/lint-me.yaml").toString());

        CrmRun piped = CrmRun.piped(policy, "policy", "lint", "--policy", "-");
        CrmRun shown = CrmRun.piped(policy, "policy", "show", "--policy", "-");

        assertThat(piped.status()).isEqualTo(fromFile.status());
        assertThat(piped.out()).isEqualTo(fromFile.out().replace(fixture("fixtures/policy/lint-me.yaml").toString(),
                "<stdin>"));
        assertThat(shown.status()).isZero();
        assertThat(shown.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(policy);
    }

    @Test
    void aBadPolicyOnStandardInputIsReportedUnderItsName() {
        byte[] latin1 = {'i', 'd', ':', ' ', (byte) 0xE9, '\n'};

        CrmRun notUtf8 = CrmRun.piped(latin1, "policy", "show", "--policy", "-");
        CrmRun invalid = CrmRun.piped("id: [\n".getBytes(StandardCharsets.UTF_8), "tier", "--customers",
                tierFixture("customers.csv"), "--orders", tierFixture("orders.csv"), "--policy", "-");

        assertThat(notUtf8.status()).isEqualTo(2);
        assertThat(notUtf8.errLines()).containsExactly("Invalid policy: <stdin>: not UTF-8 text");
        assertThat(invalid.status()).isEqualTo(2);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err()).startsWith("Invalid policy: <stdin>:");
    }

    @Test
    void aSummaryFileMayComeFromStandardInput() {
        CrmRun fromFile = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithSpend());

        CrmRun piped = CrmRun.piped(Path.of(Cdnow.summaryWithSpend()), "clv", "fit", "--summary", "-");
        CrmRun bad = CrmRun.piped("ID,x,t_x,T\n1,two,1,4\n".getBytes(StandardCharsets.UTF_8), "clv", "fit",
                "--summary", "-");

        assertThat(piped.status()).isZero();
        assertThat(piped.out()).isEqualTo(fromFile.out());
        assertThat(piped.err()).isEqualTo(fromFile.err().replace(Cdnow.summaryWithSpend(), "<stdin>"));
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.errLines()).containsExactly("crm clv fit: <stdin>:2: column 'x': not a decimal number: 'two'");
    }

    @Test
    void everyCommandTakesStandardInputForItsFiles() throws IOException {
        String sla = "fixtures/sla/";
        String agenda = "fixtures/agenda/";
        String lifecycle = "fixtures/lifecycle/";
        List<List<String>> runs = List.of(
                List.of("sla", "--complaints", "-", "--events", CrmRun.slaFixture("complaint_events.csv"),
                        "--customers", CrmRun.slaFixture("customers.csv"), "--orders", CrmRun.slaFixture("orders.csv"),
                        "--as-of", "2026-03-04T17:00:00+08:00", sla + "complaints.csv"),
                List.of("sla", "review", "--week", "2026-W10", "--complaints", CrmRun.slaFixture("complaints.csv"),
                        "--events", "-", sla + "complaint_events.csv"),
                List.of("agenda", "--customers", CrmRun.agendaFixture("customers.csv"), "--orders",
                        CrmRun.agendaFixture("orders.csv"), "--interactions", "-", "--from", "2026-04-01", "--to",
                        "2026-04-30", agenda + "interactions.csv"),
                List.of("lifecycle", "--customers", CrmRun.lifecycleFixture("customers.csv"), "--orders",
                        CrmRun.lifecycleFixture("orders.csv"), "--surveys", "-", "--as-of", "2026-03-31",
                        lifecycle + "surveys.csv"),
                List.of("clv", "--orders", "-", "--as-of", "2026-03-31", lifecycle + "orders.csv"));
        for (List<String> run : runs) {
            List<String> args = run.subList(0, run.size() - 1);
            String piped = run.get(run.size() - 1);
            List<String> fromFile = args.stream().map(arg -> arg.equals("-") ? fixture(piped).toString() : arg)
                    .toList();

            CrmRun expected = CrmRun.of(fromFile.toArray(String[]::new));
            CrmRun actual = CrmRun.piped(fixture(piped), args.toArray(String[]::new));

            assertThat(actual.status()).as("%s: %s", args, actual.err()).isZero();
            assertThat(actual.out()).as("%s", args).isEqualTo(expected.out());
            assertThat(actual.err()).as("%s", args).isEqualTo(expected.err().replace(fixture(piped).toString(),
                    "<stdin>"));
        }
    }

    @Test
    void theCopyOfStandardInputIsGoneWhenTheRunEnds() throws IOException {
        Set<Path> before = copies();

        CrmRun run = CrmRun.piped(fixture(TIER + "orders.csv"), "tier", "--customers", tierFixture("customers.csv"),
                "--orders", "-", "--as-of", "2026-03-31");

        assertThat(run.status()).isZero();
        assertThat(copies()).isSubsetOf(before);
    }

    private static Set<Path> copies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("crm-stdin-"))
                    .collect(Collectors.toSet());
        }
    }
}
