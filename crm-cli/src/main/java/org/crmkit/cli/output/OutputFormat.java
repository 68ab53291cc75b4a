package org.crmkit.cli.output;

import org.crmkit.core.InvalidValueException;

/** How a command prints its results on standard output. */
public enum OutputFormat {
    /** JSON Lines: one JSON object per line, the default. */
    JSONL,
    /** CSV with a header row, for spreadsheets. */
    CSV;

    /**
     * Parses the command-line spelling, ignoring case.
     *
     * @param text {@code jsonl} or {@code csv}; not null
     * @return the format
     * @throws InvalidValueException naming the formats if unknown
     */
    public static OutputFormat parse(String text) {
        return FormatKeys.parse(values(), text);
    }

    /** @return the command-line spelling, e.g. {@code "jsonl"} */
    public String key() {
        return FormatKeys.key(this);
    }

    /** @return the writer of tier decisions in this format */
    public TierWriter tierWriter() {
        return this == JSONL ? new JsonLinesTierWriter() : new CsvTierWriter();
    }

    /** @return the writer of case SLAs ({@code crm sla}) in this format */
    public SlaWriter slaWriter() {
        return this == JSONL ? new JsonLinesSlaWriter() : new CsvSlaWriter();
    }

    /**
     * @return the writer of weekly reviews ({@code crm sla review}) in this format: a row holds only
     *     its section's fields, so the CSV header names every field of every section
     */
    public ReviewWriter reviewWriter() {
        return this == JSONL
                ? (review, policy, zone, out) -> FlatRows.jsonLines(ReviewFields.rows(review, policy, zone), out)
                : (review, policy, zone, out) -> FlatRows.csv(ReviewFields.ALL, ReviewFields.rows(review, policy, zone),
                        out);
    }

    /** @return the writer of the overdue report ({@code crm agenda overdue}) in this format */
    public OverdueWriter overdueWriter() {
        return this == JSONL
                ? (overdue, agenda, out) -> FlatRows.jsonLines(AgendaFields.overdue(overdue, agenda), out)
                : (overdue, agenda, out) -> FlatRows.csv(AgendaFields.OVERDUE_FIELDS,
                        AgendaFields.overdue(overdue, agenda), out);
    }

    /** @return the writer of unscheduled contacts ({@code crm agenda unscheduled}) in this format */
    public UnscheduledWriter unscheduledWriter() {
        return this == JSONL
                ? (contacts, from, out) -> FlatRows.jsonLines(AgendaFields.unscheduled(contacts, from), out)
                : (contacts, from, out) -> FlatRows.csv(AgendaFields.UNSCHEDULED_FIELDS,
                        AgendaFields.unscheduled(contacts, from), out);
    }

    /** @return the writer of customer-base analyses ({@code crm lifecycle}) in this format */
    public LifecycleWriter lifecycleWriter() {
        return this == JSONL
                ? (asOf, policy, out) -> LifecycleFields.records(FlatRows.jsonLines(out), asOf, policy)
                : (asOf, policy, out) -> LifecycleFields.records(FlatRows.csv(LifecycleFields.FIELDS, out), asOf,
                        policy);
    }

    /** @return the writer of customers' lifetime values ({@code crm clv}) in this format */
    public ClvWriter clvWriter() {
        return this == JSONL
                ? (model, currency, out) -> ClvFields.records(FlatRows.jsonLines(out), model, currency)
                : (model, currency, out) -> ClvFields.records(FlatRows.csv(ClvFields.FIELDS, out), model, currency);
    }

    /** @return the writer of fitted customer-base models ({@code crm clv fit}) in this format */
    public ClvFitWriter clvFitWriter() {
        return this == JSONL
                ? (report, out) -> FlatRows.jsonLines(ClvFields.rows(report), out)
                : (report, out) -> FlatRows.csv(ClvFields.FIT_FIELDS, ClvFields.rows(report), out);
    }

    @Override
    public String toString() {
        return key();
    }
}
