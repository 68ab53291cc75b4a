package org.crmkit.rules.clv;

import java.util.List;
import java.util.Objects;

/**
 * A customer summary file as {@link org.crmkit.rules.io.clv.PurchaseSummaryCsv#readFile} read it: the summaries, and whether
 * the file gave their average repeat values. A file without a value column still gives summaries
 * (every z&#772; is 0 then), but says nothing about spend, so no spend model can be fitted on it.
 * Immutable and thread-safe.
 *
 * @param customers the summaries, in file order; not null
 * @param repeatValuesGiven whether the file has a value column ({@code zbar} or {@code monetary_value})
 */
public record SummaryFile(List<PurchaseSummary> customers, boolean repeatValuesGiven) {
    /** Copies the list. */
    public SummaryFile {
        customers = List.copyOf(Objects.requireNonNull(customers, "customers"));
    }
}
