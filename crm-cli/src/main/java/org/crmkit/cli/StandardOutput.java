package org.crmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crmkit.cli.output.RowWriter;
import org.crmkit.rules.io.InputProblem;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes a command's result on standard output, and its summary on standard error: a small
 * result all at once, after everything was read and computed ({@link #print}); a large one record
 * by record as it is computed ({@link #streamed}), as {@code crm tier}, {@code crm lifecycle} and
 * {@code crm clv} write theirs.
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

    /** Records between checks that standard output still takes them (a check flushes). */
    static final int CHECK_EVERY = 16_384;

    /**
     * Starts a result that is written record by record as the records are computed. Nothing is
     * written before the first record (nor the header of a format that has one), so a command that
     * fails before it, on bad input say, prints nothing; standard output is checked every
     * {@value #CHECK_EVERY} records, so that a run whose reader went away stops.
     *
     * @param spec the command's spec, whose command line holds standard output
     * @param writer the writer of the records in a format
     * @return the consumer of the records; {@link Streamed#finish} it after the last
     */
    static <T> Streamed<T> streamed(CommandSpec spec, RowWriter<T> writer) {
        return new Streamed<>(spec.commandLine().getOut(), writer);
    }

    /** A result written record by record; see {@link #streamed}. Not thread-safe. */
    static final class Streamed<T> implements Consumer<T> {
        private final PrintWriter out;
        private final RowWriter<T> writer;
        private RowWriter.Rows<T> sink;
        private long written;

        private Streamed(PrintWriter out, RowWriter<T> writer) {
            this.out = out;
            this.writer = writer;
        }

        /**
         * Writes a record, starting the output with the first.
         *
         * @throws UncheckedIOException if writing fails or standard output no longer takes what is written
         */
        @Override
        public void accept(T record) {
            try {
                open().write(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++written % CHECK_EVERY == 0) {
                check(out);
            }
        }

        /** @return the records written so far */
        long written() {
            return written;
        }

        /**
         * Ends the output after the last record (a result without records still gets its header)
         * and flushes standard output.
         *
         * @throws UncheckedIOException if writing fails or standard output no longer takes what is written
         */
        void finish() {
            try {
                open().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            check(out);
        }

        private RowWriter.Rows<T> open() throws IOException {
            if (sink == null) {
                sink = writer.open(out);
            }
            return sink;
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

    /** Warnings shown of an input; the rest are counted. */
    static final int MAX_WARNINGS_SHOWN = 5;

    /**
     * Prints all the warnings of an input read whole, as {@link #warnings(CommandSpec, List, long)}.
     *
     * @param spec the command's spec, whose command line holds standard error
     * @param warnings every warning, in file order
     */
    static void warnings(CommandSpec spec, List<InputProblem> warnings) {
        warnings(spec, warnings, warnings.size());
    }

    /**
     * Prints warnings about valid input on standard error, each as
     * {@code crm tier: warning: orders.csv:5: column 'order_date': ...}: the first
     * {@value #MAX_WARNINGS_SHOWN}, then how many more there are, so that a file with many (a
     * history migrated from an older system, say) does not bury the summary.
     *
     * @param spec the command's spec, whose command line holds standard error
     * @param warnings the first warnings, in file order
     * @param total how many there are in all
     */
    static void warnings(CommandSpec spec, List<InputProblem> warnings, long total) {
        String prefix = spec.qualifiedName() + ": warning: ";
        List<String> lines = new ArrayList<>();
        warnings.stream().limit(MAX_WARNINGS_SHOWN).forEach(warning -> lines.add(prefix + warning));
        long shown = lines.size();
        if (total > shown) {
            lines.add(prefix + "... and " + (total - shown) + " more");
        }
        summary(spec, lines);
    }
}
