package org.crmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's complete result on standard output at once, after everything was read and computed. */
final class StandardOutput {
    private StandardOutput() {
    }

    /**
     * Prints the text and flushes.
     *
     * @param spec the command's spec, whose command line holds standard output
     * @param text the whole result
     * @throws UncheckedIOException if standard output cannot be written (e.g. a closed pipe), for exit status 1
     */
    static void print(CommandSpec spec, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write to standard output"));
        }
    }
}
