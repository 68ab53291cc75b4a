package org.crmkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks that {@code crm tier} and {@link DuckDbTiers} gave every customer the same tier: reads
 * the JSON Lines of {@code crm tier} and DuckDB's {@code customer_id,tier} rows side by side (both
 * are in customer id order) and reports the first differences. Exit status 0 when they agree on
 * every customer, 1 otherwise.
 *
 * <pre>{@code
 * java -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.TierComparison crm.jsonl duckdb.csv
 * }</pre>
 */
public final class TierComparison {
    private static final int SHOWN = 10;

    private TierComparison() {
    }

    /**
     * Compares the two files.
     *
     * @param args the JSON Lines of {@code crm tier}, then DuckDB's CSV
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TierComparison CRM.jsonl DUCKDB.csv");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        long customers = 0;
        long differences = 0;
        try (BufferedReader crm = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                BufferedReader duck = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            while (true) {
                String crmLine = crm.readLine();
                String duckLine = duck.readLine();
                if (crmLine == null || duckLine == null) {
                    if (crmLine != null || duckLine != null) {
                        System.err.println("TierComparison: " + (crmLine == null ? args[0] : args[1])
                                + " ends first, after " + customers + " customers");
                        differences++;
                    }
                    break;
                }
                customers++;
                JsonNode line = json.readTree(crmLine);
                String crmId = line.get("customer_id").asText();
                String crmTier = line.get("tier").isNull() ? "" : line.get("tier").asText();
                int comma = duckLine.lastIndexOf(',');
                String duckId = duckLine.substring(0, comma);
                String duckTier = duckLine.substring(comma + 1);
                if (!crmId.equals(duckId) || !crmTier.equals(duckTier)) {
                    if (differences++ < SHOWN) {
                        System.err.println("TierComparison: line " + customers + ": crm " + crmId + " " + crmTier
                                + ", DuckDB " + duckId + " " + duckTier);
                    }
                }
            }
        }
        System.err.printf(Locale.ROOT, "TierComparison: %,d customers, %,d differences%n", customers, differences);
        System.exit(differences == 0 ? 0 : 1);
    }
}
