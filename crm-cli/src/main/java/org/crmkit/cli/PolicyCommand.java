package org.crmkit.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmkit.cli.input.PolicyFiles;
import org.crmkit.cli.output.LintFormat;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLinter;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.io.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code crm policy}: the group of policy commands; on its own it is a usage error. */
@Command(name = "policy",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        header = "Checks and shows policies.",
        subcommands = {PolicyCommand.Lint.class, PolicyCommand.Show.class})
final class PolicyCommand implements Callable<Integer> {
    /** What the {@code --as-of} of the policy commands says: accepted like everywhere, but a policy has no day. */
    private static final String AS_OF_UNUSED = "Accepted like in every crm command and checked to be an ISO date"
            + " (years 0001..9999), but not used: ";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw ErrorHandlers.missingSubcommand(spec);
    }

    /** {@code crm policy lint}: validates a policy and prints what looks wrong in it. */
    @Command(name = "lint",
            header = "Validates a policy and warns about dead rules and spend gaps.",
            mixinStandardHelpOptions = true,
            versionProvider = CrmVersion.class,
            description = {
                "Lint finds tier rules that can never match and buying customers that no tier rule matches.",
                "Each warning is printed on standard output: by default as one JSON object per line with"
                        + " source, line (null when unknown), path (empty for the whole document), severity"
                        + " (\"warning\") and message; with --format csv as the same columns under a header"
                        + " row; with --format text as 'file:line: path: message', for people. The summary"
                        + " goes to standard error.",
                "Exit status 0 for a valid policy, even with warnings (1 with --strict), 2 for an invalid one"
                        + " (its problems on standard error, nothing on standard output)."},
            sortOptions = false)
    static final class Lint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyOption policy;

        @Option(names = "--format", paramLabel = "FORMAT", converter = LintFormatConverter.class,
                defaultValue = "jsonl",
                description = "jsonl (JSON Lines), csv or text ('file:line: path: message'). Default: ${DEFAULT-VALUE}.")
        LintFormat format = LintFormat.JSONL;

        @Option(names = "--strict", description = "Exit with status 1 when there are warnings.")
        boolean strict;

        @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
                description = AS_OF_UNUSED + "lint looks at the policy alone, which is the same on every day.")
        Optional<LocalDate> asOf = Optional.empty();

        @Override
        public Integer call() {
            Policy loaded = policy.load();
            List<InputProblem> warnings = PolicyLinter.lint(loaded);
            StandardOutput.print(spec, out -> format.writer().write(warnings, out));
            spec.commandLine().getErr().println("crm policy lint: " + loaded.ref() + " from " + loaded.source().name()
                    + " is valid, " + (warnings.isEmpty() ? "no warnings"
                    : warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")));
            return strict && !warnings.isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** {@code crm policy show}: prints a policy's text, by default the built-in standard policy's. */
    @Command(name = "show",
            header = "Prints the built-in standard policy, or a policy file after validating it.",
            mixinStandardHelpOptions = true,
            versionProvider = CrmVersion.class,
            description = {
                "Prints the YAML text of the built-in standard policy, to read or to copy and adapt:",
                "  crm policy show > policy.yaml",
                "With --policy FILE it validates the file and prints its text unchanged (a .json policy"
                        + " therefore prints as the JSON it is); an invalid policy exits with status 2, its"
                        + " problems on standard error and nothing on standard output.",
                "The output is the policy document itself, not a table of records, so there is no JSON"
                        + " Lines or CSV form: --format accepts only yaml, anything else is a usage error."},
            sortOptions = false)
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyOption policy;

        @Option(names = "--format", paramLabel = "FORMAT", converter = YamlOnly.class, defaultValue = "yaml",
                description = "Only yaml, the default; accepted so that scripts can say what they expect.")
        String format = YamlOnly.YAML;

        @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
                description = AS_OF_UNUSED + "the whole policy is printed, whichever day it is for.")
        Optional<LocalDate> asOf = Optional.empty();

        @Override
        public Integer call() {
            // Read once, so that the text printed is exactly the text validated.
            StandardOutput.print(spec, policy.file.map(file -> PolicyFiles.read(file).text())
                    .orElseGet(PolicyLoader::standardText));
            return ExitCodes.OK;
        }

    }

    /** The only {@code --format} of {@code crm policy show}. */
    static final class YamlOnly implements ITypeConverter<String> {
        static final String YAML = "yaml";

        @Override
        public String convert(String value) {
            if (!value.strip().toLowerCase(Locale.ROOT).equals(YAML)) {
                throw new TypeConversionException("policy show prints the policy document as YAML only, expected "
                        + YAML + ", was '" + value + "'");
            }
            return YAML;
        }
    }
}
