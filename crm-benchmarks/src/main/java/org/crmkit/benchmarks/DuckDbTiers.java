package org.crmkit.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;

/**
 * The anchor of the {@code crm tier} benchmark: DuckDB, a columnar database, reads the same CSV
 * files, computes the same metrics (spend, active quarters and inquiries in the standard policy's
 * window) and applies the standard policy's tier rules, first match, writing one row per customer
 * ({@code customer_id,tier}, by customer id, the tier empty for none) to a CSV file. The window,
 * the rolling quarters and the window's first and last moments in the policy's time zone come from
 * crm-core's {@link MetricsQuery}, so both sides use the same days.
 *
 * <p>DuckDB runs in memory with {@code memory_limit} (default 1GB, below the 1.5 GB that
 * {@code crm tier} must stay within) and as many threads as the machine has cores.
 *
 * <pre>{@code
 * java -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.DuckDbTiers /tmp/tier-1m 2026-03-31 /tmp/duckdb-tiers.csv
 * }</pre>
 */
public final class DuckDbTiers {
    private DuckDbTiers() {
    }

    /**
     * Runs the query.
     *
     * @param args the directory of the CSV files, the as-of day, the output file, and optionally
     *     DuckDB's memory limit (default {@code 1GB})
     * @throws SQLException if DuckDB fails
     */
    public static void main(String[] args) throws SQLException {
        if (args.length < 3) {
            System.err.println("usage: DuckDbTiers DIRECTORY AS_OF OUTPUT.csv [MEMORY_LIMIT]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        LocalDate asOf = LocalDate.parse(args[1]);
        Path output = Path.of(args[2]);
        String memoryLimit = args.length > 3 ? args[3] : "1GB";
        long started = System.nanoTime();
        run(dir, asOf, output, memoryLimit);
        System.err.printf(Locale.ROOT, "DuckDbTiers: %s in %.1f s%n", output, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Tiers the customers of a directory's CSV files into a CSV file.
     *
     * @param dir the directory of {@code customers.csv}, {@code orders.csv} and {@code interactions.csv}
     * @param asOf the as-of day
     * @param output the CSV file to write, {@code customer_id,tier} without a header
     * @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 1GB}
     * @throws SQLException if DuckDB fails
     */
    public static void run(Path dir, LocalDate asOf, Path output, String memoryLimit) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + memoryLimit + "'");
            statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            statement.execute(sql(dir, asOf, output));
        }
    }

    /**
     * The statement: the metrics per customer and the standard policy's tier rules, first match.
     *
     * @param dir the directory of the CSV files
     * @param asOf the as-of day
     * @param output the CSV file to write
     * @return the SQL
     */
    static String sql(Path dir, LocalDate asOf, Path output) {
        Policy policy = PolicyLoader.standard();
        MetricsQuery query = policy.header().metricsQuery(asOf);
        DateWindow window = query.window();
        DateTimeFormatter moment = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        String windowStart = query.windowStart().atOffset(java.time.ZoneOffset.UTC).format(moment);
        String windowEnd = query.windowEndExclusive().atOffset(java.time.ZoneOffset.UTC).format(moment);
        return """
                COPY (
                  WITH customers AS (
                    SELECT customer_id, created_on
                    FROM read_csv('%1$s', header = true, auto_detect = false,
                      columns = {'customer_id': 'VARCHAR', 'name': 'VARCHAR', 'created_on': 'DATE',
                                 'industry': 'VARCHAR', 'strategic_agreement': 'BOOLEAN'})
                  ),
                  orders AS (
                    SELECT customer_id,
                      sum(amount) FILTER (WHERE order_date >= DATE '%4$s') AS spend,
                      bit_count(bit_or(CASE
                        WHEN order_date >= DATE '%6$s' THEN 1
                        WHEN order_date >= DATE '%7$s' THEN 2
                        WHEN order_date >= DATE '%8$s' THEN 4
                        WHEN order_date >= DATE '%9$s' THEN 8
                        ELSE 0 END)) AS active_quarters
                    FROM read_csv('%2$s', header = true, auto_detect = false,
                      columns = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_date': 'DATE',
                                 'amount': 'DECIMAL(18,2)', 'currency': 'VARCHAR', 'category': 'VARCHAR'})
                    WHERE order_date <= DATE '%5$s'
                    GROUP BY customer_id
                  ),
                  inquiries AS (
                    SELECT customer_id, count(*) AS inquiries
                    FROM read_csv('%3$s', header = true, auto_detect = false,
                      columns = {'interaction_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'occurred_at': 'TIMESTAMPTZ',
                                 'channel': 'VARCHAR', 'kind': 'VARCHAR'})
                    WHERE lower(kind) = 'inquiry'
                      AND occurred_at >= TIMESTAMPTZ '%10$s' AND occurred_at < TIMESTAMPTZ '%11$s'
                    GROUP BY customer_id
                  )
                  SELECT c.customer_id,
                    CASE
                      WHEN coalesce(o.spend, 0) >= 100000 AND coalesce(o.active_quarters, 0) >= 3 THEN 'core'
                      WHEN coalesce(o.spend, 0) >= 30000 THEN 'important'
                      WHEN coalesce(o.spend, 0) > 0 THEN 'basic'
                      WHEN coalesce(o.spend, 0) = 0 AND coalesce(i.inquiries, 0) >= 1 THEN 'potential'
                    END AS tier
                  FROM customers c
                  LEFT JOIN orders o USING (customer_id)
                  LEFT JOIN inquiries i USING (customer_id)
                  WHERE c.created_on <= DATE '%5$s'
                  ORDER BY c.customer_id
                ) TO '%12$s' (HEADER false)
                """.formatted(dir.resolve("customers.csv"), dir.resolve("orders.csv"), dir.resolve("interactions.csv"),
                window.start(), asOf, query.quarter(0).start(), query.quarter(1).start(), query.quarter(2).start(),
                query.quarter(3).start(), windowStart, windowEnd, output);
    }
}
