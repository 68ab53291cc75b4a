package org.crmkit.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLinter;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.policy.PolicyProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm policy}: the group of policy commands; on its own it is a usage error. */
@Command(name = "policy",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        header = "Checks and shows policies.",
        subcommands = {PolicyCommand.Lint.class, PolicyCommand.Show.class})
final class PolicyCommand implements Callable<Integer> {
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
                "Lint finds tier rules that can never match and spend ranges that match no tier rule.",
                "Each warning is printed on standard output as 'file:line: path: message', the summary on"
                        + " standard error. Exit status 0 for a valid policy, even with warnings (1 with"
                        + " --strict), 2 for an invalid one."},
            sortOptions = false)
    static final class Lint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyOption policy;

        @Option(names = "--strict", description = "Exit with status 1 when there are warnings.")
        boolean strict;

        @Override
        public Integer call() {
            Policy loaded = policy.load();
            List<PolicyProblem> warnings = PolicyLinter.lint(loaded);
            warnings.forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("crm policy lint: " + loaded.ref() + " from " + loaded.source().name()
                    + " is valid, " + (warnings.isEmpty() ? "no warnings"
                    : warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")));
            return strict && !warnings.isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** {@code crm policy show}: prints the built-in standard policy. */
    @Command(name = "show",
            header = "Prints the built-in standard policy.",
            mixinStandardHelpOptions = true,
            versionProvider = CrmVersion.class,
            description = {
                "Prints the YAML text of the built-in standard policy, to read or to copy and adapt:",
                "  crm policy show > policy.yaml"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(PolicyLoader.standardText());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
