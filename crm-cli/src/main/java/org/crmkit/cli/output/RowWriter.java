package org.crmkit.cli.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a {@link Report} in one output format, one input at a time and as it comes, so that a
 * million customers are never held: made by {@link OutputFormat#writer(Report)}.
 *
 * @param <R> what the report is made of
 */
public interface RowWriter<R> {
    /**
     * Starts the output (the CSV header); what is written goes to {@code out} as the writer's buffer fills.
     *
     * @param out where to write; not closed; not null
     * @return where the inputs go, to close after the last one
     * @throws IOException if writing fails
     */
    Rows<R> open(Writer out) throws IOException;

    /**
     * Writes all inputs at once.
     *
     * @param inputs the inputs, in output order; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    default void write(Iterable<? extends R> inputs, Writer out) throws IOException {
        try (Rows<R> rows = open(out)) {
            for (R input : inputs) {
                rows.write(input);
            }
        }
    }

    /**
     * The inputs of one output, written one at a time or in rendered runs; closing flushes but does
     * not close the target.
     *
     * @param <R> what the report is made of
     */
    interface Rows<R> extends Closeable {
        /**
         * Writes the lines of one input.
         *
         * @param input the input; not null
         * @throws IOException if writing fails
         */
        void write(R input) throws IOException;

        /**
         * Renders a run of consecutive inputs into this format's text without writing it, so that
         * the work can be done on other threads while this one writes; thread-safe. By default the
         * inputs are kept and written by {@link #write(Rendered)}, for formats nothing renders ahead.
         *
         * @param inputs the inputs, in output order; not null
         * @return the rendered run, for {@link #write(Rendered)}
         * @throws IOException if rendering fails
         */
        default Rendered render(List<? extends R> inputs) throws IOException {
            return new Kept<>(List.copyOf(inputs));
        }

        /**
         * Writes a run rendered by this output's {@link #render}, exactly as writing its inputs one
         * by one would.
         *
         * @param rendered the run; not null
         * @throws IOException if writing fails
         */
        default void write(Rendered rendered) throws IOException {
            @SuppressWarnings("unchecked") // made by render above, for the same Rows
            Kept<R> kept = (Kept<R>) rendered;
            for (R input : kept.inputs()) {
                write(input);
            }
        }
    }

    /** A run that {@link Rows#render} by default keeps, to be written input by input. */
    record Kept<R>(List<R> inputs) implements Rendered {
    }

    /** A run of inputs rendered by {@link Rows#render}, to be written by the same {@link Rows}. */
    interface Rendered {
    }
}
