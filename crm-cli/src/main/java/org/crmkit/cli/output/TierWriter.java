package org.crmkit.cli.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.rules.tiering.TierDecision;

/**
 * Writes tier decisions in one output format, one record per decision in the order given, as they
 * come: a million decisions are never held.
 */
@FunctionalInterface
public interface TierWriter {
    /**
     * Starts the output; what is written goes to {@code out} as the writer's buffer fills.
     *
     * @param out where to write; not closed; not null
     * @return the sink of the decisions, to close after the last one
     * @throws IOException if writing fails
     */
    Lines open(Writer out) throws IOException;

    /**
     * Writes all decisions at once.
     *
     * @param decisions the decisions, in output order; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    default void write(List<TierDecision> decisions, Writer out) throws IOException {
        try (Lines lines = open(out)) {
            for (TierDecision decision : decisions) {
                lines.write(decision);
            }
        }
    }

    /**
     * The decisions of one output, written one at a time or in rendered runs; closing flushes but
     * does not close the target.
     */
    interface Lines extends Closeable {
        /**
         * Writes one decision.
         *
         * @param decision the decision; not null
         * @throws IOException if writing fails
         */
        void write(TierDecision decision) throws IOException;

        /**
         * Renders a run of consecutive decisions into this format's text (or rows) without writing
         * them, so that the work can be done on other threads while this one writes; thread-safe.
         *
         * @param decisions the decisions, in output order; not null
         * @return the rendered run, for {@link #write(Rendered)}
         * @throws IOException if rendering fails
         */
        Rendered render(List<TierDecision> decisions) throws IOException;

        /**
         * Writes a run rendered by this output's {@link #render}, exactly as writing its decisions
         * one by one would.
         *
         * @param rendered the run; not null
         * @throws IOException if writing fails
         */
        void write(Rendered rendered) throws IOException;
    }

    /** A run of decisions rendered by {@link Lines#render}, to be written by the same {@link Lines}. */
    interface Rendered {
    }
}
