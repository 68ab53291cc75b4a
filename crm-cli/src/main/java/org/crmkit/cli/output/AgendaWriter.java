package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.rules.cadence.PlannedContact;

/** Writes planned contacts ({@code crm agenda}) in one output format, in the order given. */
@FunctionalInterface
public interface AgendaWriter {
    /**
     * Writes the contacts.
     *
     * @param contacts the contacts, in output order; not null
     * @param context the plan's days, the customers' time zones and the calendar's name and stamp; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(List<PlannedContact> contacts, AgendaContext context, Writer out) throws IOException;
}
