package org.crmkit.cli;

import org.crmkit.cli.output.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --format jsonl|csv}, shared by the commands that print records as JSON Lines or CSV. */
final class OutputFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", converter = OutputFormatConverter.class,
            defaultValue = "jsonl", description = "jsonl (JSON Lines) or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.JSONL;

    /** @return the chosen format */
    OutputFormat get() {
        return format;
    }
}
