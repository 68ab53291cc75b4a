package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.UUID;
import org.crmkit.rules.cadence.PlannedContact;

/**
 * An iCalendar document (RFC 5545) with one all-day event per planned contact, for account
 * managers to import their plan into any calendar:
 * <pre>
 * BEGIN:VEVENT
 * UID:e7c93cd0-79d8-392a-918b-0aed3f7d7378@crmkit
 * DTSTAMP:20260331T040000Z
 * DTSTART;VALUE=DATE:20260401
 * DTEND;VALUE=DATE:20260402
 * SUMMARY:monthly_visit c-003 via visit
 * DESCRIPTION:monthly_visit: visit every 1 month\, due 2026-03-25\, 7 days ov
 *  erdue\nowner: m-1\ntier: core\ntime: 09:00-12:00 Asia/Shanghai\npreferred
 *   hours: 09:00-12:00
 * CATEGORIES:visit
 * TRANSP:TRANSPARENT
 * END:VEVENT
 * </pre>
 * {@code UID} is a name-based UUID of customer, rule and day, so that importing a later run of
 * the same plan updates the events instead of doubling them. Events are transparent: a planned
 * contact does not block the owner's time. Lines end with CRLF and are folded at 75 octets.
 */
final class ICalendarAgendaWriter implements RowWriter<PlannedContact> {
    /** The product that made the document; RFC 5545 requires one. */
    static final String PRODUCT = "-//crmkit//crm agenda//EN";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    /** RFC 5545's UTC-OFFSET: +0800, -0330, or with seconds when the offset has them. */
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxxx", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final AgendaContext context;
    private final String stamp;

    ICalendarAgendaWriter(AgendaContext context) {
        this.context = context;
        this.stamp = STAMP.format(context.stamp().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Starts the calendar; each contact is an event written as it comes, and closing ends the calendar. */
    @Override
    public Rows<PlannedContact> open(Writer out) throws IOException {
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODUCT);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + ICalendarText.escape(context.calendarName()));
        return new Rows<>() {
            /** Whether an event was written: RFC 5545 wants a component, so an empty plan gets its zone's. */
            private boolean any;

            @Override
            public void write(PlannedContact contact) throws IOException {
                event(out, contact);
                any = true;
            }

            @Override
            public void close() throws IOException {
                if (!any) {
                    timeZone(context, out);
                }
                line(out, "END:VCALENDAR");
                out.flush();
            }
        };
    }

    private void event(Writer out, PlannedContact contact) throws IOException {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(contact));
        line(out, "DTSTAMP:" + stamp);
        line(out, "DTSTART;VALUE=DATE:" + DAY.format(contact.date()));
        line(out, "DTEND;VALUE=DATE:" + DAY.format(contact.date().plusDays(1)));
        line(out, "SUMMARY:" + ICalendarText.escape(contact.rule().name() + " " + contact.customerId().value()
                + " via " + contact.channel().key()));
        line(out, "DESCRIPTION:" + ICalendarText.escape(description(contact, context)));
        line(out, "CATEGORIES:" + ICalendarText.escape(contact.rule().purpose().key()));
        line(out, "TRANSP:TRANSPARENT");
        line(out, "END:VEVENT");
    }

    /**
     * The plan's zone as a VTIMEZONE: the observance in effect on the plan's first day (from the
     * zone's last change before it, or 1970 for a zone that never changes) and each change up to
     * the end of its last day. An observance's DTSTART is the local time before the change.
     */
    private static void timeZone(AgendaContext context, Writer out) throws IOException {
        ZoneRules rules = context.zone().getRules();
        Instant start = context.from().atStartOfDay(context.zone()).toInstant();
        Instant end = context.to().plusDays(1).atStartOfDay(context.zone()).toInstant();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + context.zone().getId());
        ZoneOffsetTransition previous = rules.previousTransition(start.plusNanos(1));
        if (previous == null) {
            ZoneOffset offset = rules.getOffset(start);
            observance(out, rules.isDaylightSavings(start), LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset);
        } else {
            observance(out, rules.isDaylightSavings(previous.getInstant()), previous.getDateTimeBefore(),
                    previous.getOffsetBefore(), previous.getOffsetAfter());
        }
        for (ZoneOffsetTransition next = rules.nextTransition(start); next != null
                && next.getInstant().isBefore(end); next = rules.nextTransition(next.getInstant())) {
            observance(out, rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(), next.getOffsetBefore(),
                    next.getOffsetAfter());
        }
        line(out, "END:VTIMEZONE");
    }

    private static void observance(Writer out, boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to)
            throws IOException {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        line(out, "BEGIN:" + kind);
        line(out, "DTSTART:" + LOCAL.format(onset));
        line(out, "TZOFFSETFROM:" + OFFSET.format(from));
        line(out, "TZOFFSETTO:" + OFFSET.format(to));
        line(out, "END:" + kind);
    }

    /**
     * The reason first, then who, the tier, the time that suits owner and customer (in the
     * customer's time zone) and the customer's preferred hours, one per line.
     */
    private static String description(PlannedContact contact, AgendaContext context) {
        StringBuilder text = new StringBuilder(contact.reason());
        text.append("\nowner: ").append(contact.owner());
        contact.tier().ifPresent(tier -> text.append("\ntier: ").append(tier.name()));
        ZonedDateTime start = contact.slot().localStart();
        ZonedDateTime end = contact.slot().localEnd();
        text.append("\ntime: ").append(TIME.format(start)).append('-').append(end.toLocalDate()
                .equals(start.toLocalDate()) ? TIME.format(end) : DAY_AND_TIME.format(end)).append(' ')
                .append(contact.slot().customerZone().getId());
        contact.hours().ifPresent(hours -> {
            text.append("\npreferred hours: ").append(hours)
                    .append(contact.timeZone().map(zone -> " " + zone.getId()).orElse(""));
        });
        return text.toString();
    }

    /** Stable for the same customer, rule and day, whatever else changes. */
    static String uid(PlannedContact contact) {
        return uid(contact.customerId().value(), contact.rule().name(), contact.date());
    }

    static String uid(String customer, String rule, LocalDate day) {
        String name = customer + '\u0000' + rule + '\u0000' + day;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "@crmkit";
    }

    private static void line(Writer out, String content) throws IOException {
        out.write(ICalendarText.fold(content));
    }
}
