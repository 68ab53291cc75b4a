package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.sla.WeeklyReview;
import org.jspecify.annotations.Nullable;

/**
 * CSV with a header row naming every field of every section ({@link ReviewFields#ALL}), one row
 * per row of the JSON Lines output, empty cells for the fields of other sections: filter on
 * {@code section} in a spreadsheet. Values are quoted only where RFC 4180 requires it; lines end with LF.
 */
final class CsvReviewWriter implements ReviewWriter {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    @Override
    public void write(WeeklyReview review, PolicyRef policy, ZoneId zone, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        ReviewFields.ALL.forEach(schema::addColumn);
        try (SequenceWriter rows = MAPPER.writer(schema.build()).writeValues(new NonClosingWriter(out))) {
            for (Map<String, @Nullable Object> row : ReviewFields.rows(review, policy, zone)) {
                List<String> cells = new ArrayList<>(ReviewFields.ALL.size());
                ReviewFields.ALL.forEach(column -> cells.add(CsvSlaWriter.cell(row.get(column))));
                rows.write(cells);
            }
        }
    }
}
