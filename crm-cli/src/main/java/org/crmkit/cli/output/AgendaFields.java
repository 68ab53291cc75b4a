package org.crmkit.cli.output;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;

/**
 * The reports of {@code crm agenda} and its subcommands: one line per planned, overdue or
 * unscheduled contact, the fields FORMATS.md requires first, then the extras. Absent values are
 * null (JSON null, an empty CSV cell); days are ISO dates.
 */
final class AgendaFields {
    private AgendaFields() {
    }

    /**
     * @param context the plan's days and the customers' time zones
     * @return the report of planned contacts ({@code crm agenda})
     */
    static Report<PlannedContact> planned(AgendaContext context) {
        return Report.of(Columns.<PlannedContact>builder()
                .text("customer_id", contact -> contact.customerId().value())
                .text("date", contact -> contact.date().toString())
                .text("channel", contact -> contact.channel().key())
                .text("owner", PlannedContact::owner)
                .text("reason", PlannedContact::reason)
                .text("tier", contact -> TierFields.name(contact.tier()))
                .text("rule", contact -> contact.rule().name())
                .text("purpose", contact -> contact.rule().purpose().key())
                .text("owner_kind", contact -> contact.rule().owner().key())
                .text("due", contact -> contact.due().toString())
                .number("days_overdue", contact -> daysOverdue(contact.due(), context.from()))
                .text("preferred_hours", contact -> contact.hours().map(LocalTimeRange::toString).orElse(null))
                .text("time_zone", contact -> contact.timeZone().map(ZoneId::getId).orElse(null))
                .text("slot_start", contact -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(contact.slot().localStart()))
                .text("slot_end", contact -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(contact.slot().localEnd()))
                .build());
    }

    /** The report of overdue contacts ({@code crm agenda overdue}). */
    static final Report<OverdueContact> OVERDUE = Report.of(Columns.<OverdueContact>builder()
            .text("customer_id", item -> item.contact().customerId().value())
            .text("tier", item -> TierFields.name(item.contact().tier()))
            .text("rule", item -> item.contact().rule())
            .text("owner", item -> item.contact().owner())
            .text("due", item -> item.contact().due().toString())
            .number("days_overdue", item -> item.contact().daysOverdue())
            .flag("planned", item -> item.contact().planned())
            .text("planned_on", item -> item.plannedOn().map(LocalDate::toString).orElse(null))
            .text("unscheduled_reason", item -> item.unscheduledReason().orElse(null))
            .build());

    /**
     * @param from the plan's first day, against which contacts count as overdue
     * @return the report of contacts that could not be planned ({@code crm agenda unscheduled})
     */
    static Report<UnscheduledContact> unscheduled(LocalDate from) {
        return Report.of(Columns.<UnscheduledContact>builder()
                .text("customer_id", contact -> contact.customerId().value())
                .text("rule", contact -> contact.rule().name())
                .text("due", contact -> contact.due().toString())
                .text("owner", UnscheduledContact::owner)
                .text("reason", UnscheduledContact::reason)
                .text("tier", contact -> TierFields.name(contact.tier()))
                .text("purpose", contact -> contact.rule().purpose().key())
                .text("owner_kind", contact -> contact.rule().owner().key())
                .number("days_overdue", contact -> daysOverdue(contact.due(), from))
                .text("reason_kind", contact -> contact.kind().key())
                .build());
    }

    /** Days from the due day to a later day, 0 when not later. */
    static long daysOverdue(LocalDate due, LocalDate day) {
        return due.isBefore(day) ? ChronoUnit.DAYS.between(due, day) : 0;
    }
}
