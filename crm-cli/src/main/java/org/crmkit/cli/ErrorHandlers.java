package org.crmkit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.crmkit.cli.csv.CsvImportException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.policy.PolicyValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** Turns failures into messages on standard error and the exit statuses of {@link ExitCodes}. */
final class ErrorHandlers {
    /** Input problems shown; the rest are counted, since the first ones usually explain the others. */
    static final int MAX_PROBLEMS_SHOWN = 20;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    /**
     * The usage error of a command group called without one of its subcommands.
     *
     * @param spec the group's spec
     * @return the exception for picocli to report with exit status 2
     */
    static ParameterException missingSubcommand(CommandLine.Model.CommandSpec spec) {
        return new ParameterException(spec.commandLine(), "Missing required subcommand, one of: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Bad input, bad policies and invalid values (including {@link org.crmkit.core.CurrencyMismatchException})
     * exit with 2 and their message, without a stack trace; anything else with 1.
     */
    static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
            PrintWriter err = cli.getErr();
            String command = cli.getCommandSpec().qualifiedName();
            int status;
            if (ex instanceof CsvImportException input) {
                inputProblems(input.problems(), input.total(), command).forEach(err::println);
                status = ExitCodes.BAD_INPUT;
            } else if (ex instanceof PolicyValidationException policy) {
                err.println(policy.getMessage());
                status = ExitCodes.BAD_INPUT;
            } else if (ex instanceof InvalidValueException invalid) {
                // A value the user supplied broke an invariant that only evaluation checks (a currency
                // mismatch, say): their mistake to fix, so bad input, with crm-core's message.
                LOG.debug("{} failed", command, ex);
                err.println(command + ": " + invalid.getMessage());
                status = ExitCodes.BAD_INPUT;
            } else if (ex instanceof UncheckedIOException io) {
                LOG.debug("{} failed", command, ex);
                err.println(command + ": " + io.getCause().getMessage());
                status = ExitCodes.FAILURE;
            } else {
                LOG.debug("{} failed", command, ex);
                err.println(command + ": unexpected error: " + ex);
                status = ExitCodes.FAILURE;
            }
            err.flush();
            return status;
        }
    }

    /** Usage errors (a missing or malformed option) exit with 2, with the message and a hint. */
    static final class Usage implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cli = ex.getCommandLine();
            PrintWriter err = cli.getErr();
            String command = cli.getCommandSpec().qualifiedName();
            err.println(command + ": " + ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + command + " --help' for more information.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }

    /**
     * The lines that report input problems: at most {@link #MAX_PROBLEMS_SHOWN}, then how many
     * more there are, then a closing line saying that nothing was written.
     */
    static List<String> inputProblems(List<InputProblem> problems, String command) {
        return inputProblems(problems, problems.size(), command);
    }

    /**
     * The lines that report input problems of which only the first were kept.
     *
     * @param problems the first problems
     * @param total how many there are in all
     */
    static List<String> inputProblems(List<InputProblem> problems, long total, String command) {
        List<String> lines = new java.util.ArrayList<>();
        problems.stream().limit(MAX_PROBLEMS_SHOWN).map(InputProblem::toString).forEach(lines::add);
        if (total > MAX_PROBLEMS_SHOWN) {
            lines.add("... and " + (total - Math.min(MAX_PROBLEMS_SHOWN, problems.size())) + " more");
        }
        lines.add(command + ": " + total + (total == 1 ? " error" : " errors") + " in the input files, nothing written");
        return lines;
    }
}
