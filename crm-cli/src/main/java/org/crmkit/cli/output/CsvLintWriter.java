package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import org.crmkit.rules.policy.PolicyProblem;

/**
 * CSV with a header row ({@code source,line,path,severity,message}), one row per warning; an
 * unknown line is an empty cell. Values are quoted only where RFC 4180 requires it; lines end with LF.
 * The header is written even when there are no warnings. Text cells are neutralised as {@link CsvText} says.
 */
final class CsvLintWriter implements LintWriter {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    @Override
    public void write(List<PolicyProblem> warnings, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        LintFields.ALL.forEach(schema::addColumn);
        try (SequenceWriter rows = MAPPER.writer(schema.build()).writeValues(new NonClosingWriter(out))) {
            for (PolicyProblem warning : warnings) {
                rows.write(List.of(CsvText.neutralise(warning.source()), Objects.toString(LintFields.line(warning), ""),
                        CsvText.neutralise(warning.path()), LintFields.WARNING, CsvText.neutralise(warning.message())));
            }
        }
    }
}
