package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.rules.cadence.Agenda;

/** Writes the overdue report ({@code crm agenda overdue}) in one output format, in the order given. */
@FunctionalInterface
public interface OverdueWriter {
    /**
     * Writes the overdue contacts.
     *
     * @param overdue the overdue contacts, in output order; not null
     * @param agenda the agenda they come from, for the day each planned one is planned on and the
     *     reason each other one is not; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(List<Agenda.Overdue> overdue, Agenda agenda, Writer out) throws IOException;
}
