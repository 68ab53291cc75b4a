package org.crmkit.cli.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
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
        Objects.requireNonNull(text, "text");
        for (OutputFormat format : values()) {
            if (format.key().equalsIgnoreCase(text.strip())) {
                return format;
            }
        }
        throw new InvalidValueException("expected one of " + keys() + ", was '" + text + "'");
    }

    /** @return the formats' spellings, comma-separated */
    public static String keys() {
        return Arrays.stream(values()).map(OutputFormat::key).collect(Collectors.joining(", "));
    }

    /** @return the command-line spelling, e.g. {@code "jsonl"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the writer of tier decisions in this format */
    public TierWriter tierWriter() {
        return this == JSONL ? new JsonLinesTierWriter() : new CsvTierWriter();
    }

    @Override
    public String toString() {
        return key();
    }
}
