package org.crmkit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.crmkit.cli.csv.CsvImportException;
import org.crmkit.cli.database.Credentials;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.PersistenceException;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.jdbc.mapping.MappingException;
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
     * Bad input, bad policies and mappings, invalid values (including
     * {@link org.crmkit.core.CurrencyMismatchException}) and runs the stored ones refuse exit with 2
     * and their message, without a stack trace; another job holding the lock with 3; a database
     * failure with 1 and its message; anything else with 1.
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
            } else if (ex instanceof MappingException mapping) {
                // Every problem, each with file, line and key path.
                err.println(command + ": " + mapping.getMessage());
                status = ExitCodes.BAD_INPUT;
            } else if (ex instanceof JobRunningException running) {
                err.println(command + ": " + running.getMessage());
                status = ExitCodes.JOB_RUNNING;
            } else if (ex instanceof ConcurrentUpdateException refused) {
                // The day or policy asked for contradicts the stored runs; nothing was written.
                err.println(command + ": " + refused.getMessage());
                status = ExitCodes.BAD_INPUT;
            } else if (ex instanceof PersistenceException storage) {
                // The message names the operation and the SQL state, never the password or row values.
                LOG.debug("{} failed", command, ex);
                err.println(command + ": " + storage.getMessage());
                status = ExitCodes.FAILURE;
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
            if (passwordOption(ex)) {
                // picocli's message would repeat the arguments that follow, the password among them.
                err.println(command + ": Unknown option: '--password': crm takes no password on the command line;"
                        + " give it in the environment variable " + Credentials.PASSWORD + " or in a --password-file");
            } else {
                err.println(command + ": " + ex.getMessage());
                UnmatchedArgumentException.printSuggestions(ex, err);
            }
            err.println("Try '" + command + " --help' for more information.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }

    /** @return whether the arguments not matched include a password option ({@code --password}, {@code --password=...}) */
    private static boolean passwordOption(ParameterException ex) {
        return ex instanceof UnmatchedArgumentException unmatched && unmatched.getUnmatched().stream()
                .anyMatch(arg -> arg.equals("--password") || arg.startsWith("--password="));
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
