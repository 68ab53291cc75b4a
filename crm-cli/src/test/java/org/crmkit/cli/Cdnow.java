package org.crmkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW files (2,357 customers of the 1-in-10 sample, weeks, calibration to 1997-09-30) that
 * crm-rules keeps as test resources ({@code crm-rules/src/test/resources/cdnow}, with their source and
 * licence in its README), and the sample's purchases as an {@code orders.csv}.
 */
final class Cdnow {
    /** The end of the 39-week calibration period of the published studies. */
    static final String CALIBRATION_END = "1997-09-30";

    private Cdnow() {
    }

    /**
     * The data folder in the repository; fails, naming the folder looked for, when it is absent.
     *
     * @return the folder holding the CDNOW files
     */
    static Path folder() {
        Path folder = Path.of(System.getProperty("crmkit.root.dir", ".."), "crm-rules", "src", "test", "resources",
                "cdnow");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("CDNOW data not found in " + folder.toAbsolutePath()
                    + " (the system property crmkit.root.dir, set by the parent POM, names the repository root)");
        }
        return folder;
    }

    /** @return {@code ID,x,t_x,T,zbar}: the summaries with the mean repeat value */
    static String summaryWithSpend() {
        return folder().resolve("cdnow_customers_summary_with_transactions.csv").toString();
    }

    /** @return {@code ID,frequency,recency,T}: the summaries without spend */
    static String summaryWithoutSpend() {
        return folder().resolve("cdnow_customers_summary.csv").toString();
    }

    /**
     * Writes the sample's 6,919 purchases as {@code orders.csv}: order ids {@code o1}.., customers by
     * their sample id (1 to 2357), amounts in USD as written.
     *
     * @param dir where to write
     * @return the file
     */
    static Path orders(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("order_id,customer_id,order_date,amount,currency"));
        // Columns: master id, sample id, date YYYYMMDD, CDs, dollars; spaces, no header.
        for (String text : Files.readAllLines(folder().resolve("CDNOW_sample.txt"))) {
            String[] fields = text.trim().split("\\s+");
            if (fields.length < 5) {
                continue;
            }
            String day = fields[2];
            lines.add("o" + lines.size() + "," + Integer.parseInt(fields[1]) + "," + day.substring(0, 4) + "-"
                    + day.substring(4, 6) + "-" + day.substring(6) + "," + fields[4] + ",USD");
        }
        return Files.write(dir.resolve("orders.csv"), lines);
    }
}
