package org.crmkit.cli.output;

import java.util.Objects;
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
     * A writer of planned contacts in this format, one at a time as they come: JSON Lines or CSV
     * lines, or the events of one iCalendar.
     *
     * @param context the plan's days, the customers' time zones and the calendar's name and stamp; not null
     * @return the writer
     */
    public RowWriter<PlannedContact> writer(AgendaContext context) {
        Objects.requireNonNull(context, "context");
        return switch (this) {
            case JSONL -> OutputFormat.JSONL.writer(Reports.planned(context));
            case CSV -> OutputFormat.CSV.writer(Reports.planned(context));
            case ICS -> new ICalendarAgendaWriter(context);
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
