package org.crmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes a command's complete result on standard output at once, after everything was read and
 * computed, and its summary on standard error.
 */
final class StandardOutput {
    private StandardOutput() {
    }

    /** Writes a whole result, e.g. with one of the output writers. */
    @FunctionalInterface
    interface Result {
        /**
         * Writes the result.
         *
         * @param out where to write
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes the result into a buffer first, so that nothing is printed if writing fails, then
     * prints it and flushes.
     *
     * @param spec the command's spec, whose command line holds standard output
     * @param result writes the result
     * @throws UncheckedIOException if writing or printing fails, for exit status 1
     */
    static void print(CommandSpec spec, Result result) {
        StringWriter buffer = new StringWriter();
        try {
            result.writeTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        print(spec, buffer.toString());
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

    /**
     * Flushes standard output and tells whether it still takes what is written: a command that
     * streams its result checks now and then, and stops when the reader went away.
     *
     * @param out standard output
     * @throws UncheckedIOException if standard output cannot be written (e.g. a closed pipe), for exit status 1
     */
    static void check(PrintWriter out) {
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write to standard output"));
        }
    }

    /**
     * Prints a command's summary on standard error, a line each, and flushes.
     *
     * @param spec the command's spec, whose command line holds standard error
     * @param lines the summary
     */
    static void summary(CommandSpec spec, List<String> lines) {
        PrintWriter err = spec.commandLine().getErr();
        lines.forEach(err::println);
        err.flush();
    }
}
