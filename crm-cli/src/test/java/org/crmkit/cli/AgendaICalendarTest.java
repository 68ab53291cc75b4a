package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm agenda --format ics}, read back by a small RFC 5545 reader written here: CRLF line
 * ends, lines folded at 75 octets, one VEVENT per planned contact, escaped TEXT values.
 */
class AgendaICalendarTest {
    @TempDir
    Path dir;

    /** One component's properties, unfolded: name (with parameters) to value, in order. */
    private record Component(String name, List<Map.Entry<String, String>> properties) {
        String value(String property) {
            return properties.stream().filter(entry -> entry.getKey().equals(property)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + property + " in " + properties));
        }
    }

    /** Checks the physical lines, unfolds them, and returns the components, outermost first. */
    private static List<Component> read(String text) {
        assertThat(text).endsWith("\r\n");
        String[] physical = text.substring(0, text.length() - 2).split("\r\n", -1);
        List<String> lines = new ArrayList<>();
        for (String line : physical) {
            assertThat(line).as("no bare LF or CR").doesNotContain("\n").doesNotContain("\r");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of '%s'", line).isLessThanOrEqualTo(75);
            if (line.startsWith(" ")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        List<Component> components = new ArrayList<>();
        List<Component> open = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (name.equals("BEGIN")) {
                Component component = new Component(value, new ArrayList<>());
                components.add(component);
                open.add(component);
            } else if (name.equals("END")) {
                assertThat(open.remove(open.size() - 1).name()).isEqualTo(value);
            } else {
                open.get(open.size() - 1).properties().add(Map.entry(name, value));
            }
        }
        assertThat(open).as("every BEGIN has its END").isEmpty();
        return components;
    }

    /** Reverses RFC 5545 TEXT escaping. */
    private static String unescape(String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = value.charAt(++i);
                text.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                assertThat(c).as("unescaped special character in '%s'", value).isNotIn(',', ';');
                text.append(c);
            }
        }
        return text.toString();
    }

    private static List<Component> events(List<Component> components) {
        return components.stream().filter(component -> component.name().equals("VEVENT")).toList();
    }

    @Test
    void oneAllDayEventPerPlannedContactInOneCalendarOfAllOwners() {
        CrmRun ics = AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics");
        CrmRun jsonl = AgendaCommandTest.agenda("--from", "2026-04-01");

        assertThat(ics.status()).as(ics.err()).isZero();
        List<Component> components = read(ics.out());
        Component calendar = components.get(0);
        assertThat(calendar.name()).isEqualTo("VCALENDAR");
        assertThat(calendar.value("VERSION")).isEqualTo("2.0");
        assertThat(calendar.value("PRODID")).isEqualTo("-//crmkit//crm agenda//EN");
        assertThat(unescape(calendar.value("X-WR-CALNAME")))
                .isEqualTo("crmkit agenda of all owners 2026-04-01..2026-04-30");
        List<Component> events = events(components);
        assertThat(events).hasSize(jsonl.json().size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode contact = jsonl.json().get(i);
            Component event = events.get(i);
            String day = contact.get("date").asText().replace("-", "");
            assertThat(event.value("DTSTART;VALUE=DATE")).isEqualTo(day);
            assertThat(unescape(event.value("SUMMARY"))).isEqualTo(contact.get("rule").asText() + " "
                    + contact.get("customer_id").asText() + " via " + contact.get("channel").asText());
            assertThat(unescape(event.value("DESCRIPTION"))).startsWith(contact.get("reason").asText() + "\nowner: "
                    + contact.get("owner").asText() + "\n");
            // The test clock: 2026-03-31T04:00:00Z.
            assertThat(event.value("DTSTAMP")).isEqualTo("20260331T040000Z");
        }
        assertThat(events).extracting(event -> event.value("UID")).doesNotHaveDuplicates()
                .allSatisfy(uid -> assertThat(uid).matches("[0-9a-f-]{36}@crmkit"));
    }

    @Test
    void theOverdueVisitIsAnAllDayEventWithItsReasonEscaped() {
        List<Component> events = events(read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics",
                "--owner", "m-1").out()));

        Component visit = events.get(1);
        assertThat(visit.properties()).extracting(Map.Entry::getKey).containsExactly("UID", "DTSTAMP",
                "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION", "CATEGORIES", "TRANSP");
        assertThat(visit.value("DTSTART;VALUE=DATE")).isEqualTo("20260401");
        assertThat(visit.value("DTEND;VALUE=DATE")).isEqualTo("20260402");
        assertThat(visit.value("SUMMARY")).isEqualTo("monthly_visit c-003 via visit");
        assertThat(visit.value("DESCRIPTION")).isEqualTo("monthly_visit: visit every 1 month\\, due 2026-03-25\\, 7"
                + " days overdue\\nowner: m-1\\ntier: core\\ntime: 09:00-12:00 Asia/Shanghai\\npreferred hours:"
                + " 09:00-12:00");
        assertThat(visit.value("TRANSP")).isEqualTo("TRANSPARENT");
    }

    @Test
    void theTimeOfDayIsInTheCustomersTimeZone() {
        List<Component> events = events(read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics",
                "--owner", "sales_team").out()));

        // c-012 prefers 09:00-12:00 in Berlin: 15:00-18:00 in Shanghai, the end of the sales team's office day.
        assertThat(events).filteredOn(event -> event.value("SUMMARY").contains("c-012")).singleElement()
                .satisfies(event -> assertThat(unescape(event.value("DESCRIPTION"))).endsWith(
                        "\ntime: 09:00-12:00 Europe/Berlin\npreferred hours: 09:00-12:00 Europe/Berlin"));
    }

    @Test
    void oneOwnersCalendarHoldsOnlyTheirContactsAndIsNamedForThem() {
        List<Component> components = read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics",
                "--owner", "m-2").out());

        assertThat(unescape(components.get(0).value("X-WR-CALNAME"))).isEqualTo("crmkit agenda of m-2"
                + " 2026-04-01..2026-04-30");
        assertThat(events(components)).extracting(event -> event.value("SUMMARY"))
                .containsExactly("monthly_visit c-013 via visit", "monthly_visit c-014 via visit");
    }

    @Test
    void uidsAreStableForTheSameCustomerRuleAndDayWhateverTheClock() {
        Clock later = Clock.fixed(Instant.parse("2026-04-15T00:00:00Z"), ZoneOffset.UTC);
        List<Component> first = events(read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics").out()));
        List<Component> second = events(read(CrmRun.with(later, AgendaCommandTest.args("--from", "2026-04-01",
                "--format", "ics").toArray(String[]::new)).out()));

        assertThat(second).extracting(event -> event.value("UID"))
                .containsExactlyElementsOf(first.stream().map(event -> event.value("UID")).toList());
        assertThat(second).allSatisfy(event -> assertThat(event.value("DTSTAMP")).isEqualTo("20260415T000000Z"));
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
        List<Component> events = events(read(run.out()));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(unescape(event.value("SUMMARY"))).isEqualTo("monthly_message " + id + " via sms");
            // Created 2025-01-01 and never messaged: due then, 455 days before April 1.
            // Its afternoon in Shanghai, within the owners' office hours.
            assertThat(unescape(event.value("DESCRIPTION"))).isEqualTo("monthly_message: offer every 1 month, due"
                    + " 2025-01-01, 455 days overdue\nowner: automation\ntier: basic\ntime: 14:00-17:30 Asia/Shanghai"
                    + "\npreferred hours: 14:00-17:30 Asia/Shanghai");
        });
        assertThat(run.out().split("\r\n")).anySatisfy(line -> assertThat(line).startsWith(" "));
    }

    @Test
    void anEmptyPlanIsAnEmptyCalendar() {
        List<Component> components = read(AgendaCommandTest.agenda("--from", "2026-04-01", "--format", "ics",
                "--owner", "nobody").out());

        assertThat(components).extracting(Component::name).containsExactly("VCALENDAR");
    }
}
