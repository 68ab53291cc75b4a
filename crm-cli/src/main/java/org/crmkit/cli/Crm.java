package org.crmkit.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Objects;
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
        Objects.requireNonNull(clock, "clock");
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == TierCommand.class) {
                    return type.cast(new TierCommand(clock));
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
                    return type.cast(new LifecycleCommand(clock));
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
        cli.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        cli.setParameterExceptionHandler(new ErrorHandlers.Usage());
        return cli;
    }

    /**
     * Runs one command.
     *
     * @param clock the clock that says what day it is; not null
     * @param out standard output: results only; not null
     * @param err standard error: messages, warnings and summaries; not null
     * @param args the arguments, e.g. {@code tier --customers c.csv --orders o.csv}; not null
     * @return the exit status, see {@link ExitCodes}
     */
    public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(args, "args");
        CommandLine cli = commandLine(clock);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
