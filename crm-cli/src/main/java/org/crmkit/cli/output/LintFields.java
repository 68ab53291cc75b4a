package org.crmkit.cli.output;

import org.crmkit.rules.io.InputProblem;

/**
 * The {@code crm policy lint} report as JSON Lines and CSV: one line per warning, e.g.
 * <pre>{@code
 * {"source":"policy.yaml","line":10,"path":"tiers[1]","severity":"warning","message":"rule silver can never match: ..."}
 * }</pre>
 * {@code line} is null (an empty CSV cell) when unknown; {@code path} is empty when the warning
 * concerns the whole document. The CSV header is written even when there are no warnings.
 */
final class LintFields {
    /** Lint reports only warnings: a policy with errors does not load, and those go to standard error. */
    private static final String WARNING = "warning";

    static final Report<InputProblem> REPORT = Report.of(Columns.<InputProblem>builder()
            .text("source", InputProblem::source)
            .number("line", warning -> warning.line() > 0 ? Integer.valueOf(warning.line()) : null)
            .text("path", warning -> warning.keyPath().orElse(""))
            .text("severity", warning -> WARNING)
            .text("message", InputProblem::message)
            .build());

    private LintFields() {
    }
}
