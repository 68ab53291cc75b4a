package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV output is opened in spreadsheets, which run a cell that begins with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula: text cells that begin so get a {@code '} in front, numbers
 * the command computes do not.
 */
class CsvInjectionTest {
    @TempDir
    Path dir;

    /** Customer ids as an ERP export may hold them, each beginning with a formula character. */
    private CrmRun tier(String format) throws IOException {
        Path customers = Files.writeString(dir.resolve("customers.csv"), """
                customer_id,name,created_on
                "=HYPERLINK(""http://evil.example"",""click"")",Mallory,2025-01-10
                +1,Plus,2025-01-10
                -2,Minus,2025-01-10
                @cmd,At,2025-01-10
                c-1,Plain,2025-01-10
                """);
        Path orders = Files.writeString(dir.resolve("orders.csv"), """
                order_id,customer_id,order_date,amount,currency
                o-1,"=HYPERLINK(""http://evil.example"",""click"")",2026-02-01,12.50,CNY
                o-2,+1,2026-02-01,12.50,CNY
                o-3,-2,2026-02-01,12.50,CNY
                o-4,@cmd,2026-02-01,12.50,CNY
                o-5,c-1,2026-02-01,12.50,CNY
                """);
        return CrmRun.of("tier", "--customers", customers.toString(), "--orders", orders.toString(), "--as-of",
                "2026-03-31", "--format", format);
    }

    @Test
    void textCellsThatBeginWithAFormulaCharacterGetAQuoteInFront() throws IOException {
        CrmRun run = tier("csv");

        assertThat(run.status()).isZero();
        assertThat(parse(run.out())).extracting(row -> row.get("customer_id"))
                .containsExactly("'+1", "'-2", "'=HYPERLINK(\"http://evil.example\",\"click\")", "'@cmd", "c-1");
    }

    @Test
    void theQuotedCellIsStillQuotedAsRfc4180Requires() throws IOException {
        assertThat(tier("csv").outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",basic,"));
    }

    @Test
    void amountsStayNumbers() throws IOException {
        assertThat(parse(tier("csv").out())).extracting(row -> row.get("spend")).containsOnly("12.50");
    }

    @Test
    void jsonLinesKeepTheTextAsItIs() throws IOException {
        assertThat(tier("jsonl").json()).extracting(line -> line.get("customer_id").asText())
                .containsExactly("+1", "-2", "=HYPERLINK(\"http://evil.example\",\"click\")", "@cmd", "c-1");
    }

    @Test
    void negativeNumbersTheCommandComputesStayNumbers() throws IOException {
        CrmRun run = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithSpend(), "--format", "csv");
        List<Map<String, String>> rows = parse(run.out());
        JsonNode json = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithSpend()).json().get(0);

        assertThat(run.status()).isZero();
        // A log-likelihood is negative: a spreadsheet must still read it as a number.
        assertThat(rows.get(0).get("log_likelihood")).matches("-\\d+\\.\\d+")
                .isEqualTo(json.get("log_likelihood").asText());
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
