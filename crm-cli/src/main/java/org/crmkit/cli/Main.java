package org.crmkit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

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
        // UTF-8 whatever the platform's locale: the formats are UTF-8, and names and ids may be in any script.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        System.exit(Crm.run(Clock.systemUTC(), System.in, out, err, Progress.standardErrorIsTerminal(), args));
    }
}
