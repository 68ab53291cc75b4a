package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;

/** Writes fitted customer-base models ({@code crm clv fit}) in one output format, one record per model. */
@FunctionalInterface
public interface ClvFitWriter {
    /**
     * Writes every model of the report, in the report's order.
     *
     * @param report the fits; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(ClvFitReport report, Writer out) throws IOException;
}
