package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.cadence.PlannedContact;

/** How {@code crm agenda} prints its planned contacts on standard output. */
public enum AgendaFormat {
    /** JSON Lines: one object per planned contact, the default. */
    JSONL,
    /** CSV with a header row, for spreadsheets. */
    CSV,
    /** An iCalendar (RFC 5545) document of all-day events, to import into a calendar. */
    ICS;

    /**
     * Parses the command-line spelling, ignoring case.
     *
     * @param text {@code jsonl}, {@code csv} or {@code ics}; not null
     * @return the format
     * @throws InvalidValueException naming the formats if unknown
     */
    public static AgendaFormat parse(String text) {
        return FormatKeys.parse(values(), text);
    }

    /** @return the command-line spelling, e.g. {@code "ics"} */
    public String key() {
        return FormatKeys.key(this);
    }

    /**
     * Writes planned contacts in this format, in the order given.
     *
     * @param contacts the contacts, in output order; not null
     * @param context the plan's days, the customers' time zones and the calendar's name and stamp; not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    public void write(List<PlannedContact> contacts, AgendaContext context, Writer out) throws IOException {
        switch (this) {
            case JSONL -> OutputFormat.JSONL.writer(Reports.planned(context)).write(contacts, out);
            case CSV -> OutputFormat.CSV.writer(Reports.planned(context)).write(contacts, out);
            case ICS -> ICalendarAgendaWriter.write(contacts, context, out);
        }
    }

    @Override
    public String toString() {
        return key();
    }
}
