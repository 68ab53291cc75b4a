package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.rules.io.InputProblem;

/**
 * One {@code file:line: path: message} line per warning, the way compilers report, for people
 * and for editors that jump to the line; the parts that are unknown are left out.
 */
final class TextLintWriter implements LintWriter {
    @Override
    public void write(List<InputProblem> warnings, Writer out) throws IOException {
        for (InputProblem warning : warnings) {
            out.write(warning.toString());
            out.write('\n');
        }
    }
}
