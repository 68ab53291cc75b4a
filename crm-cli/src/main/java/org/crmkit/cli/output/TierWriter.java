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

    /** The decisions of one output, written one at a time; closing flushes but does not close the target. */
    interface Lines extends Closeable {
        /**
         * Writes one decision.
         *
         * @param decision the decision; not null
         * @throws IOException if writing fails
         */
        void write(TierDecision decision) throws IOException;
    }
}
