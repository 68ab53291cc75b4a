package org.crmkit.cli.output;

import org.crmkit.core.InvalidValueException;

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

    /** @return the writer of planned contacts in this format */
    public AgendaWriter writer() {
        return switch (this) {
            case JSONL -> (contacts, context, out) -> FlatRows.jsonLines(AgendaFields.planned(contacts, context),
                    out);
            case CSV -> (contacts, context, out) -> FlatRows.csv(AgendaFields.PLANNED_FIELDS,
                    AgendaFields.planned(contacts, context), out);
            case ICS -> new ICalendarAgendaWriter();
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
