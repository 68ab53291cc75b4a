package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.rules.io.InputProblem;

/** Writes the warnings of {@code crm policy lint} in one output format, one record per warning in the order given. */
@FunctionalInterface
public interface LintWriter {
    /**
     * Writes the warnings.
     *
     * @param warnings the warnings, in output order; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(List<InputProblem> warnings, Writer out) throws IOException;
}
