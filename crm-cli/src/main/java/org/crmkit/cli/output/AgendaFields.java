package org.crmkit.cli.output;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;
import org.jspecify.annotations.Nullable;

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
                .text("time_zone", contact -> zone(context, contact.customerId()))
                .text("slot_start", contact -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(contact.slot().localStart()))
                .text("slot_end", contact -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(contact.slot().localEnd()))
                .build());
    }

    /**
     * @param agenda the agenda the overdue contacts come from: the day each planned one is planned
     *     on and the reason each other one is not
     * @return the report of overdue contacts ({@code crm agenda overdue})
     */
    static Report<Agenda.Overdue> overdue(Agenda agenda) {
        Map<String, PlannedContact> planned = new HashMap<>();
        agenda.planned().forEach(contact -> planned.putIfAbsent(key(contact.customerId(), contact.rule().name(),
                contact.due()), contact));
        Map<String, UnscheduledContact> unscheduled = new HashMap<>();
        agenda.unscheduled().forEach(contact -> unscheduled.putIfAbsent(key(contact.customerId(),
                contact.rule().name(), contact.due()), contact));
        return Report.of(Columns.<Agenda.Overdue>builder()
                .text("customer_id", item -> item.customerId().value())
                .text("tier", item -> TierFields.name(item.tier()))
                .text("rule", Agenda.Overdue::rule)
                .text("owner", Agenda.Overdue::owner)
                .text("due", item -> item.due().toString())
                .number("days_overdue", Agenda.Overdue::daysOverdue)
                .flag("planned", Agenda.Overdue::planned)
                .text("planned_on", item -> {
                    PlannedContact contact = item.planned() ? planned.get(key(item)) : null;
                    return contact == null ? null : contact.date().toString();
                })
                .text("unscheduled_reason", item -> {
                    UnscheduledContact missed = item.planned() ? null : unscheduled.get(key(item));
                    return missed == null ? null : missed.reason();
                })
                .build());
    }

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

    private static @Nullable String zone(AgendaContext context, CustomerId customer) {
        ZoneId zone = context.zones().get(customer);
        return zone == null ? null : zone.getId();
    }

    private static String key(Agenda.Overdue item) {
        return key(item.customerId(), item.rule(), item.due());
    }

    private static String key(CustomerId customer, String rule, LocalDate due) {
        return customer.value() + '\u0000' + rule + '\u0000' + due;
    }
}
