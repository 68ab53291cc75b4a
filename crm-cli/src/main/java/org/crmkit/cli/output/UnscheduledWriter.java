package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.rules.cadence.UnscheduledContact;

/** Writes the contacts that could not be planned ({@code crm agenda unscheduled}), in the order given. */
@FunctionalInterface
public interface UnscheduledWriter {
    /**
     * Writes the contacts.
     *
     * @param contacts the unscheduled contacts, in output order; not null
     * @param from the plan's first day, against which contacts count as overdue; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(List<UnscheduledContact> contacts, LocalDate from, Writer out) throws IOException;
}
