package org.crmkit.cli.output;

import org.crmkit.core.InvalidValueException;

/** How {@code crm policy lint} prints its warnings on standard output. */
public enum LintFormat {
    /** JSON Lines: one object per warning, the default. */
    JSONL,
    /** CSV with a header row, for spreadsheets. */
    CSV,
    /** {@code file:line: path: message} lines, for people and editors that jump to a line. */
    TEXT;

    /**
     * Parses the command-line spelling, ignoring case.
     *
     * @param text {@code jsonl}, {@code csv} or {@code text}; not null
     * @return the format
     * @throws InvalidValueException naming the formats if unknown
     */
    public static LintFormat parse(String text) {
        return FormatKeys.parse(values(), text);
    }

    /** @return the command-line spelling, e.g. {@code "jsonl"} */
    public String key() {
        return FormatKeys.key(this);
    }

    /** @return the writer of lint warnings in this format */
    public LintWriter writer() {
        return switch (this) {
            case JSONL -> (warnings, out) -> OutputFormat.JSONL.writer(LintFields.REPORT).write(warnings, out);
            case CSV -> (warnings, out) -> OutputFormat.CSV.writer(LintFields.REPORT).write(warnings, out);
            case TEXT -> new TextLintWriter();
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
