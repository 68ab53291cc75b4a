package org.crmkit.cli.output;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;
import org.jspecify.annotations.Nullable;

/**
 * The fields and values of the {@code crm agenda} outputs, shared by JSON Lines and CSV so that
 * both always say the same thing. Absent values are null (JSON null, an empty CSV cell); days
 * are ISO dates.
 */
final class AgendaFields {
    static final String CUSTOMER_ID = "customer_id";
    static final String DATE = "date";
    static final String CHANNEL = "channel";
    static final String OWNER = "owner";
    static final String REASON = "reason";
    static final String REASON_KIND = "reason_kind";
    static final String TIER = "tier";
    static final String RULE = "rule";
    static final String PURPOSE = "purpose";
    static final String OWNER_KIND = "owner_kind";
    static final String DUE = "due";
    static final String DAYS_OVERDUE = "days_overdue";
    static final String PREFERRED_HOURS = "preferred_hours";
    static final String TIME_ZONE = "time_zone";
    static final String SLOT_START = "slot_start";
    static final String SLOT_END = "slot_end";
    static final String PLANNED = "planned";
    static final String PLANNED_ON = "planned_on";
    static final String UNSCHEDULED_REASON = "unscheduled_reason";

    /** A planned contact's fields: those FORMATS.md requires first, then the extras. */
    static final List<String> PLANNED_FIELDS = List.of(CUSTOMER_ID, DATE, CHANNEL, OWNER, REASON, TIER, RULE, PURPOSE,
            OWNER_KIND, DUE, DAYS_OVERDUE, PREFERRED_HOURS, TIME_ZONE, SLOT_START, SLOT_END);
    /** An overdue contact's fields. */
    static final List<String> OVERDUE_FIELDS = List.of(CUSTOMER_ID, TIER, RULE, OWNER, DUE, DAYS_OVERDUE, PLANNED,
            PLANNED_ON, UNSCHEDULED_REASON);
    /** An unscheduled contact's fields. */
    static final List<String> UNSCHEDULED_FIELDS = List.of(CUSTOMER_ID, RULE, DUE, OWNER, REASON, TIER, PURPOSE,
            OWNER_KIND, DAYS_OVERDUE, REASON_KIND);

    private AgendaFields() {
    }

    static List<Map<String, @Nullable Object>> planned(List<PlannedContact> contacts, AgendaContext context) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(contacts.size());
        for (PlannedContact contact : contacts) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put(CUSTOMER_ID, contact.customerId().value());
            row.put(DATE, contact.date().toString());
            row.put(CHANNEL, contact.channel().key());
            row.put(OWNER, contact.owner());
            row.put(REASON, contact.reason());
            row.put(TIER, tier(contact.tier()));
            row.put(RULE, contact.rule().name());
            row.put(PURPOSE, contact.rule().purpose().key());
            row.put(OWNER_KIND, contact.rule().owner().key());
            row.put(DUE, contact.due().toString());
            row.put(DAYS_OVERDUE, daysOverdue(contact.due(), context.from()));
            row.put(PREFERRED_HOURS, contact.hours().map(LocalTimeRange::toString).orElse(null));
            ZoneId zone = context.zones().get(contact.customerId());
            row.put(TIME_ZONE, zone == null ? null : zone.getId());
            row.put(SLOT_START, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(contact.slot().localStart()));
            row.put(SLOT_END, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(contact.slot().localEnd()));
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, @Nullable Object>> overdue(List<Agenda.Overdue> overdue, Agenda agenda) {
        Map<String, PlannedContact> planned = new HashMap<>();
        agenda.planned().forEach(contact -> planned.putIfAbsent(key(contact.customerId(), contact.rule().name(),
                contact.due()), contact));
        Map<String, UnscheduledContact> unscheduled = new HashMap<>();
        agenda.unscheduled().forEach(contact -> unscheduled.putIfAbsent(key(contact.customerId(),
                contact.rule().name(), contact.due()), contact));
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(overdue.size());
        for (Agenda.Overdue item : overdue) {
            String key = key(item.customerId(), item.rule(), item.due());
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put(CUSTOMER_ID, item.customerId().value());
            row.put(TIER, tier(item.tier()));
            row.put(RULE, item.rule());
            row.put(OWNER, item.owner());
            row.put(DUE, item.due().toString());
            row.put(DAYS_OVERDUE, item.daysOverdue());
            row.put(PLANNED, item.planned());
            PlannedContact contact = item.planned() ? planned.get(key) : null;
            row.put(PLANNED_ON, contact == null ? null : contact.date().toString());
            UnscheduledContact missed = item.planned() ? null : unscheduled.get(key);
            row.put(UNSCHEDULED_REASON, missed == null ? null : missed.reason());
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, @Nullable Object>> unscheduled(List<UnscheduledContact> contacts, LocalDate from) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(contacts.size());
        for (UnscheduledContact contact : contacts) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put(CUSTOMER_ID, contact.customerId().value());
            row.put(RULE, contact.rule().name());
            row.put(DUE, contact.due().toString());
            row.put(OWNER, contact.owner());
            row.put(REASON, contact.reason());
            row.put(TIER, tier(contact.tier()));
            row.put(PURPOSE, contact.rule().purpose().key());
            row.put(OWNER_KIND, contact.rule().owner().key());
            row.put(DAYS_OVERDUE, daysOverdue(contact.due(), from));
            row.put(REASON_KIND, contact.kind().key());
            rows.add(row);
        }
        return rows;
    }

    /** Days from the due day to a later day, 0 when not later. */
    static long daysOverdue(LocalDate due, LocalDate day) {
        return due.isBefore(day) ? ChronoUnit.DAYS.between(due, day) : 0;
    }

    private static @Nullable String tier(Optional<Tier> tier) {
        return tier.map(Tier::name).orElse(null);
    }

    private static String key(CustomerId customer, String rule, LocalDate due) {
        return customer.value() + '\u0000' + rule + '\u0000' + due;
    }
}
