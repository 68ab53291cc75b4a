package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.rules.policy.PolicyProblem;

/**
 * JSON Lines: one object per warning, e.g.
 * <pre>{@code
 * {"source":"policy.yaml","line":10,"path":"tiers[1]","severity":"warning","message":"rule silver can never match: ..."}
 * }</pre>
 * {@code line} is null when unknown; {@code path} is empty when the warning concerns the whole document.
 */
final class JsonLinesLintWriter implements LintWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(List<PolicyProblem> warnings, Writer out) throws IOException {
        for (PolicyProblem warning : warnings) {
            ObjectNode line = MAPPER.createObjectNode();
            line.put(LintFields.SOURCE, warning.source());
            line.put(LintFields.LINE, LintFields.line(warning));
            line.put(LintFields.PATH, warning.path());
            line.put(LintFields.SEVERITY, LintFields.WARNING);
            line.put(LintFields.MESSAGE, warning.message());
            out.write(MAPPER.writeValueAsString(line));
            out.write('\n');
        }
    }
}
