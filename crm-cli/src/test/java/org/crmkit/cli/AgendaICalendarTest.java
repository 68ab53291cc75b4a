package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm agenda --format ics}, read back with ical4j: one VEVENT per planned contact, TEXT
 * values escaped and lines folded so that a calendar reads back what was written.
 */
class AgendaICalendarTest {
    @TempDir
    Path dir;

    /**
     * Checks the physical lines as RFC 5545 writes them (ical4j reads more leniently: bare LF,
     * long lines) and parses the calendar with ical4j. Not ical4j's validate(): 4.1.1 reports a
     * missing ORGANIZER "in VALARM" for events that have no alarm.
     */
    private static Calendar read(String text) {
        assertThat(text).endsWith("\r\n");
        for (String line : text.substring(0, text.length() - 2).split("\r\n", -1)) {
            assertThat(line).as("no bare LF or CR").doesNotContain("\n").doesNotContain("\r");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of '%s'", line).isLessThanOrEqualTo(75);
        }
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j cannot read the calendar: " + e.getMessage(), e);
        }
    }

    /** A property's value as ical4j reads it: unfolded and unescaped. */
    private static String value(PropertyContainer component, String property) {
        return component.<Property>getProperty(property)
                .orElseThrow(() -> new AssertionError("no " + property + " in " + component)).getValue();
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(VEvent.VEVENT);
    }

    private static LocalDate start(VEvent event) {
        return event.<LocalDate>getStartDate().orElseThrow().getDate();
    }

    private static LocalDate end(VEvent event) {
        return event.<LocalDate>getEndDate().orElseThrow().getDate();
    }

    @Test
    void oneAllDayEventPerPlannedContactInOneCalendarOfAllOwners() {
        CrmRun ics = AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics");
        CrmRun jsonl = AgendaCommandTest.agenda("--from", "2026-04-01");

        assertThat(ics.status()).as(ics.err()).isZero();
        Calendar calendar = read(ics.out());
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(value(calendar, "PRODID")).isEqualTo("-//crmkit//crm agenda//EN");
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("crmkit agenda of all owners 2026-04-01..2026-04-30");
        List<VEvent> events = events(calendar);
        assertThat(events).hasSize(jsonl.json().size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode contact = jsonl.json().get(i);
            VEvent event = events.get(i);
            LocalDate day = LocalDate.parse(contact.get("date").asText());
            assertThat(start(event)).isEqualTo(day);
            assertThat(end(event)).isEqualTo(day.plusDays(1));
            assertThat(value(event, "SUMMARY")).isEqualTo(contact.get("rule").asText() + " "
                    + contact.get("customer_id").asText() + " via " + contact.get("channel").asText());
            assertThat(value(event, "DESCRIPTION")).startsWith(contact.get("reason").asText() + "\nowner: "
                    + contact.get("owner").asText() + "\n");
            // The test clock: 2026-03-31T04:00:00Z.
            assertThat(value(event, "DTSTAMP")).isEqualTo("20260331T040000Z");
        }
        assertThat(events).extracting(event -> value(event, "UID")).doesNotHaveDuplicates()
                .allSatisfy(uid -> assertThat(uid).matches("[0-9a-f-]{36}@crmkit"));
    }

    @Test
    void theOverdueVisitIsAnAllDayEventWithItsReasonEscaped() {
        String ics = AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics", "--owner", "m-1").out();
        List<VEvent> events = events(read(ics));

        VEvent visit = events.get(1);
        assertThat(visit.<Property>getProperties()).extracting(Property::getName).containsExactly("UID", "DTSTAMP", "DTSTART",
                "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES", "TRANSP");
        assertThat(visit.<LocalDate>getStartDate().orElseThrow().getParameter("VALUE")).hasValueSatisfying(
                value -> assertThat(value.getValue()).isEqualTo("DATE"));
        assertThat(start(visit)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(end(visit)).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(value(visit, "SUMMARY")).isEqualTo("monthly_visit c-003 via visit");
        assertThat(value(visit, "DESCRIPTION")).isEqualTo("monthly_visit: visit every 1 month, due 2026-03-25, 7"
                + " days overdue\nowner: m-1\ntier: core\ntime: 09:00-12:00 Asia/Shanghai\npreferred hours:"
                + " 09:00-12:00");
        // As written: the commas escaped, the line breaks as \n.
        assertThat(ics.replace("\r\n ", "")).contains("DESCRIPTION:monthly_visit: visit every 1 month\\, due"
                + " 2026-03-25\\, 7 days overdue\\nowner: m-1\\ntier: core\\n");
        assertThat(value(visit, "TRANSP")).isEqualTo("TRANSPARENT");
    }

    @Test
    void theTimeOfDayIsInTheCustomersTimeZone() {
        List<VEvent> events = events(read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics",
                "--owner", "sales_team").out()));

        // c-012 prefers 09:00-12:00 in Berlin: 15:00-18:00 in Shanghai, the end of the sales team's office day.
        assertThat(events).filteredOn(event -> value(event, "SUMMARY").contains("c-012")).singleElement()
                .satisfies(event -> assertThat(value(event, "DESCRIPTION")).endsWith(
                        "\ntime: 09:00-12:00 Europe/Berlin\npreferred hours: 09:00-12:00 Europe/Berlin"));
    }

    @Test
    void oneOwnersCalendarHoldsOnlyTheirContactsAndIsNamedForThem() {
        Calendar calendar = read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics",
                "--owner", "m-2").out());

        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("crmkit agenda of m-2 2026-04-01..2026-04-30");
        assertThat(events(calendar)).extracting(event -> value(event, "SUMMARY"))
                .containsExactly("monthly_visit c-013 via visit", "monthly_visit c-014 via visit");
    }

    @Test
    void uidsAreStableForTheSameCustomerRuleAndDayWhateverTheClock() {
        Clock later = Clock.fixed(Instant.parse("2026-04-15T00:00:00Z"), ZoneOffset.UTC);
        List<VEvent> first = events(read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics").out()));
        List<VEvent> second = events(read(CrmRun.with(later, AgendaCommandTest.args("--from", "2026-04-01",
                "--format", "ics").toArray(String[]::new)).out()));

        assertThat(second).extracting(event -> value(event, "UID"))
                .containsExactlyElementsOf(first.stream().map(event -> value(event, "UID")).toList());
        assertThat(second).allSatisfy(event -> assertThat(value(event, "DTSTAMP")).isEqualTo("20260415T000000Z"));
    }

    @Test
    void escapesCommasSemicolonsBackslashesAndNewlinesAndFoldsLongLinesBetweenCharacters() throws IOException {
        // An ERP key with every TEXT special character and enough Chinese (3 octets each) to need folding.
        String id = "Bäker, Quarterly; Co \\ 核心客户核心客户核心客户核心客户核心客户核心客户";
        Path customers = Files.writeString(dir.resolve("customers.csv"), "customer_id,name,created_on,time_zone,"
                + "preferred_hours\n\"" + id + "\",Baker,2025-01-01,Asia/Shanghai,14:00-17:30\n");
        Path orders = Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,order_date,amount,currency\n"
                + "o-1,\"" + id + "\",2026-02-01,5000.00,CNY\n");
        Path interactions = Files.writeString(dir.resolve("interactions.csv"),
                "interaction_id,customer_id,occurred_at,channel,kind\n");

        CrmRun run = CrmRun.of("agenda", "--customers", customers.toString(), "--orders", orders.toString(),
                "--interactions", interactions.toString(), "--from", "2026-04-01", "--to", "2026-04-30",
                "--format", "ics");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("SUMMARY:monthly_message Bäker\\, Quarterly\\; Co \\\\ 核心");
        List<VEvent> events = events(read(run.out()));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(value(event, "SUMMARY")).isEqualTo("monthly_message " + id + " via sms");
            // Created 2025-01-01 and never messaged: due then, 455 days before April 1.
            // Its afternoon in Shanghai, within the owners' office hours.
            assertThat(value(event, "DESCRIPTION")).isEqualTo("monthly_message: offer every 1 month, due"
                    + " 2025-01-01, 455 days overdue\nowner: automation\ntier: basic\ntime: 14:00-17:30 Asia/Shanghai"
                    + "\npreferred hours: 14:00-17:30 Asia/Shanghai");
        });
        assertThat(run.out().split("\r\n")).anySatisfy(line -> assertThat(line).startsWith(" "));
    }

    @Test
    void anEmptyPlanIsAValidCalendarHoldingThePlansTimeZone() throws Exception {
        String ics = AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics", "--owner", "nobody").out();
        Calendar calendar = read(ics);

        // RFC 5545 wants at least one component; ical4j's validation says so of a calendar without one.
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as("%s", validation).isFalse();
        assertThat(events(calendar)).isEmpty();
        // The cadences calendar's zone, in which the plan's days are counted; China's last change was in 1991.
        assertThat(calendar.getComponents()).singleElement().isInstanceOf(VTimeZone.class);
        assertThat(ics).contains("""
                BEGIN:VTIMEZONE\r
                TZID:Asia/Shanghai\r
                BEGIN:STANDARD\r
                DTSTART:19910915T020000\r
                TZOFFSETFROM:+0900\r
                TZOFFSETTO:+0800\r
                END:STANDARD\r
                END:VTIMEZONE\r
                END:VCALENDAR\r
                """);
    }
}
