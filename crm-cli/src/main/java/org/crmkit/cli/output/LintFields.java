package org.crmkit.cli.output;

import java.util.List;
import org.crmkit.rules.policy.PolicyProblem;
import org.jspecify.annotations.Nullable;

/**
 * The field names and values of the {@code crm policy lint} output, shared by JSON Lines and CSV
 * so that both always say the same thing.
 */
final class LintFields {
    static final String SOURCE = "source";
    static final String LINE = "line";
    static final String PATH = "path";
    static final String SEVERITY = "severity";
    static final String MESSAGE = "message";

    /** The fields in output order. */
    static final List<String> ALL = List.of(SOURCE, LINE, PATH, SEVERITY, MESSAGE);

    /** Lint reports only warnings: a policy with errors does not load, and those go to standard error. */
    static final String WARNING = "warning";

    private LintFields() {
    }

    /** @return the 1-based line, or null when it is unknown (JSON null, an empty CSV cell) */
    static @Nullable Integer line(PolicyProblem warning) {
        return warning.line() > 0 ? warning.line() : null;
    }
}
