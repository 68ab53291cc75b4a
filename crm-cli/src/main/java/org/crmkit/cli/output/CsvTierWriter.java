package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.rules.tiering.TierDecision;
import org.jspecify.annotations.Nullable;

/**
 * CSV with a header row, one row per customer: the JSON fields with the metrics flattened into
 * their own columns, {@code reasons} joined with {@code " | "}, and an empty cell for no tier or
 * no last purchase. Values are quoted only where RFC 4180 requires it; lines end with LF. Text
 * cells are neutralised as {@link CsvText} says; the amounts and counts are numbers and are not.
 */
final class CsvTierWriter implements TierWriter {
    /** Separates the reasons inside the one {@code reasons} cell. */
    static final String REASON_SEPARATOR = " | ";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(TierFields.CUSTOMER_ID, TierFields.TIER, TierFields.REASONS,
                TierFields.AS_OF, TierFields.POLICY));
        columns.addAll(TierFields.METRIC_FIELDS);
        return List.copyOf(columns);
    }

    @Override
    public Lines open(Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        COLUMNS.forEach(schema::addColumn);
        SequenceWriter rows = MAPPER.writer(schema.build()).writeValues(new NonClosingWriter(out));
        return new Lines() {
            @Override
            public void write(TierDecision decision) throws IOException {
                rows.write(row(decision));
            }

            @Override
            public Rendered render(List<TierDecision> decisions) {
                List<List<String>> cells = new ArrayList<>(decisions.size());
                for (TierDecision decision : decisions) {
                    cells.add(row(decision));
                }
                return new Rows(cells);
            }

            @Override
            public void write(Rendered rendered) throws IOException {
                for (List<String> row : ((Rows) rendered).rows()) {
                    rows.write(row);
                }
            }

            @Override
            public void close() throws IOException {
                rows.close();
            }
        };
    }

    /** Rendered rows, each a list of cells. */
    private record Rows(List<List<String>> rows) implements Rendered {
    }

    private static List<String> row(TierDecision decision) {
        CustomerMetrics metrics = decision.metrics();
        List<String> row = new ArrayList<>();
        // Ids, names and reasons are text that may come from the input; the metrics are numbers.
        row.add(CsvText.neutralise(decision.customerId().value()));
        row.add(CsvText.neutralise(orEmpty(TierFields.tier(decision))));
        row.add(CsvText.neutralise(String.join(REASON_SEPARATOR, decision.reasons())));
        row.add(decision.asOf().toString());
        row.add(CsvText.neutralise(decision.policy().toString()));
        row.add(TierFields.spend(metrics));
        row.add(metrics.spend().currency().getCurrencyCode());
        row.add(Integer.toString(metrics.orders()));
        row.add(Integer.toString(metrics.activeQuarters()));
        row.add(Integer.toString(metrics.inquiries()));
        row.add(Integer.toString(metrics.tenureMonths()));
        row.add(Boolean.toString(metrics.strategicAgreement()));
        row.add(orEmpty(TierFields.lastPurchase(metrics)));
        return row;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
