package org.crmkit.rules.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;

/**
 * The CDNOW files, test resources of this module ({@code src/test/resources/cdnow}, with their source and
 * licence in its README), for the tests that validate against them.
 */
public final class CdnowData {
    /** The end of the 39-week calibration period of the published studies. */
    public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private CdnowData() {
    }

    /**
     * The data folder on the test class path.
     *
     * @return the folder holding the CDNOW files
     */
    public static Path folder() {
        try {
            return Path.of(CdnowData.class.getResource("/cdnow").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The 6,919 purchases of the 1-in-10 sample, customers named by their sample id (1 to 2357).
     *
     * @param folder the data folder
     * @return the purchases, in dollars
     */
    public static List<Purchase> samplePurchases(Path folder) {
        List<Purchase> purchases = new ArrayList<>();
        DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
        try {
            // Columns: master id, sample id (1..2357), date YYYYMMDD, CDs, dollars; spaces, no header.
            for (String text : Files.readAllLines(folder.resolve("CDNOW_sample.txt"))) {
                String[] fields = text.trim().split("\\s+");
                if (fields.length < 5) {
                    continue;
                }
                purchases.add(Purchase.of(PurchaseId.of("p" + (purchases.size() + 1)),
                        CustomerId.of(String.valueOf(Integer.parseInt(fields[1]))), LocalDate.parse(fields[2], basic),
                        Money.of("USD", fields[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return purchases;
    }
}
