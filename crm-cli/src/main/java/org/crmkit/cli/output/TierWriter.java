package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.rules.tiering.TierDecision;

/** Writes tier decisions in one output format, one record per decision in the order given. */
@FunctionalInterface
public interface TierWriter {
    /**
     * Writes the decisions.
     *
     * @param decisions the decisions, in output order; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(List<TierDecision> decisions, Writer out) throws IOException;
}
