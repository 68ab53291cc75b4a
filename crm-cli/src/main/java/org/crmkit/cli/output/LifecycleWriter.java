package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import org.crmkit.rules.lifecycle.CustomerBaseReport;

/** Writes the analysis of a customer base ({@code crm lifecycle}) in one output format, one record per customer. */
@FunctionalInterface
public interface LifecycleWriter {
    /**
     * Writes every customer of the report, in the report's order (ascending customer id).
     *
     * @param report the analysis; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(CustomerBaseReport report, Writer out) throws IOException;
}
