package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;

/** Writes customers' lifetime values ({@code crm clv}) in one output format, one record per customer. */
@FunctionalInterface
public interface ClvWriter {
    /**
     * Writes every customer of the report, in the report's order.
     *
     * @param report the estimates; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(ClvReport report, Writer out) throws IOException;
}
