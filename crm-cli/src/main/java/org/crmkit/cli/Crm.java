package org.crmkit.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.crmkit.cli.input.FileArgument;
import org.crmkit.cli.output.OutputFile;
import org.crmkit.cli.input.StandardInput;
import picocli.CommandLine;

/**
 * Builds the {@code crm} command line. The clock is injected so that "today" (the default
 * {@code --as-of}) is under the caller's control: {@link Main} passes the system clock, tests
 * a fixed one.
 *
 * <pre>{@code
 * int status = Crm.run(Clock.systemUTC(), out, err, "tier", "--customers", "customers.csv", "--orders", "orders.csv");
 * }</pre>
 */
public final class Crm {
    private Crm() {
    }

    /**
     * The configured command line: subcommands, exit codes and error handling, writing to the
     * process's standard output and error until {@link CommandLine#setOut}/{@link CommandLine#setErr}
     * say otherwise.
     *
     * @param clock the clock that says what day it is; not null
     * @return the command line
     */
    public static CommandLine commandLine(Clock clock) {
        return commandLine(clock, Progress::off, new StandardInput(InputStream.nullInputStream()), System.getenv());
    }

    /**
     * The command line with a progress display for long commands.
     *
     * @param clock the clock that says what day it is
     * @param progress makes the display of a run (one that shows nothing when standard error is not a terminal)
     * @param standardInput what an input option given as {@code -} reads
     * @param environment the environment variables, which {@code crm nightly} reads its credentials from
     */
    static CommandLine commandLine(Clock clock, Supplier<Progress> progress, StandardInput standardInput,
            Map<String, String> environment) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(environment, "environment");
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == TierCommand.class) {
                    return type.cast(new TierCommand(clock, progress));
                }
                if (type == SlaCommand.class) {
                    return type.cast(new SlaCommand(clock));
                }
                if (type == SlaCommand.Review.class) {
                    return type.cast(new SlaCommand.Review(clock));
                }
                if (type == AgendaCommand.class) {
                    return type.cast(new AgendaCommand(clock));
                }
                if (type == AgendaCommand.Overdue.class) {
                    return type.cast(new AgendaCommand.Overdue(clock));
                }
                if (type == AgendaCommand.Unscheduled.class) {
                    return type.cast(new AgendaCommand.Unscheduled(clock));
                }
                if (type == LifecycleCommand.class) {
                    return type.cast(new LifecycleCommand(clock, progress));
                }
                if (type == NightlyCommand.class) {
                    return type.cast(new NightlyCommand(clock, progress, environment));
                }
                if (type == ClvCommand.class) {
                    return type.cast(new ClvCommand(clock));
                }
                if (type == ClvCommand.Fit.class) {
                    return type.cast(new ClvCommand.Fit(clock));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new CrmCommand(), factory);
        cli.registerConverter(FileArgument.class, FileArgument.converter(standardInput));
        cli.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        cli.setParameterExceptionHandler(new ErrorHandlers.Usage());
        // Every command that prints records takes --output: not the group, the policy commands, the
        // nightly job (a summary only) or completion.
        OutputFile.addTo(cli, command -> {
            Object user = command.getCommandSpec().userObject();
            return !(user instanceof PolicyCommand || user instanceof CrmCommand || user instanceof NightlyCommand
                    || "generate-completion".equals(command.getCommandName()));
        });
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            List<CommandLine> commands = parsed.asCommandLineList();
            CommandLine last = commands.get(commands.size() - 1);
            oneStandardInput(commands);
            return OutputFile.run(last, last.getCommandSpec().qualifiedName(), () -> runLast.execute(parsed));
        });
        return cli;
    }

    /**
     * Standard input serves one option at most: a usage error names the options that give
     * {@code -}, since all but the first would read nothing.
     */
    private static void oneStandardInput(List<CommandLine> commands) {
        List<String> named = new ArrayList<>();
        for (CommandLine command : commands) {
            for (CommandLine.Model.OptionSpec option : command.getParseResult().matchedOptions()) {
                Object value = option.getValue();
                if (value instanceof Optional<?> optional) {
                    value = optional.orElse(null);
                }
                if (value instanceof FileArgument file && file.isStandardInput()) {
                    named.add(option.longestName());
                }
            }
        }
        if (named.size() > 1) {
            CommandLine last = commands.get(commands.size() - 1);
            throw new CommandLine.ParameterException(last, String.join(" and ", named)
                    + (named.size() == 2 ? " both" : " all") + " name standard input ('-'): at most one input of a run"
                    + " can be read from it");
        }
    }

    /**
     * Runs one command, with an empty standard input.
     *
     * @param clock the clock that says what day it is; not null
     * @param out standard output: results only; not null
     * @param err standard error: messages, warnings and summaries; not null
     * @param args the arguments, e.g. {@code tier --customers c.csv --orders o.csv}; not null
     * @return the exit status, see {@link ExitCodes}
     */
    public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
        return run(clock, InputStream.nullInputStream(), out, err, args);
    }

    /**
     * Runs one command.
     *
     * @param clock the clock that says what day it is; not null
     * @param in standard input, read by the option given as {@code -}, if one is; not null
     * @param out standard output: results only; not null
     * @param err standard error: messages, warnings and summaries; not null
     * @param args the arguments, e.g. {@code tier --customers - --orders o.csv}; not null
     * @return the exit status, see {@link ExitCodes}
     */
    public static int run(Clock clock, InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return run(clock, in, out, err, false, args);
    }

    /**
     * Runs one command, with a progress display on {@code err} for long runs if asked.
     *
     * <p>Running out of memory ends the command with a message saying how to give it more and
     * exit status 1, never a stack trace: by the time the error arrives here, everything the
     * command held is garbage again, so there is room to say so.
     *
     * @param showProgress whether {@code err} is a terminal a person watches
     */
    static int run(Clock clock, InputStream in, PrintWriter out, PrintWriter err, boolean showProgress,
            String... args) {
        return run(clock, System.getenv(), in, out, err, showProgress, args);
    }

    /**
     * Runs one command with the given environment variables instead of the process's.
     *
     * @param environment what {@code crm nightly} reads its credentials from
     */
    static int run(Clock clock, Map<String, String> environment, InputStream in, PrintWriter out, PrintWriter err,
            boolean showProgress, String... args) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(args, "args");
        String command = commandName(args);
        Supplier<Progress> progress = showProgress
                ? () -> new Progress(command, err, System::nanoTime) : Progress::off;
        try (StandardInput standardInput = new StandardInput(in)) {
            CommandLine cli = commandLine(clock, progress, standardInput, environment);
            cli.setOut(out);
            cli.setErr(err);
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(outOfMemory(command, Runtime.getRuntime().maxMemory()));
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The message for a command that ran out of memory.
     *
     * @param command e.g. {@code crm tier}
     * @param maxHeap the JVM's maximum heap in bytes
     */
    static String outOfMemory(String command, long maxHeap) {
        return command + ": out of memory: the Java heap of " + (maxHeap >> 20) + " MB is too small for this input;"
                + " give it more, e.g. CRM_JAVA_OPTS=-Xmx8g ./crm ... (or java -Xmx8g -jar crm.jar ...)";
    }

    /** @return {@code crm} and the subcommands named first in the arguments, e.g. {@code crm tier} */
    private static String commandName(String... args) {
        StringBuilder name = new StringBuilder("crm");
        for (String arg : args) {
            if (arg.startsWith("-") || !arg.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                break;
            }
            name.append(' ').append(arg);
        }
        return name.toString();
    }
}
