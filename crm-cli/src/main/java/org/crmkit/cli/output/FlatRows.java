package org.crmkit.cli.output;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rows of plain fields (strings, numbers, booleans, nulls, lists of strings) as JSON Lines or
 * CSV: the outputs of {@code crm agenda} and its subcommands, {@code crm sla review},
 * {@code crm lifecycle} and {@code crm clv}, whose lines have no nested objects. Decimals are written as they are, never in
 * exponent notation.
 */
final class FlatRows {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private FlatRows() {
    }

    /** One JSON object per row, fields in the row's order, each line ending with LF. */
    static void jsonLines(List<Map<String, @Nullable Object>> rows, Writer out) throws IOException {
        try (Sink sink = jsonLines(out)) {
            for (Map<String, @Nullable Object> row : rows) {
                sink.row(row);
            }
        }
    }

    /**
     * A header row of the columns, then one row per row: null is an empty cell, a list is joined
     * with {@code " | "} as the {@code reasons} of {@code crm tier} are. Values are quoted only
     * where RFC 4180 requires it; lines end with LF. Text cells are neutralised as {@link CsvText} says.
     */
    static void csv(List<String> columns, List<Map<String, @Nullable Object>> rows, Writer out) throws IOException {
        try (Sink sink = csv(columns, out)) {
            for (Map<String, @Nullable Object> row : rows) {
                sink.row(row);
            }
        }
    }

    /** Rows written one at a time, as they are made; closing ends the output but not the writer. */
    interface Sink extends AutoCloseable {
        /**
         * Writes a row.
         *
         * @param row the fields in output order
         * @throws IOException if writing fails
         */
        void row(Map<String, @Nullable Object> row) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** A sink of JSON Lines, as {@link #jsonLines(List, Writer)} writes them. */
    static Sink jsonLines(Writer out) {
        return new Sink() {
            @Override
            public void row(Map<String, @Nullable Object> row) throws IOException {
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }

            @Override
            public void close() {
                // nothing buffered
            }
        };
    }

    /** A sink of CSV rows under a header, as {@link #csv(List, List, Writer)} writes them. */
    static Sink csv(List<String> columns, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        columns.forEach(schema::addColumn);
        SequenceWriter writer = CSV.writer(schema.build()).writeValues(new NonClosingWriter(out));
        return new Sink() {
            @Override
            public void row(Map<String, @Nullable Object> row) throws IOException {
                List<String> cells = new ArrayList<>(columns.size());
                for (String column : columns) {
                    cells.add(cell(row.get(column)));
                }
                writer.write(cells);
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    private static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(String.valueOf(item)));
            return CsvText.neutralise(String.join(CsvTierWriter.REASON_SEPARATOR, items));
        }
        // Numbers and booleans are the command's own; text may come from the input.
        return value instanceof String text ? CsvText.neutralise(text) : value.toString();
    }
}
