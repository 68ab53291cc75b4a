package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.Currency;
import java.util.Optional;

/**
 * Writes customers' lifetime values ({@code crm clv}) in one output format, one record per customer,
 * each as it is computed: a million estimates are never held.
 */
@FunctionalInterface
public interface ClvWriter {
    /**
     * Starts the output: the CSV header, if any.
     *
     * @param model the purchase model's key, e.g. {@code bgnbd}; not null
     * @param currency the currency of the amounts, when known; not null
     * @param out where to write; not closed; not null
     * @return where each customer's record goes; closing it ends the output
     * @throws IOException if writing fails
     */
    Records open(String model, Optional<Currency> currency, Writer out) throws IOException;

    /**
     * Writes every customer of the report, in the report's order.
     *
     * @param report the estimates; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    default void write(ClvReport report, Writer out) throws IOException {
        try (Records records = open(report.model(), report.currency(), out)) {
            for (ClvReport.Estimate customer : report.customers()) {
                records.write(customer);
            }
        }
    }

    /** Where the customers' records go, in output order. */
    interface Records extends AutoCloseable {
        /**
         * Writes a customer's record.
         *
         * @param customer the customer's estimates; not null
         * @throws IOException if writing fails
         */
        void write(ClvReport.Estimate customer) throws IOException;

        @Override
        void close() throws IOException;
    }
}
