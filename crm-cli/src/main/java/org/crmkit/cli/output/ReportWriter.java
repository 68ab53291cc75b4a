package org.crmkit.cli.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one writer of every report, as JSON Lines or CSV, through one streaming Jackson generator:
 * the text is what serialising the same fields as a tree would give, without building one per
 * line. JSON Lines: one object per line, each line ending with LF, decimals as written (never in
 * exponent notation). CSV: a header row, then one row per line, values quoted only where RFC 4180
 * requires it, lines ending with LF.
 *
 * @param <R> what the report is made of
 */
final class ReportWriter<R> implements RowWriter<R> {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // As the writer-based generator does: a character beyond U+FFFF as its four UTF-8 bytes, not as two escapes.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\n");
    /** About what a line takes, to size a run's buffer. */
    private static final int LINE_BYTES = 512;

    private final Report<R> report;
    private final boolean csv;

    ReportWriter(Report<R> report, OutputFormat format) {
        this.report = report;
        this.csv = format == OutputFormat.CSV;
    }

    @Override
    public Rows<R> open(Writer out) throws IOException {
        JsonGenerator generator = generator(out);
        Report.Line line = line(generator);
        Report.Lines<R> lines = csv ? report.csv() : report.json();
        if (csv) {
            // Written at once, so that an output without lines still has its header.
            generator.writeStartArray();
            for (String name : report.csvHeader()) {
                generator.writeString(name);
            }
            generator.writeEndArray();
        }
        return new Rows<>() {
            @Override
            public void write(R input) throws IOException {
                lines.each(input, line);
            }

            @Override
            public Rendered render(List<? extends R> inputs) throws IOException {
                // Encoded here, on the rendering thread, so that writing the run is a copy of bytes.
                EncodedRun text = new EncodedRun(inputs.size() * LINE_BYTES);
                try (JsonGenerator run = generator(text)) {
                    Report.Line runLine = line(run);
                    for (R input : inputs) {
                        lines.each(input, runLine);
                    }
                }
                return text;
            }

            @Override
            public void write(Rendered rendered) throws IOException {
                // Whatever the generator holds goes first, so that the order stays that of the calls.
                generator.flush();
                ((EncodedRun) rendered).writeTo(out);
            }

            @Override
            public void close() throws IOException {
                generator.close();
            }
        };
    }

    private JsonGenerator generator(Writer out) throws IOException {
        return configured(csv ? CSV.getFactory().createGenerator(out) : JSON.createGenerator(out));
    }

    /** A generator writing UTF-8 bytes, for rendered runs. */
    private JsonGenerator generator(OutputStream out) throws IOException {
        return configured(csv ? CSV.getFactory().createGenerator(out, JsonEncoding.UTF8)
                : JSON.createGenerator(out, JsonEncoding.UTF8));
    }

    private JsonGenerator configured(JsonGenerator generator) {
        if (csv) {
            generator.setSchema(ROWS);
        } else {
            // Lines end with LF, written after each object; no separator between root values.
            generator.setRootValueSeparator(null);
        }
        return generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private Report.Line line(JsonGenerator generator) {
        return csv ? new CsvLine(generator, report) : new JsonLine(generator);
    }

    /** Each line a JSON object of its fields. */
    private record JsonLine(JsonGenerator json) implements Report.Line {
        @Override
        public <S> void write(Columns<S> fields, S row) throws IOException {
            json.writeStartObject();
            fields.json(json, row);
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /** Each line a CSV row of the header's width, its fields' cells where the header has them. */
    private record CsvLine(JsonGenerator csv, Report<?> report) implements Report.Line {
        @Override
        public <S> void write(Columns<S> fields, S row) throws IOException {
            @Nullable String[] cells = new String[report.csvHeader().size()];
            fields.csv(row, cells, report.csvPlaces(fields), 0);
            csv.writeStartArray();
            for (String cell : cells) {
                csv.writeString(cell == null ? "" : cell);
            }
            csv.writeEndArray();
        }
    }
}
