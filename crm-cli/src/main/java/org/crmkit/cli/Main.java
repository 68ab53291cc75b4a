package org.crmkit.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.crmkit.cli.output.StandardStreams;

/** The entry point of {@code crm} ({@code java -jar crm.jar}, or the {@code ./crm} launcher). */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line with the system clock and exits with its status.
     *
     * @param args the arguments; not null
     */
    public static void main(String[] args) {
        PrintWriter out = StandardStreams.out();
        PrintWriter err = StandardStreams.err();
        System.exit(Crm.run(Clock.systemUTC(), System.in, out, err, StandardStreams.errorIsTerminal(), args));
    }
}
