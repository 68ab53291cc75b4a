package org.crmkit.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crm}: the group of all commands; on its own it is a usage error. */
@Command(name = "crm",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        description = {
            "crmkit on the command line: reads ERP exports (CSV), applies a policy, prints JSON Lines"
                    + " (or CSV) on standard output and a summary on standard error.",
            "Every option that names an input file takes - for standard input (one option per run);"
                    + " messages call it <stdin>.",
            "Exit status: 0 success, 2 bad input, bad policy or usage error (nothing on standard output),"
                    + " 3 another nightly job is running on the database, 1 anything else."},
        subcommands = {TierCommand.class, SlaCommand.class, AgendaCommand.class, LifecycleCommand.class,
            ClvCommand.class, NightlyCommand.class, PolicyCommand.class, GenerateCompletion.class})
final class CrmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw ErrorHandlers.missingSubcommand(spec);
    }
}
