package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.jspecify.annotations.Nullable;

/**
 * CSV with a header row, one row per milestone of each case: {@code complaint_id}, the milestone's
 * fields ({@code milestone} for its name), then the case's other fields. A case without target
 * has one row with empty milestone cells, so that every case appears. {@code escalate_to} joins
 * its names with {@value #LIST_SEPARATOR}; absent values are empty cells. Values are quoted only
 * where RFC 4180 requires it; lines end with LF. Text cells are neutralised as {@link CsvText} says.
 */
final class CsvSlaWriter implements SlaWriter {
    /** Separates the names inside the one {@code escalate_to} cell, as lists in the input formats are. */
    static final String LIST_SEPARATOR = ";";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(SlaFields.COMPLAINT_ID, SlaFields.MILESTONE));
        columns.addAll(SlaFields.MILESTONE_FIELDS);
        SlaFields.CASE_FIELDS.stream().filter(field -> !field.equals(SlaFields.COMPLAINT_ID)).forEach(columns::add);
        return List.copyOf(columns);
    }

    @Override
    public void write(List<CaseSla> cases, ZoneId zone, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        COLUMNS.forEach(schema::addColumn);
        try (SequenceWriter rows = MAPPER.writer(schema.build()).writeValues(new NonClosingWriter(out))) {
            for (CaseSla sla : cases) {
                Map<String, @Nullable Object> caseFields = SlaFields.caseFields(sla, zone);
                if (sla.milestones().isEmpty()) {
                    rows.write(row(caseFields, Map.of()));
                }
                for (MilestoneStatus status : sla.milestones()) {
                    Map<String, @Nullable Object> milestone = new HashMap<>(SlaFields.milestoneFields(status, zone));
                    milestone.put(SlaFields.MILESTONE, status.name());
                    rows.write(row(caseFields, milestone));
                }
            }
        }
    }

    private static List<String> row(Map<String, @Nullable Object> caseFields,
            Map<String, @Nullable Object> milestone) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        for (String column : COLUMNS) {
            row.add(cell(caseFields.containsKey(column) ? caseFields.get(column) : milestone.get(column)));
        }
        return row;
    }

    /** @return the value as a CSV cell: empty for null, lists joined */
    private static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return CsvText.neutralise(String.join(LIST_SEPARATOR, list.stream().map(String::valueOf).toList()));
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        // Numbers and booleans are the command's own; text may come from the input.
        return value instanceof String text ? CsvText.neutralise(text) : value.toString();
    }
}
