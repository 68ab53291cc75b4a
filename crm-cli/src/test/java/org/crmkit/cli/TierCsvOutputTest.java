package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierCsvOutputTest {
    private static CrmRun tierCsv(String format) {
        return CrmRun.of("tier", "--customers", CrmRun.fixture("customers.csv"), "--orders",
                CrmRun.fixture("orders.csv"), "--interactions", CrmRun.fixture("interactions.csv"),
                "--as-of", "2026-03-31", "--format", format);
    }

    @Test
    void printsAHeaderRowAndOneRowPerCustomer() {
        CrmRun run = tierCsv("csv");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(6);
        assertThat(run.outLines().get(0)).isEqualTo("customer_id,tier,reasons,as_of,policy,spend,currency,orders,"
                + "active_quarters,inquiries,tenure_months,strategic_agreement,last_purchase");
        assertThat(run.outLines().get(1)).isEqualTo("c-001,core,rule core matched: spend 110000.00 >= 100000 met;"
                + " active_quarters 3 >= 3 met,2026-03-31,standard@2026.1,110000.00,CNY,3,3,0,26,true,2026-02-01");
        assertThat(run.outLines().get(2)).isEqualTo("c-002,important,rule core not matched: spend 150000.00 >= 100000"
                + " met; active_quarters 2 >= 3 not met | rule important matched: spend 150000.00 >= 30000 met,"
                + "2026-03-31,standard@2026.1,150000.00,CNY,2,2,0,9,false,2026-01-20");
    }

    @Test
    void noTierAndNoLastPurchaseAreEmptyCells() throws IOException {
        List<Map<String, String>> rows = parse(tierCsv("csv").out());

        assertThat(rows).extracting(row -> row.get("tier")).containsExactly("core", "important", "basic", "potential", "");
        assertThat(rows.get(3).get("last_purchase")).isEmpty();
        assertThat(rows.get(4).get("reasons")).endsWith(" | no rule matched: no tier");
    }

    @Test
    void withoutInteractionsTheInquiriesAreEmptyCellsAndTheProspectIsToldWhy() throws IOException {
        CrmRun run = CrmRun.of("tier", "--customers", CrmRun.fixture("customers.csv"), "--orders",
                CrmRun.fixture("orders.csv"), "--as-of", "2026-03-31", "--format", "csv");

        List<Map<String, String>> rows = parse(run.out());

        assertThat(run.outLines().get(1)).isEqualTo("c-001,core,rule core matched: spend 110000.00 >= 100000 met;"
                + " active_quarters 3 >= 3 met,2026-03-31,standard@2026.1,110000.00,CNY,3,3,,26,true,2026-02-01");
        assertThat(rows).extracting(row -> row.get("inquiries")).containsOnly("");
        assertThat(rows).extracting(row -> row.get("tier")).containsExactly("core", "important", "basic", "", "");
        assertThat(rows.get(3).get("reasons")).endsWith(" | rule potential not matched: spend 0.00 = 0 met;"
                + " inquiries unknown >= 1 not met | no rule matched: no tier"
                + " | inquiries unknown: the source has no interactions data");
    }

    @Test
    void formatNameIgnoresCase() {
        assertThat(tierCsv("CSV").out()).isEqualTo(tierCsv("csv").out());
    }

    @Test
    void csvSaysTheSameAsJsonLines() throws IOException {
        List<Map<String, String>> rows = parse(tierCsv("csv").out());
        var json = tierCsv("jsonl").json();

        assertThat(rows).hasSameSizeAs(json);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("customer_id")).isEqualTo(json.get(i).get("customer_id").asText());
            assertThat(rows.get(i).get("spend")).isEqualTo(json.get(i).get("metrics").get("spend").asText());
            assertThat(rows.get(i).get("tenure_months"))
                    .isEqualTo(json.get(i).get("metrics").get("tenure_months").asText());
        }
    }

    @Test
    void summaryStaysOnStandardError() {
        CrmRun run = tierCsv("csv");

        assertThat(run.out()).doesNotContain("expected");
        assertThat(run.err()).contains("crm tier: 5 customers as of 2026-03-31");
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
