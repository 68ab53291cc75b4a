package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;
import org.crmkit.rules.sla.CaseSla;

/** Writes the SLAs of cases in one output format, in the order given. */
@FunctionalInterface
public interface SlaWriter {
    /**
     * Writes the SLAs.
     *
     * @param cases the cases' SLAs, in output order; not null
     * @param zone the zone whose offsets the moments are written with (the policy's); not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(List<CaseSla> cases, ZoneId zone, Writer out) throws IOException;
}
