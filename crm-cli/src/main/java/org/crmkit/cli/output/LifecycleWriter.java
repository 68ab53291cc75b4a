package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.lifecycle.CustomerAssessment;

/**
 * Writes the analysis of a customer base ({@code crm lifecycle}) in one output format, one record
 * per customer, each as the analysis hands it over.
 */
@FunctionalInterface
public interface LifecycleWriter {
    /**
     * Starts the output: the CSV header, if any.
     *
     * @param asOf the day analysed; not null
     * @param policy the policy that decided; not null
     * @param out where to write; not closed; not null
     * @return where each customer's record goes; closing it ends the output
     * @throws IOException if writing fails
     */
    Records open(LocalDate asOf, PolicyRef policy, Writer out) throws IOException;

    /** Where the customers' records go, in ascending customer id order. */
    interface Records extends AutoCloseable {
        /**
         * Writes a customer's record.
         *
         * @param customer the customer's assessment; not null
         * @throws IOException if writing fails
         */
        void write(CustomerAssessment customer) throws IOException;

        @Override
        void close() throws IOException;
    }
}
