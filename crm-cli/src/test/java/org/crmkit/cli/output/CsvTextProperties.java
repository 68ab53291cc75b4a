package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

/**
 * Whatever text and numbers a row holds, a CSV reader gets back the text, with a quote in front
 * exactly when it begins with a formula character, and the numbers as written.
 */
class CsvTextProperties {
    record Row(String text, BigDecimal number) {
    }

    private static final Report<Row> REPORT = Report.of(Columns.<Row>builder()
            .text("text", Row::text)
            .number("number", Row::number)
            .build());

    /** Text made of formula characters, quotes, separators, line breaks and plain letters. */
    private static Gen<String> texts() {
        return Gens.of("=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", "'", " ", "a", "1", "HYPERLINK(", ")").list(0, 8)
                .map(parts -> String.join("", parts));
    }

    @Test
    void aReaderGetsTheTextNeutralisedAndTheNumberAsWritten() {
        Gen<BigDecimal> numbers = Gens.bigDecimals(new BigDecimal("-1000000"), new BigDecimal("1000000"), 2);
        Property.forAll(texts(), numbers).cover("formula", 10).check((text, number) -> {
            List<String> read = roundTrip(new Row(text, number));

            boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
            Property.classify("formula", formula);
            assertThat(read).containsExactly(formula ? "'" + text : text, number.toPlainString());
        });
    }

    private static List<String> roundTrip(Row row) throws IOException {
        StringWriter out = new StringWriter();
        OutputFormat.CSV.writer(REPORT).write(List.of(row), out);
        try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(out.toString())) {
            List<List<String>> all = rows.readAll();
            assertThat(all.get(0)).containsExactly("text", "number");
            assertThat(all).hasSize(2);
            return all.get(1);
        }
    }
}
