package org.crmkit.cli.output;

import org.crmkit.core.InvalidValueException;

/** How a command prints its results on standard output. */
public enum OutputFormat {
    /** JSON Lines: one JSON object per line, the default. */
    JSONL,
    /** CSV with a header row, for spreadsheets. */
    CSV;

    /**
     * Parses the command-line spelling, ignoring case.
     *
     * @param text {@code jsonl} or {@code csv}; not null
     * @return the format
     * @throws InvalidValueException naming the formats if unknown
     */
    public static OutputFormat parse(String text) {
        return FormatKeys.parse(values(), text);
    }

    /** @return the command-line spelling, e.g. {@code "jsonl"} */
    public String key() {
        return FormatKeys.key(this);
    }

    /**
     * @param report what to write; not null
     * @return the writer of the report in this format
     */
    public <R> RowWriter<R> writer(Report<R> report) {
        return new ReportWriter<>(java.util.Objects.requireNonNull(report, "report"), this);
    }

    @Override
    public String toString() {
        return key();
    }
}
